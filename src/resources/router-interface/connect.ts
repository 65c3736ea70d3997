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
import { defineAction } from '../../engine/action.js';
import { getAccount, isAliUid } from '../accounts/service.js';
import { vbrMayConnect } from '../express-connect/queries.js';
import { getRouter, getVpc } from '../vpc/queries.js';
import { checkAcceptingSide, connectionBetween } from './connect-rules.js';
import { ownInterface, startTransition } from './lookup.js';
import { allowed } from './states.js';
import { ROUTER_INTERFACES } from './storage.js';
import { RI_TRANSITIONS } from './transitions.js';

export const connectRouterInterface = defineAction({
  product: 'Vpc',
  name: 'ConnectRouterInterface',
  mode: 'write',
  handler: async (input, ctx) => {
    const ini = await ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
    if (ini.role !== 'InitiatingSide') throw ctx.error('IncorrectRole.NotInitiatingSide');
    if (!allowed(ini, 'connect')) throw ctx.error('IncorrectRIStatus');
    if (!ini.oppositeInterfaceId || !ini.oppositeRouterId || !ini.oppositeRouterType || !ini.oppositeInterfaceOwnerId) {
      throw ctx.error('IncorrectOppositeInterfaceInfo.NotSet');
    }
    if (ini.oppositeRouterId === ini.routerId) throw ctx.error('IncorrectOppositeInterfaceInfo');
    if (ctx.caller.billsOutstanding) throw ctx.error('Forbidden.BillsOutstanding');
    if (!isAliUid(ini.oppositeInterfaceOwnerId)) throw ctx.error('ErrCode.Invalid');
    const peerAccount = await getAccount(ctx.tx, ini.oppositeInterfaceOwnerId);
    if (!peerAccount) throw ctx.error('InvalidAccount.NotFound');
    if (peerAccount.site !== ctx.caller.site) throw ctx.error('CROSS_BID.FORBIDDEN');
    const acc = checkAcceptingSide(ctx, ini, await ctx.tx.repo(ROUTER_INTERFACES).get(ini.oppositeInterfaceId));
    if (!allowed(acc, 'accept')) throw ctx.error('IncorrectRIStatus');
    if (ini.routerType === 'VBR') {
      const vbr = await getRouter(ctx.tx, ini.routerId);
      const vpc = await getVpc(ctx.tx, acc.vpcId);
      if (!vbr || !vpc || !(await vbrMayConnect(ctx.tx, vbr, vpc))) throw ctx.error('IllegalParam.InstanceOwner');
    }
    const other = await connectionBetween(ctx.tx, ini.routerId, acc.routerId, [ini.id, acc.id]);
    if (other) {
      const connecting = other.status === 'Connecting' || other.status === 'AcceptingConnecting';
      throw connecting
        ? ctx.error('Forbidden.OnlyOneConnection').withMessage('Cannot connect concurrently between same routers')
        : ctx.error('Forbidden.OnlyOneConnection');
    }
    await startTransition(ctx, RI_TRANSITIONS.connect, ini, 'connect', acc, 'accept');
    return {};
  },
});
