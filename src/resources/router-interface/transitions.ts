// Completes router-interface transitions when they are due (see states.ts), and the kinds of
// transition the module starts, with their `realistic` durations: Terraform's alicloud provider
// waits up to 300 s for a new interface and polls every 5 s for Active after connect or activate,
// and usually sees the change within one or two polls. None of these figures is published.
import { transitionKinds } from '../../engine/transition-policy.js';
import { settler } from '../../engine/transitions.js';
import type { RouterInterface } from './model.js';
import { ROUTER_INTERFACES } from './storage.js';

export const RI_TRANSITIONS = transitionKinds('RouterInterface', {
  connect: 10_000,
  activate: 8_000,
  deactivate: 8_000,
  modifySpec: 10_000,
  delete: 5_000,
});

export const routerInterfaceSettler = settler<RouterInterface>({
  kind: 'RouterInterface',
  table: ROUTER_INTERFACES,
  async related(tx, ri) {
    if (!ri.oppositeInterfaceId) return [];
    const peer = await tx.repo(ROUTER_INTERFACES).get(ri.oppositeInterfaceId);
    return peer && peer.oppositeInterfaceId === ri.id && peer.dueAt !== 0 ? [peer] : [];
  },
  async complete(tx, ri) {
    const ris = tx.repo(ROUTER_INTERFACES);
    if (ri.pendingStatus === '') return;
    if (ri.pendingStatus === 'Deleted') {
      await ris.delete(ri.id);
      for (const peer of await ris.find({ oppositeInterfaceId: ri.id })) {
        await ris.update({ ...peer, oppositeDeleted: true });
      }
      return;
    }
    const connecting = ri.status === 'Connecting' || ri.status === 'AcceptingConnecting';
    await ris.update({
      ...ri,
      status: ri.pendingStatus,
      connectedAt: connecting && ri.pendingStatus === 'Active' ? ri.dueAt : ri.connectedAt,
      modifiedAt: ri.dueAt,
      pendingStatus: '',
      dueAt: 0,
    });
  },
});
