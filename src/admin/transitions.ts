// Admin: the transition profile of the whole server, and per resource hold / release / step.
import { PROFILES, REALISTIC, type Profile } from '../core/transition-policy.js';
import { AdminError, objectBody, ofType, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

export function transitionRoutes(d: AdminDeps): Route[] {
  const { policy, transitions } = d.services;
  const show = () => ({
    profile: policy.profile,
    fastDelayMs: policy.fastDelayMs,
    profiles: PROFILES,
    realisticDelaysMs: REALISTIC,
    pending: transitions.pending(),
  });
  const perResource = (verb: 'hold' | 'release' | 'step', summary: string): Route => ({
    method: 'POST',
    path: `/_localvpc/transitions/:id/${verb}`,
    tag: 'transitions',
    summary,
    handler: ({ params }) => {
      const id = params.id as string;
      const ok =
        verb === 'hold'
          ? transitions.hold(id)
          : verb === 'release'
            ? transitions.release(id, policy.profile === 'manual' ? 0 : policy.delay('RouterInterface.connect'))
            : transitions.step(id);
      if (!ok) throw new AdminError(404, 'NotInTransition', `${id} is not in a transitional state.`);
      return { body: show() };
    },
  });
  return [
    {
      method: 'GET',
      path: '/_localvpc/transitions',
      tag: 'transitions',
      summary: 'The profile and every resource in a transitional state.',
      handler: () => ({ body: show() }),
    },
    {
      method: 'PUT',
      path: '/_localvpc/transitions/profile',
      tag: 'transitions',
      summary: 'Set the profile (instant, fast, realistic, manual) for transitions that start from now on.',
      example: { profile: 'manual', fastDelayMs: 1000 },
      handler: ({ body }) => {
        const b = objectBody(body, ['profile', 'fastDelayMs']);
        const profile = ofType<string>(b.profile, 'string', 'profile');
        if (profile !== undefined && !(PROFILES as readonly string[]).includes(profile))
          throw new AdminError(400, 'InvalidBody', `"profile" must be one of ${PROFILES.join(', ')}.`);
        const fast = ofType<number>(b.fastDelayMs, 'number', 'fastDelayMs');
        if (fast !== undefined && (fast < 0 || fast > 86_400_000))
          throw new AdminError(400, 'InvalidBody', '"fastDelayMs" must be from 0 to 86400000.');
        if (profile) policy.profile = profile as Profile;
        if (fast !== undefined) policy.fastDelayMs = fast;
        return { body: show() };
      },
    },
    perResource('hold', 'Hold a resource (and the other end of its link) in its transitional state.'),
    perResource('release', 'Let a held transition go on (it completes after the profile delay; at once under manual).'),
    perResource('step', "Complete a resource's transition now."),
  ];
}
