// Several LocalVPC nodes (child processes, `localvpc serve --store postgres://…`) on one database,
// each on its own port, as a deployment behind a load balancer would run them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, TEST_TOKEN, type ChildServer } from './child.js';

export { TEST_TOKEN };

export interface Nodes {
  nodes: ChildServer[];
  /** Starts one more node on the same database (a replacement for a killed one). */
  add(): Promise<ChildServer>;
  close(): Promise<void>;
}

export async function startNodes(count: number, url: string, args: string[] = []): Promise<Nodes> {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-nodes-'));
  const all: ChildServer[] = [];
  const add = async (): Promise<ChildServer> => {
    const n = await spawnServer(dir, ['--store', url, ...args]);
    all.push(n);
    return n;
  };
  // one after another: the first migrates the database (the others would wait on its lock anyway)
  const nodes: ChildServer[] = [];
  for (let i = 0; i < count; i++) nodes.push(await add());
  return {
    nodes,
    add,
    async close() {
      await Promise.all(all.map((n) => n.kill('SIGTERM')));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a node's admin API with the test token. */
export async function nodeAdmin(node: ChildServer, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(node.url + path, {
    method,
    headers: { authorization: `Bearer ${TEST_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

/** Polls `check` until it returns true, or fails after `timeoutMs` with `what`. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
