// The published admin client (src/lib/admin-client.ts) restates the admin API's wire types instead
// of importing them, because its .d.ts ships on its own and the server's modules' do not. This
// file holds the two copies together: it compiles only while each pair is the same type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as Client from '../../src/lib/admin-client.js';
import type * as Journal from '../../src/runtime/journal.js';
import type * as Faults from '../../src/runtime/faults.js';
import type { PendingView } from '../../src/engine/transitions.js';

/** true when A and B are the same type (not merely assignable one way), else false. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

test("the admin client's wire types are the server's", () => {
  const same: true[] = [
    true satisfies Same<Client.JournalEvent, Journal.JournalEvent>,
    true satisfies Same<Client.FaultEffect, Faults.FaultEffect>,
    true satisfies Same<Client.FaultRule, Faults.FaultRule>,
    true satisfies Same<Client.PendingTransition, PendingView>,
  ];
  assert.equal(same.length, 4);
});
