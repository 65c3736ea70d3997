// Building blocks for router-interface tests, all through the official TypeScript SDK: accounts,
// VPCs, interfaces, pairing, polling.
import { Vpc, vpcClient, type Key, type VpcClient } from './clients.js';
import { DEFAULT_KEY, DEFAULT_UID, startServer, type TestServer } from './server.js';
import type { Config } from '../../src/config/config.js';

export interface TestAccount {
  uid: string;
  key: Key;
}

function account(uid: string, site: 'china' | 'international', flags: { billsOutstanding?: boolean; financialLocked?: boolean } = {}) {
  const key = { id: `LTAI5tTest${uid.slice(-6)}Key00000`, secret: `TestSecret${uid}xxxx` };
  return {
    seed: { aliUid: uid, site, ...flags, accessKeys: [{ accessKeyId: key.id, accessKeySecret: key.secret }] },
    account: { uid, key },
  };
}

const B = account('1000000000000002', 'china');
const INTL = account('1000000000000003', 'international');
const BILLS = account('1000000000000004', 'china', { billsOutstanding: true });
const LOCKED = account('1000000000000005', 'china', { financialLocked: true });

export const ACCOUNTS = {
  a: { uid: DEFAULT_UID, key: DEFAULT_KEY },
  b: B.account,
  intl: INTL.account,
  bills: BILLS.account,
  locked: LOCKED.account,
};

/** A server with the test accounts above (and no transition delay unless told). */
export function startWorld(overrides: Partial<Config> = {}, dataDir?: string): Promise<TestServer> {
  return startServer({ accounts: [B.seed, INTL.seed, BILLS.seed, LOCKED.seed], ...overrides }, dataDir);
}

/** A started server with the test accounts and a World on it. */
export async function openWorld(overrides: Partial<Config> = {}): Promise<{ srv: TestServer; w: World }> {
  const srv = await startWorld(overrides);
  return { srv, w: new World(srv) };
}

export class World {
  readonly clients = new Map<string, VpcClient>();

  constructor(readonly srv: TestServer) {}

  client(who: TestAccount = ACCOUNTS.a): VpcClient {
    let c = this.clients.get(who.uid);
    if (!c) this.clients.set(who.uid, (c = vpcClient(this.srv.port, { key: who.key })));
    return c;
  }

  async vpc(regionId: string, who: TestAccount = ACCOUNTS.a): Promise<{ vpcId: string; routerId: string; routeTableId: string }> {
    const r = await this.client(who).createVpc(new Vpc.CreateVpcRequest({ regionId, cidrBlock: '10.0.0.0/16' }));
    const body = r.body as unknown as { vpcId: string; VRouterId: string; routeTableId: string };
    return { vpcId: body.vpcId, routerId: body.VRouterId, routeTableId: body.routeTableId };
  }

  async ri(opts: {
    regionId: string;
    routerId: string;
    role: 'InitiatingSide' | 'AcceptingSide';
    oppositeRegionId: string;
    spec?: string;
    routerType?: string;
    accessPointId?: string;
    who?: TestAccount;
    extra?: Record<string, unknown>;
  }): Promise<string> {
    const r = await this.client(opts.who).createRouterInterface(
      new Vpc.CreateRouterInterfaceRequest({
        regionId: opts.regionId,
        role: opts.role,
        routerType: opts.routerType ?? 'VRouter',
        routerId: opts.routerId,
        spec: opts.spec ?? (opts.role === 'AcceptingSide' ? 'Negative' : 'Large.2'),
        oppositeRegionId: opts.oppositeRegionId,
        accessPointId: opts.accessPointId,
        ...opts.extra,
      }),
    );
    return r.body?.routerInterfaceId as string;
  }

  /** Sets the four opposite fields of `self` to point at `other`. */
  async point(self: End, other: End, routerType = 'VRouter'): Promise<void> {
    await this.client(self.who).modifyRouterInterfaceAttribute(
      new Vpc.ModifyRouterInterfaceAttributeRequest({
        regionId: self.regionId,
        routerInterfaceId: self.id,
        oppositeInterfaceId: other.id,
        oppositeRouterId: other.routerId,
        oppositeRouterType: routerType,
        oppositeInterfaceOwnerId: Number((other.who ?? ACCOUNTS.a).uid),
      }),
    );
  }

  /**
   * Two VPCs (two regions), an initiator and an acceptor pointing at each other. The opposite
   * regions each end is created with, and the second end's role, can be set wrong on purpose.
   */
  async pair(
    opts: {
      iniRegion?: string;
      accRegion?: string;
      iniWho?: TestAccount;
      accWho?: TestAccount;
      iniOppositeRegion?: string;
      accOppositeRegion?: string;
      accRole?: 'InitiatingSide' | 'AcceptingSide';
    } = {},
  ): Promise<{ ini: End; acc: End }> {
    const iniRegion = opts.iniRegion ?? 'cn-hangzhou';
    const accRegion = opts.accRegion ?? 'cn-shanghai';
    const v1 = await this.vpc(iniRegion, opts.iniWho);
    const v2 = await this.vpc(accRegion, opts.accWho);
    const ini: End = { id: '', regionId: iniRegion, routerId: v1.routerId, who: opts.iniWho, vpcId: v1.vpcId };
    const acc: End = { id: '', regionId: accRegion, routerId: v2.routerId, who: opts.accWho, vpcId: v2.vpcId };
    ini.id = await this.ri({
      regionId: iniRegion,
      routerId: v1.routerId,
      role: 'InitiatingSide',
      oppositeRegionId: opts.iniOppositeRegion ?? accRegion,
      who: opts.iniWho,
    });
    acc.id = await this.ri({
      regionId: accRegion,
      routerId: v2.routerId,
      role: opts.accRole ?? 'AcceptingSide',
      oppositeRegionId: opts.accOppositeRegion ?? iniRegion,
      who: opts.accWho,
    });
    await this.point(ini, acc);
    await this.point(acc, ini);
    return { ini, acc };
  }

  async vpcRouteTable(end: End): Promise<string> {
    const r = await this.client(end.who).describeRouteTableList(
      new Vpc.DescribeRouteTableListRequest({ regionId: end.regionId, vpcId: end.vpcId }),
    );
    return r.body?.routerTableList?.routerTableListType?.[0]?.routeTableId as string;
  }

  async connect(end: End): Promise<void> {
    await this.client(end.who).connectRouterInterface(
      new Vpc.ConnectRouterInterfaceRequest({ regionId: end.regionId, routerInterfaceId: end.id }),
    );
  }

  async describe(end: End) {
    const r = await this.client(end.who).describeRouterInterfaces(
      new Vpc.DescribeRouterInterfacesRequest({
        regionId: end.regionId,
        filter: [new Vpc.DescribeRouterInterfacesRequestFilter({ key: 'RouterInterfaceId', value: [end.id] })],
      }),
    );
    return r.body?.routerInterfaceSet?.routerInterfaceType?.[0];
  }

  async status(end: End): Promise<string | undefined> {
    return (await this.describe(end))?.status;
  }

  /** Polls until the interface reaches `status` (or is gone, for `undefined`), as a client would. */
  async waitFor(end: End, status: string | undefined, timeoutMs = 5000): Promise<string[]> {
    const seen: string[] = [];
    const until = Date.now() + timeoutMs;
    for (;;) {
      const s = await this.status(end);
      if (seen[seen.length - 1] !== s) seen.push(String(s));
      if (s === status) return seen;
      if (Date.now() > until) throw new Error(`${end.id} did not reach ${status}; saw ${seen.join(' -> ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export interface End {
  id: string;
  regionId: string;
  routerId: string;
  vpcId: string;
  who?: TestAccount;
}
