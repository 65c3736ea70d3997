// ConnectRouterInterface: the initiating end starts a link to the accepting end it names.
// The order of the checks is fixed and documented (README, "ConnectRouterInterface"):
//  1 RegionId known (gateway)                      InvalidRegionId.NotFound
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
import { defineAction } from '../../actions/registry-types.js';
import { isAliUid } from '../accounts/service.js';
import { vbrMayConnect } from '../express-connect/grants.js';
import { checkAcceptingSide, connectionBetween } from './connect-rules.js';
import { ownInterface, startTransition } from './lookup.js';
import { allowed } from './states.js';

interface Input {
  RegionId: string;
  RouterInterfaceId: string;
}

export const connectRouterInterface = defineAction({
  product: 'Vpc',
  name: 'ConnectRouterInterface',
  mode: 'write',
  handler: (input: Input, ctx) => {
    const { repos } = ctx.services;
    const ini = ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
    if (ini.role !== 'InitiatingSide') throw ctx.error('IncorrectRole.NotInitiatingSide');
    if (!allowed(ini, 'connect')) throw ctx.error('IncorrectRIStatus');
    if (!ini.oppositeInterfaceId || !ini.oppositeRouterId || !ini.oppositeRouterType || !ini.oppositeInterfaceOwnerId) {
      throw ctx.error('IncorrectOppositeInterfaceInfo.NotSet');
    }
    if (ini.oppositeRouterId === ini.routerId) throw ctx.error('IncorrectOppositeInterfaceInfo');
    if (ctx.account.billsOutstanding) throw ctx.error('Forbidden.BillsOutstanding');
    if (!isAliUid(ini.oppositeInterfaceOwnerId)) throw ctx.error('ErrCode.Invalid');
    const peerAccount = ctx.services.accounts.accounts.get(ini.oppositeInterfaceOwnerId);
    if (!peerAccount) throw ctx.error('InvalidAccount.NotFound');
    if (peerAccount.site !== ctx.account.site) throw ctx.error('CROSS_BID.FORBIDDEN');
    const acc = checkAcceptingSide(ctx, ini, repos.routerInterfaces.get(ini.oppositeInterfaceId));
    if (!allowed(acc, 'accept')) throw ctx.error('IncorrectRIStatus');
    if (ini.routerType === 'VBR') {
      const vbr = repos.routers.get(ini.routerId);
      const vpc = repos.vpcs.get(acc.vpcId);
      if (!vbr || !vpc || !vbrMayConnect(ctx, vbr, vpc)) throw ctx.error('IllegalParam.InstanceOwner');
    }
    const other = connectionBetween(ctx, ini.routerId, acc.routerId, [ini.id, acc.id]);
    if (other) {
      const connecting = other.status === 'Connecting' || other.status === 'AcceptingConnecting';
      throw connecting
        ? ctx.error('Forbidden.OnlyOneConnection').withMessage('Cannot connect concurrently between same routers')
        : ctx.error('Forbidden.OnlyOneConnection');
    }
    startTransition(ctx, 'RouterInterface.connect', ini, 'connect', acc, 'accept');
    return {};
  },
});
