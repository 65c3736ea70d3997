// The pairing rules of ConnectRouterInterface, as checks over stored interfaces.
import type { HandlerContext } from '../../engine/action.js';
import type { Tx } from '../../store/port.js';
import type { RouterInterface } from './model.js';
import { ROUTER_INTERFACES } from './storage.js';

const UNLINKED = new Set(['Idle', 'Deleting', 'Deleted']);

/** An interface of one of the two routers that is linked (or linking) to the other router, if any. */
export async function connectionBetween(
  tx: Tx,
  a: string,
  b: string,
  except: readonly string[] = [],
): Promise<RouterInterface | undefined> {
  const ris = tx.repo(ROUTER_INTERFACES);
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const hit = (await ris.find({ routerId: from, oppositeRouterId: to })).find(
      (x) => !UNLINKED.has(x.status) && !x.oppositeDeleted && !except.includes(x.id),
    );
    if (hit) return hit;
  }
  return undefined;
}

const FIELDS = [
  // [error suffix, accepting side's value, what the initiating side expects, label]
  ['AliUid', (acc: RouterInterface) => acc.accountId, (ini: RouterInterface) => ini.oppositeInterfaceOwnerId, 'owner (AliUid)'],
  ['RegionNo', (acc: RouterInterface) => acc.regionId, (ini: RouterInterface) => ini.oppositeRegionId, 'region'],
  ['RouterId', (acc: RouterInterface) => acc.routerId, (ini: RouterInterface) => ini.oppositeRouterId, 'router id'],
  ['RouterType', (acc: RouterInterface) => acc.routerType, (ini: RouterInterface) => ini.oppositeRouterType, 'router type'],
  ['Role', (acc: RouterInterface) => acc.role, () => 'AcceptingSide', 'role'],
  ['OppositeInterfaceId', (acc: RouterInterface) => acc.oppositeInterfaceId, (ini: RouterInterface) => ini.id, 'OppositeInterfaceId'],
  ['OppositeRouterId', (acc: RouterInterface) => acc.oppositeRouterId, (ini: RouterInterface) => ini.routerId, 'OppositeRouterId'],
  ['OppositeRouterType', (acc: RouterInterface) => acc.oppositeRouterType, (ini: RouterInterface) => ini.routerType, 'OppositeRouterType'],
  ['OppositeRegionNo', (acc: RouterInterface) => acc.oppositeRegionId, (ini: RouterInterface) => ini.regionId, 'OppositeRegionId'],
  [
    'OppositeInterfaceOwnerId',
    (acc: RouterInterface) => acc.oppositeInterfaceOwnerId,
    (ini: RouterInterface) => ini.accountId,
    'OppositeInterfaceOwnerId',
  ],
] as const;

/**
 * The accepting side must be what the initiator says it is, and must name the initiator back.
 * Throws AttrMismatching.AcceptingSide<Field> for the first field that differs, saying which values.
 */
export function checkAcceptingSide(ctx: HandlerContext, ini: RouterInterface, acc: RouterInterface | undefined): RouterInterface {
  if (!acc || acc.status === 'Deleting') {
    throw ctx.error(
      'AttrMismatching.AcceptingSideInstanceId',
      `The accepting side router interface ${ini.oppositeInterfaceId} does not exist.`,
    );
  }
  for (const [suffix, actual, expected, label] of FIELDS) {
    const a = actual(acc),
      e = expected(ini);
    if (a !== e) {
      throw ctx.error(
        `AttrMismatching.AcceptingSide${suffix}`,
        `The ${label} of the accepting side router interface ${acc.id} is "${a}", expected "${e}".`,
      );
    }
  }
  return acc;
}
