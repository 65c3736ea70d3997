// GET /_localvpc/events: the journal pushed as Server-Sent Events, read here as a browser's
// EventSource would (a streamed fetch), while the official SDK makes the calls.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWorld, type World } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
const REGION = 'cn-hangzhou';

before(async () => ({ srv, w } = await openWorld()));
after(async () => srv.close());

interface Frame {
  id?: string;
  event?: string;
  data?: Record<string, unknown>;
}

/** Opens the stream and reads frames (comments skipped) until `until` says enough. */
async function read(path: string, until: (frames: Frame[]) => boolean, init: RequestInit = {}): Promise<Frame[]> {
  const ac = new AbortController();
  const res = await fetch(`${srv.url}${path}`, { ...init, signal: ac.signal });
  assert.equal(res.status, 200, await (res.status === 200 ? Promise.resolve('') : res.text()));
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const frames: Frame[] = [];
  const decoder = new TextDecoder();
  let buf = '';
  try {
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      buf += decoder.decode(chunk, { stream: true });
      let cut: number;
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        const f: Frame = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const [k, ...v] = line.split(': ');
          if (k === 'id') f.id = v.join(': ');
          else if (k === 'event') f.event = v.join(': ');
          else if (k === 'data') f.data = JSON.parse(v.join(': ')) as Record<string, unknown>;
        }
        if (f.event) frames.push(f);
      }
      if (until(frames)) break;
    }
  } finally {
    ac.abort();
  }
  return frames;
}

const createVpc = (name: string) =>
  w.client().createVpc(new Vpc.CreateVpcRequest({ regionId: REGION, cidrBlock: '10.0.0.0/16', vpcName: name }));

describe('the journal as Server-Sent Events', { timeout: 60_000 }, () => {
  test('a call made while the stream is open arrives, shaped as GET /_localvpc/journal shows it', async () => {
    const before = await (
      await fetch(`${srv.url}/_localvpc/journal?limit=1000`, { headers: { authorization: `Bearer ${srv.app.adminToken}` } })
    ).json();
    const last = (before as { events: { eventId: number }[] }).events.at(-1)?.eventId ?? 0;
    const pending = read(`/_localvpc/events?after=${last}&eventName=CreateVpc`, (f) => f.length >= 1, {
      headers: { authorization: `Bearer ${srv.app.adminToken}` },
    });
    const made = await createVpc('live-1');
    const [frame] = await pending;
    assert.equal(frame?.event, 'journal');
    assert.equal(frame?.data?.eventName, 'CreateVpc');
    assert.equal(frame?.data?.resourceName, made.body?.vpcId);
    assert.equal(frame?.id, String(frame?.data?.eventId));
    const journal = (await (
      await fetch(`${srv.url}/_localvpc/journal?after=${last}&eventName=CreateVpc`, {
        headers: { authorization: `Bearer ${srv.app.adminToken}` },
      })
    ).json()) as { events: unknown[] };
    assert.deepEqual(frame?.data, journal.events[0]);
  });

  test('Last-Event-ID replays what came after it, in order, then goes on live; the token may be a query parameter', async () => {
    const a = await createVpc('replay-a');
    const b = await createVpc('replay-b');
    const journal = (await (
      await fetch(`${srv.url}/_localvpc/journal?eventName=CreateVpc&resourceName=${a.body?.vpcId}`, {
        headers: { authorization: `Bearer ${srv.app.adminToken}` },
      })
    ).json()) as { events: { eventId: number }[] };
    const aId = journal.events[0]?.eventId as number;
    let c: ReturnType<typeof createVpc> | undefined;
    const frames = await read(
      `/_localvpc/events?eventName=CreateVpc&token=${srv.app.adminToken}`,
      (f) => {
        if (f.length === 1) c ??= createVpc('replay-c'); // once the replay has arrived
        return f.length >= 2;
      },
      { headers: { 'last-event-id': String(aId) } },
    );
    assert.deepEqual(
      frames.map((f) => f.data?.resourceName),
      [b.body?.vpcId, (await c)?.body?.vpcId],
    );
    assert.ok(Number(frames[0]?.id) < Number(frames[1]?.id));
  });

  test('no token, a wrong one, or an unknown filter is refused', async () => {
    assert.equal((await fetch(`${srv.url}/_localvpc/events`)).status, 401);
    assert.equal((await fetch(`${srv.url}/_localvpc/events?token=nope`)).status, 401);
    const res = await fetch(`${srv.url}/_localvpc/events?evntName=CreateVpc`, {
      headers: { authorization: `Bearer ${srv.app.adminToken}` },
    });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /did you mean "eventName"/i);
    const bad = await fetch(`${srv.url}/_localvpc/events`, {
      headers: { authorization: `Bearer ${srv.app.adminToken}`, 'last-event-id': 'x' },
    });
    assert.equal(bad.status, 400);
  });

  test('the server stops promptly with a stream open: the stream ends', async () => {
    const { srv: other } = await openWorld();
    const res = await fetch(`${other.url}/_localvpc/events`, { headers: { authorization: `Bearer ${other.app.adminToken}` } });
    assert.equal(res.status, 200);
    const body = res.text(); // resolves when the server ends the stream
    await other.close();
    assert.match(await body, /^: localvpc journal/);
  });
});
