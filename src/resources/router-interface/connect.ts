// ConnectRouterInterface: the initiating end starts a link to the accepting end it names.
// The order of the checks is fixed and documented (README, "ConnectRouterInterface"):
//  1 RegionId known (engine)                       InvalidRegionId.NotFound
//  2 the interface is the caller's, in RegionId    InvalidRouterInterfaceId.NotFound
//  3 it is the initiating side                     IncorrectRole.NotInitiatingSide
//  4 it is Idle                                    IncorrectRIStatus
//  5 its four opposite fields are set              IncorrectOppositeInterfaceInfo.NotSet
//  6 the opposite router is not its own router     IncorrectOppositeInterfaceInfo
//  7 the caller has no bills outstanding           Forbidden.BillsOutstanding
//  8 OppositeInterfaceOwnerId is a well-formed AliUid (16 digits)   ErrCode.Invalid
//  9 that account exists                           InvalidAccount.NotFound
// 10 both accounts are on the same site (bid)      CROSS_BID.FORBIDDEN
// 11 the accepting end exists and matches, field by field, and names the initiator back
//                                                  AttrMismatching.AcceptingSide*
// 12 the accepting end is Idle                     IncorrectRIStatus
// 13 a VBR connecting to another account's VPC holds that VPC's grant   IllegalParam.InstanceOwner
// 14 no other link (or connect in progress) between the two routers     Forbidden.OnlyOneConnection
// Then: initiator Connecting, acceptor AcceptingConnecting, both Active after the transition delay.
import { defineAction, type HandlerContext } from '../../engine/action.js';
import { found, runChecks, type Check } from '../../engine/checks.js';
import type { Account } from '../accounts/model.js';
import { getAccount, isAliUid } from '../accounts/service.js';
import { vbrMayConnect } from '../express-connect/queries.js';
import { getRouter, getVpc } from '../vpc/queries.js';
import { checkAcceptingSide, connectionBetween } from './connect-rules.js';
import { ownInterface, startTransition } from './lookup.js';
import type { RouterInterface } from './model.js';
import { allowed } from './states.js';
import { ROUTER_INTERFACES } from './storage.js';
import { RI_TRANSITIONS } from './transitions.js';

/** What the checks find as they go: the initiating end, the peer's account, the accepting end. */
export interface ConnectState {
  regionId: string;
  id: string;
  ini?: RouterInterface;
  peerAccount?: Account;
  acc?: RouterInterface;
}

const ini = (s: ConnectState) => found(s.ini, 'the initiating end');
const acc = (s: ConnectState) => found(s.acc, 'the accepting end');

/** Checks 2 to 14 of the order above (1 is the engine's), run by the handler and by explain. */
export const CONNECT_CHECKS: readonly Check<ConnectState>[] = [
  {
    label: "the interface is the caller's, in RegionId",
    codes: ['InvalidRouterInterfaceId.NotFound'],
    run: async (s, ctx) => void (s.ini = await ownInterface(ctx, s.regionId, s.id)),
  },
  {
    label: 'it is the initiating side',
    codes: ['IncorrectRole.NotInitiatingSide'],
    needs: ['ini'],
    run: (s, ctx) => {
      if (ini(s).role !== 'InitiatingSide') throw ctx.error('IncorrectRole.NotInitiatingSide');
    },
  },
  {
    label: 'it is Idle',
    codes: ['IncorrectRIStatus'],
    needs: ['ini'],
    run: (s, ctx) => {
      if (!allowed(ini(s), 'connect')) throw ctx.error('IncorrectRIStatus');
    },
  },
  {
    label: 'its four opposite fields are set (interface, router, router type, owner)',
    codes: ['IncorrectOppositeInterfaceInfo.NotSet'],
    needs: ['ini'],
    run: (s, ctx) => {
      const i = ini(s);
      if (!i.oppositeInterfaceId || !i.oppositeRouterId || !i.oppositeRouterType || !i.oppositeInterfaceOwnerId)
        throw ctx.error('IncorrectOppositeInterfaceInfo.NotSet');
    },
  },
  {
    label: 'the opposite router is not its own router',
    codes: ['IncorrectOppositeInterfaceInfo'],
    needs: ['ini'],
    run: (s, ctx) => {
      if (ini(s).oppositeRouterId === ini(s).routerId) throw ctx.error('IncorrectOppositeInterfaceInfo');
    },
  },
  {
    label: 'the caller has no bills outstanding',
    codes: ['Forbidden.BillsOutstanding'],
    run: (_s, ctx) => {
      if (ctx.caller.billsOutstanding) throw ctx.error('Forbidden.BillsOutstanding');
    },
  },
  {
    label: 'OppositeInterfaceOwnerId is a well-formed AliUid (16 digits)',
    codes: ['ErrCode.Invalid'],
    needs: ['ini'],
    run: (s, ctx) => {
      if (!isAliUid(ini(s).oppositeInterfaceOwnerId)) throw ctx.error('ErrCode.Invalid');
    },
  },
  {
    label: 'that account exists',
    codes: ['InvalidAccount.NotFound'],
    needs: ['ini'],
    run: async (s, ctx) => {
      const a = await getAccount(ctx.tx, ini(s).oppositeInterfaceOwnerId);
      if (!a) throw ctx.error('InvalidAccount.NotFound');
      s.peerAccount = a;
    },
  },
  {
    label: 'both accounts are on the same site',
    codes: ['CROSS_BID.FORBIDDEN'],
    needs: ['peerAccount'],
    run: (s, ctx) => {
      if (found(s.peerAccount, 'the peer account').site !== ctx.caller.site) throw ctx.error('CROSS_BID.FORBIDDEN');
    },
  },
  {
    label: 'the accepting end exists, is what the initiator says it is, and names the initiator back',
    codes: ['AttrMismatching.AcceptingSide*'],
    needs: ['ini'],
    run: async (s, ctx) => {
      const i = ini(s);
      s.acc = checkAcceptingSide(ctx, i, await ctx.tx.repo(ROUTER_INTERFACES).get(i.oppositeInterfaceId));
    },
  },
  {
    label: 'the accepting end is Idle',
    codes: ['IncorrectRIStatus'],
    needs: ['acc'],
    run: (s, ctx) => {
      if (!allowed(acc(s), 'accept')) throw ctx.error('IncorrectRIStatus');
    },
  },
  {
    label: "a VBR connecting to another account's VPC holds that VPC's grant",
    codes: ['IllegalParam.InstanceOwner'],
    needs: ['ini', 'acc'],
    run: async (s, ctx) => {
      if (ini(s).routerType !== 'VBR') return;
      const vbr = await getRouter(ctx.tx, ini(s).routerId);
      const vpc = await getVpc(ctx.tx, acc(s).vpcId);
      if (!vbr || !vpc || !(await vbrMayConnect(ctx.tx, vbr, vpc))) throw ctx.error('IllegalParam.InstanceOwner');
    },
  },
  {
    label: 'no other link (or connect in progress) between the two routers',
    codes: ['Forbidden.OnlyOneConnection'],
    needs: ['ini', 'acc'],
    run: (s, ctx) => noOtherLink(ctx, ini(s), acc(s)),
  },
];

async function noOtherLink(ctx: HandlerContext, i: RouterInterface, a: RouterInterface): Promise<void> {
  const other = await connectionBetween(ctx.tx, i.routerId, a.routerId, [i.id, a.id]);
  if (!other) return;
  const connecting = other.status === 'Connecting' || other.status === 'AcceptingConnecting';
  throw connecting
    ? ctx.error('Forbidden.OnlyOneConnection').withMessage('Cannot connect concurrently between same routers')
    : ctx.error('Forbidden.OnlyOneConnection');
}

export const connectRouterInterface = defineAction({
  product: 'Vpc',
  name: 'ConnectRouterInterface',
  mode: 'write',
  handler: async (input, ctx) => {
    const s = await runChecks(CONNECT_CHECKS, { regionId: input.RegionId, id: input.RouterInterfaceId }, ctx);
    await startTransition(ctx, RI_TRANSITIONS.connect, ini(s), 'connect', acc(s), 'accept');
    return {};
  },
});
