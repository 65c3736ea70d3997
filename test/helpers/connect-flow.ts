// The connect flow of the README and docs/connect-flow.md, one official-SDK call per step: the
// accepting end in Shanghai, the initiating end in Hangzhou naming it, the acceptor's opposite
// fields naming the initiator back, connect from the initiator. A test that walks the flow calls
// the steps in order (and may put wrong steps between them).
import { Vpc, type VpcClient } from './clients.js';

/** One end as the other names it: its interface, its router and its owner. */
export interface Opposite {
  interfaceId: string;
  routerId: string;
  ownerUid: string;
}

/** 1. The accepting end, on the Shanghai router `routerId`: its interface id. */
export async function createAcceptor(c: VpcClient, routerId: string): Promise<string> {
  const r = await c.createRouterInterface(
    new Vpc.CreateRouterInterfaceRequest({
      regionId: 'cn-shanghai',
      role: 'AcceptingSide',
      routerType: 'VRouter',
      routerId,
      spec: 'Negative',
      oppositeRegionId: 'cn-hangzhou',
    }),
  );
  return r.body?.routerInterfaceId as string;
}

/** 2. The initiating end, on the Hangzhou router `routerId`, naming the acceptor (unless `acceptor` is left out): its interface id. */
export async function createInitiator(c: VpcClient, routerId: string, acceptor?: Opposite): Promise<string> {
  const r = await c.createRouterInterface(
    new Vpc.CreateRouterInterfaceRequest({
      regionId: 'cn-hangzhou',
      role: 'InitiatingSide',
      routerType: 'VRouter',
      routerId,
      spec: 'Mini.2',
      oppositeRegionId: 'cn-shanghai',
      ...(acceptor && {
        oppositeInterfaceId: acceptor.interfaceId,
        oppositeRouterId: acceptor.routerId,
        oppositeRouterType: 'VRouter',
        oppositeInterfaceOwnerId: acceptor.ownerUid,
      }),
    }),
  );
  return r.body?.routerInterfaceId as string;
}

/** 3. The acceptor `acc`'s opposite fields, naming the initiator back. */
export async function nameInitiator(c: VpcClient, acc: string, initiator: Opposite): Promise<void> {
  await c.modifyRouterInterfaceAttribute(
    new Vpc.ModifyRouterInterfaceAttributeRequest({
      regionId: 'cn-shanghai',
      routerInterfaceId: acc,
      oppositeInterfaceId: initiator.interfaceId,
      oppositeRouterId: initiator.routerId,
      oppositeRouterType: 'VRouter',
      oppositeInterfaceOwnerId: Number(initiator.ownerUid),
    }),
  );
}

/** 4. ConnectRouterInterface on `id` in `regionId` (the initiator, in Hangzhou, when the flow is followed). */
export function connect(c: VpcClient, id: string, regionId = 'cn-hangzhou'): Promise<unknown> {
  return c.connectRouterInterface(new Vpc.ConnectRouterInterfaceRequest({ regionId, routerInterfaceId: id }));
}
