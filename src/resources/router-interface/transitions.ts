// Completes router-interface transitions when they are due (see states.ts).
import type { Settler } from '../../core/transitions.js';
import type { Repo } from '../../store/store.js';
import type { RouterInterface } from './model.js';

export function routerInterfaceSettler(ris: Repo<RouterInterface>): Settler<RouterInterface> {
  return {
    kind: 'RouterInterface',
    repo: ris,
    related(ri) {
      if (!ri.oppositeInterfaceId) return [];
      const peer = ris.get(ri.oppositeInterfaceId);
      return peer && peer.oppositeInterfaceId === ri.id && peer.dueAt !== 0 ? [peer] : [];
    },
    complete(ri) {
      if (ri.pendingStatus === 'Deleted') {
        ris.delete(ri.id);
        for (const peer of ris.find({ oppositeInterfaceId: ri.id })) {
          ris.update({ ...peer, oppositeDeleted: true });
        }
        return;
      }
      const connecting = ri.status === 'Connecting' || ri.status === 'AcceptingConnecting';
      ris.update({
        ...ri,
        status: ri.pendingStatus as RouterInterface['status'],
        connectedAt: connecting && ri.pendingStatus === 'Active' ? ri.dueAt : ri.connectedAt,
        modifiedAt: ri.dueAt,
        pendingStatus: '',
        dueAt: 0,
      });
    },
  };
}
