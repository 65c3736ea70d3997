// Admin: the transition profile of the whole server, and per resource hold / release / step.
import { delayOf, HELD, PROFILES } from '../../engine/transition-policy.js';
import { AdminError, objectBody, optNumber, optOneOf, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

export function transitionRoutes(d: AdminDeps): Route[] {
  const { profile, transitions, registry } = d;
  const realistic = Object.fromEntries(registry.transitionKinds.map((k) => [k.kind, k.realisticMs]));
  const show = async () => ({
    profile: profile.current().profile,
    fastDelayMs: profile.current().fastDelayMs,
    profiles: PROFILES,
    realisticDelaysMs: realistic,
    pending: await transitions.pending(),
  });
  /**
   * How long a released transition of a resource kind still takes: the profile's delay for the
   * longest of that kind's transitions (at once under manual).
   */
  const releaseDelay = (resource: string): number => {
    const kinds = registry.transitionKinds.filter((k) => k.kind.startsWith(`${resource}.`));
    const longest = kinds.reduce((a, k) => (k.realisticMs > a.realisticMs ? k : a), { kind: resource, realisticMs: 0 });
    const delay = delayOf(profile.current(), longest);
    return delay >= HELD ? 0 : delay;
  };
  const perResource = (verb: 'hold' | 'release' | 'step', summary: string): Route => ({
    method: 'POST',
    path: `/_localvpc/transitions/:id/${verb}`,
    tag: 'transitions',
    audit: `Transition${verb[0]?.toUpperCase() ?? ''}${verb.slice(1)}`,
    summary,
    handler: async (r) => {
      const id = r.param('id');
      const before = verb === 'step' ? await transitions.pending() : [];
      const ok =
        verb === 'hold'
          ? await transitions.hold(id)
          : verb === 'release'
            ? await transitions.release(id, releaseDelay)
            : await transitions.step(id);
      if (!ok) throw new AdminError(404, 'NotInTransition', `${id} is not in a transitional state.`);
      const body = await show();
      if (verb !== 'step') return { body };
      // What completed: the transitions pending before that are no longer (this resource, the other end of its link).
      const stepped = before
        .filter((b) => !body.pending.some((a) => a.id === b.id && a.status === b.status && a.pendingStatus === b.pendingStatus))
        .map((b) => ({ kind: b.kind, id: b.id, from: b.status, to: b.pendingStatus }));
      return { body: { stepped, ...body } };
    },
  });
  return [
    {
      method: 'GET',
      path: '/_localvpc/transitions',
      tag: 'transitions',
      summary: 'The profile and every resource in a transitional state.',
      handler: async () => ({ body: await show() }),
    },
    {
      method: 'PUT',
      path: '/_localvpc/transitions/profile',
      tag: 'transitions',
      audit: 'ProfileSet',
      summary: 'Set the profile (instant, fast, realistic, manual) for transitions that start from now on.',
      example: { profile: 'manual', fastDelayMs: 1000 },
      handler: async ({ body }) => {
        const b = objectBody(body, ['profile', 'fastDelayMs']);
        const next = optOneOf(b.profile, PROFILES, 'profile');
        const fast = optNumber(b.fastDelayMs, 'fastDelayMs');
        if (fast !== undefined && (fast < 0 || fast > 86_400_000))
          throw new AdminError(400, 'InvalidBody', '"fastDelayMs" must be from 0 to 86400000.');
        await profile.set({ ...(next ? { profile: next } : {}), ...(fast !== undefined ? { fastDelayMs: fast } : {}) });
        return { body: await show() };
      },
    },
    perResource('hold', 'Hold a resource (and the other end of its link) in its transitional state.'),
    perResource('release', 'Let a held transition go on (it completes after the profile delay; at once under manual).'),
    perResource('step', "Complete a resource's transition now."),
  ];
}
