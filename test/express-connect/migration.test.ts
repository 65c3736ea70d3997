// A database written before the Express Connect module's second migration still works: its
// physical connections and VBRs get the new columns with their defaults (and their account's
// default resource group), and the new actions work on them. The old database is made by turning
// a new one back into the first migration's shape, rows included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ACCOUNTS, World, startWorld } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import { SQLITE } from '../../src/resources/express-connect/migrations.js';
import { Ec, REGION } from './ec.js';

const V1_PC = [
  'id',
  'accountId',
  'regionId',
  'accessPointId',
  'type',
  'lineOperator',
  'portType',
  'bandwidth',
  'name',
  'description',
  'circuitCode',
  'peerLocation',
  'redundantId',
  'status',
  'createdAt',
  'enabledAt',
  'pendingStatus',
  'dueAt',
].join(', ');

const V1_VBR = [
  'id',
  'accountId',
  'regionId',
  'physicalConnectionId',
  'physicalConnectionOwnerId',
  'accessPointId',
  'vlanId',
  'vlanInterfaceId',
  'localGatewayIp',
  'peerGatewayIp',
  'peeringSubnetMask',
  'name',
  'description',
  'circuitCode',
  'bandwidth',
  'status',
  'routeTableId',
  'tags',
  'createdAt',
  'activatedAt',
].join(', ');

/** Rewrites the two tables as the first migration made them, keeping their rows, and forgets migration 2. */
function backToVersion1(dbFile: string): void {
  const db = new Database(dbFile);
  const first = SQLITE[0];
  assert.ok(first);
  db.transaction(() => {
    db.exec(`
      ALTER TABLE physical_connections RENAME TO pc_new;
      ALTER TABLE vbrs RENAME TO vbrs_new;
      DROP INDEX physical_connections_owner; DROP INDEX physical_connections_due;
      DROP INDEX vbrs_owner; DROP INDEX vbrs_pc; DROP INDEX vbrs_due;
    `);
    db.exec(first.sql);
    db.exec(`
      INSERT INTO physical_connections (${V1_PC}) SELECT ${V1_PC} FROM pc_new;
      INSERT INTO vbrs (${V1_VBR}) SELECT ${V1_VBR} FROM vbrs_new;
      DROP TABLE pc_new; DROP TABLE vbrs_new;
      DELETE FROM schema_migrations WHERE module = 'express-connect' AND version > 1;
    `);
  })();
  const cols = (db.prepare("SELECT name FROM pragma_table_info('vbrs')").all() as { name: string }[]).map((c) => c.name);
  assert.ok(!cols.includes('dueAt') && !cols.includes('resourceGroupId'));
  db.close();
}

test('a database from before migration 2: rows keep working, with the new fields at their defaults', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-ec-migration-'));
  try {
    const first = await startWorld({}, dir);
    let pc: string, vbr: string, crossVbr: string;
    try {
      const ec = new Ec(new World(first));
      pc = await ec.enabledPc();
      vbr = await ec.createVbr(pc, ACCOUNTS.a, {
        name: 'old-vbr',
        tags: [new Vpc.CreateVirtualBorderRouterRequestTags({ key: 'env', value: 'old' })],
      });
      crossVbr = await ec.createVbr(pc, ACCOUNTS.a, { vbrOwnerId: Number(ACCOUNTS.b.uid) });
    } finally {
      await first.close();
    }
    backToVersion1(join(dir, 'localvpc.db'));

    const second = await startWorld({}, dir);
    try {
      assert.equal(second.app.store.schema()['express-connect'], 2);
      const w = new World(second);
      const ec = new Ec(w);
      const p = await ec.pc(pc);
      assert.deepEqual([p?.status, p?.resourceGroupId, p?.tags?.tags], ['Enabled', `rg-acfm${ACCOUNTS.a.uid.slice(-11)}`, []]);
      const v = await ec.vbr(vbr);
      assert.deepEqual(
        [v?.status, v?.name, v?.minRxInterval, v?.minTxInterval, v?.detectMultiplier, v?.mtu, v?.enableIpv6, v?.sitelinkEnable],
        ['active', 'old-vbr', 200, 200, 3, 1500, false, false],
      );
      assert.deepEqual(
        [v?.resourceGroupId, v?.terminationTime, v?.tags?.tags?.[0]?.value],
        [`rg-acfm${ACCOUNTS.a.uid.slice(-11)}`, '', 'old'],
      );
      assert.equal((await ec.vbr(crossVbr, ACCOUNTS.b))?.resourceGroupId, `rg-acfm${ACCOUNTS.b.uid.slice(-11)}`);

      // the new actions on the old rows
      const c = w.client();
      await c.modifyVirtualBorderRouterAttribute(
        new Vpc.ModifyVirtualBorderRouterAttributeRequest({ regionId: REGION, vbrId: vbr, mtu: 8500 }),
      );
      await c.terminateVirtualBorderRouter(new Vpc.TerminateVirtualBorderRouterRequest({ regionId: REGION, vbrId: vbr }));
      await ec.waitFor(() => ec.vbrStatus(vbr), 'terminated');
      for (const id of [vbr, crossVbr])
        await c.deleteVirtualBorderRouter(new Vpc.DeleteVirtualBorderRouterRequest({ regionId: REGION, vbrId: id }));
      await c.terminatePhysicalConnection(new Vpc.TerminatePhysicalConnectionRequest({ regionId: REGION, physicalConnectionId: pc }));
      await ec.waitFor(() => ec.pcStatus(pc), 'Terminated');
      await c.deletePhysicalConnection(new Vpc.DeletePhysicalConnectionRequest({ regionId: REGION, physicalConnectionId: pc }));
      assert.equal(await ec.pc(pc), undefined);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
