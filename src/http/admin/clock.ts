// Admin: the emulator clock. Transitions and every time field follow it; request signatures keep
// being checked against the real wall clock.
import { AdminError, objectBody, optNumber, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `5m`, `1h30m`, `250ms`, `2d`: a duration in ms. */
export function parseDuration(s: string): number | undefined {
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== s.replace(/\s+/g, '')) return undefined;
  return Math.round(parts.reduce((n, p) => n + Number(p[1]) * (UNITS[p[2] ?? ''] ?? 0), 0));
}

export function clockRoutes(d: AdminDeps): Route[] {
  const { clock } = d;
  const show = () => {
    const s = clock.state();
    return { now: s.now, iso: new Date(s.now).toISOString(), frozen: s.frozen, speed: s.speed, offsetMs: s.now - Date.now() };
  };
  /** After a change of time: what is now due completes (an empty write unit settles it). */
  const after = async () => {
    await d.transitions.refresh();
    await d.store.run('write', () => Promise.resolve());
    return { body: show() };
  };
  return [
    { method: 'GET', path: '/_localvpc/clock', tag: 'clock', summary: 'Read the emulator clock.', handler: () => ({ body: show() }) },
    {
      method: 'POST',
      path: '/_localvpc/clock/freeze',
      audit: 'ClockFreeze',
      tag: 'clock',
      summary: 'Stop the clock (optionally at a given time, ISO 8601 or epoch ms).',
      example: { at: '2030-01-01T00:00:00Z' },
      handler: async ({ body }) => {
        const at = objectBody(body, ['at']).at;
        let ms: number | undefined;
        if (typeof at === 'number') ms = at;
        else if (typeof at === 'string') ms = Date.parse(at);
        else if (at !== undefined) throw new AdminError(400, 'InvalidBody', '"at" must be an ISO 8601 time or epoch milliseconds.');
        if (ms !== undefined && !Number.isFinite(ms)) throw new AdminError(400, 'InvalidBody', '"at" is not a valid time.');
        await clock.freeze(ms);
        return after();
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/clock/resume',
      audit: 'ClockResume',
      tag: 'clock',
      summary: 'Let a frozen clock run again.',
      handler: async () => {
        await clock.resume();
        return after();
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/clock/advance',
      audit: 'ClockAdvance',
      tag: 'clock',
      summary: 'Move the clock forward by a duration ("90s", "5m", "1h") or a number of ms; due transitions complete.',
      example: { duration: '5m' },
      handler: async ({ body }) => {
        const b = objectBody(body, ['duration', 'ms']);
        const ms = optNumber(b.ms, 'ms') ?? (typeof b.duration === 'string' ? parseDuration(b.duration) : undefined);
        if (ms === undefined || ms < 0)
          throw new AdminError(400, 'InvalidBody', 'Give "duration" (e.g. "5m") or "ms" (a non-negative number).');
        await clock.advance(ms);
        return after();
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/clock/speed',
      audit: 'ClockSpeed',
      tag: 'clock',
      summary: 'Run the clock at a speed factor (1 = real time, 60 = a minute per second).',
      example: { factor: 60 },
      handler: async ({ body }) => {
        const factor = optNumber(objectBody(body, ['factor']).factor, 'factor');
        if (factor === undefined || factor < 0 || factor > 1_000_000)
          throw new AdminError(400, 'InvalidBody', '"factor" must be a number from 0 to 1000000.');
        await clock.setSpeed(factor);
        return after();
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/clock/reset',
      audit: 'ClockReset',
      tag: 'clock',
      summary: 'Back to the system clock: no offset, speed 1, running. Transitions keep their due times in emulator time.',
      handler: async () => {
        await clock.reset();
        return after();
      },
    },
  ];
}
