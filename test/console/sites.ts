// Two VPCs in two regions, each with a vSwitch, joined by an Active pair with routes each way (or
// not), all through the official SDK: the state the reachability tests walk.
import { Vpc } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';
import type { End, World } from '../helpers/world.js';
import type { TestServer } from '../helpers/server.js';

export interface Site {
  regionId: string;
  vpcId: string;
  routerId: string;
  routeTableId: string;
  vswitchId: string;
}

export async function site(srv: TestServer, w: World, regionId: string, zoneId: string, cidr: string, vswCidr: string): Promise<Site> {
  const c = w.client();
  const v = await c.createVpc(new Vpc.CreateVpcRequest({ regionId, cidrBlock: cidr }));
  const body = v.body as unknown as { vpcId: string; VRouterId: string; routeTableId: string };
  await admin(srv, 'POST', `/_localvpc/transitions/${body.vpcId}/step`);
  const sw = await c.createVSwitch(new Vpc.CreateVSwitchRequest({ regionId, vpcId: body.vpcId, zoneId, cidrBlock: vswCidr }));
  return {
    regionId,
    vpcId: body.vpcId,
    routerId: body.VRouterId,
    routeTableId: body.routeTableId,
    vswitchId: sw.body?.vSwitchId as string,
  };
}

export async function route(w: World, s: Site, destination: string, ri: string): Promise<string> {
  const r = await w.client().createRouteEntry(
    new Vpc.CreateRouteEntryRequest({
      regionId: s.regionId,
      routeTableId: s.routeTableId,
      destinationCidrBlock: destination,
      nextHopType: 'RouterInterface',
      nextHopId: ri,
    }),
  );
  return r.body?.routeEntryId as string;
}

/** 10.n.0.0/16 in cn-hangzhou and 10.(n+1).0.0/16 in cn-shanghai, linked, with a route each way unless told otherwise. */
export async function linked(srv: TestServer, w: World, n: number, opts: { returnRoute?: boolean } = {}) {
  const hz = await site(srv, w, 'cn-hangzhou', 'cn-hangzhou-h', `10.${n}.0.0/16`, `10.${n}.1.0/24`);
  const sh = await site(srv, w, 'cn-shanghai', 'cn-shanghai-b', `10.${n + 1}.0.0/16`, `10.${n + 1}.1.0/24`);
  const ini: End = { id: '', regionId: hz.regionId, routerId: hz.routerId, vpcId: hz.vpcId };
  const acc: End = { id: '', regionId: sh.regionId, routerId: sh.routerId, vpcId: sh.vpcId };
  ini.id = await w.ri({ regionId: hz.regionId, routerId: hz.routerId, role: 'InitiatingSide', oppositeRegionId: sh.regionId });
  acc.id = await w.ri({ regionId: sh.regionId, routerId: sh.routerId, role: 'AcceptingSide', oppositeRegionId: hz.regionId });
  await w.point(ini, acc);
  await w.point(acc, ini);
  await w.connect(ini);
  await w.waitFor(acc, 'Active');
  await route(w, hz, `10.${n + 1}.0.0/16`, ini.id);
  if (opts.returnRoute !== false) await route(w, sh, `10.${n}.0.0/16`, acc.id);
  // the route entries settle (Pending -> Available) with the next call
  await w.status(ini);
  return { hz, sh, ini, acc };
}
