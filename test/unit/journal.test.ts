// The journal's ring against a plain list model (fast-check): the same events kept, in the same
// order, for any capacity and any number of adds, and queries that page and filter alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MemoryJournal, type JournalEntry, type JournalEvent } from '../../src/runtime/journal.js';

const entry = (name: string): JournalEntry => ({
  at: Date.UTC(2026, 0, 1),
  type: name.startsWith('T') ? 'Transition' : 'ApiCall',
  name,
  requestId: '',
  region: 'cn-hangzhou',
  account: '1',
  resource: '',
  code: '',
  message: '',
});

/** The ActionTrail shape queries answer. */
const event = (name: string): Omit<JournalEvent, 'eventId'> => ({
  eventTime: '2026-01-01T00:00:00Z',
  eventType: name.startsWith('T') ? 'Transition' : 'ApiCall',
  eventName: name,
  requestId: '',
  acsRegion: 'cn-hangzhou',
  userIdentity: { accountId: '1' },
  resourceName: '',
  errorCode: '',
  errorMessage: '',
});

test('the ring keeps the newest `capacity` events, oldest first, as a list would', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 7 }),
      fc.array(fc.constantFrom('A', 'B', 'T1', 'T2'), { maxLength: 40 }),
      async (capacity, names) => {
        const journal = new MemoryJournal(capacity);
        const model: JournalEvent[] = [];
        names.forEach((n, i) => {
          journal.add(entry(n));
          model.push({ eventId: i + 1, ...event(n) });
          if (model.length > capacity) model.shift();
        });
        assert.equal(await journal.size(), model.length);
        assert.deepEqual((await journal.query({ limit: 1000 })).events, model);
        const transitions = model.filter((e) => e.eventType === 'Transition');
        const q = await journal.query({ eventType: 'Transition', offset: 1, limit: 2 });
        assert.equal(q.total, transitions.length);
        assert.deepEqual(q.events, transitions.slice(1, 3));
        const after = model[1]?.eventId ?? 0;
        assert.deepEqual(
          (await journal.query({ after, limit: 1000 })).events,
          model.filter((e) => e.eventId > after),
        );
      },
    ),
    { numRuns: 300 },
  );
});
