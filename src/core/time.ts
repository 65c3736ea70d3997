// Alibaba's wire format for times: UTC, seconds precision, `YYYY-MM-DDTHH:MM:SSZ` (the Go SDK rejects milliseconds).

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** Pay-as-you-go resources report this far-future expiry, as the real service does. */
export const NEVER_EXPIRES = '2999-09-08T16:00:00Z';
