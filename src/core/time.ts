// Alibaba's wire format for times: UTC, seconds precision, `YYYY-MM-DDTHH:MM:SSZ` (the Go SDK rejects milliseconds).

let lastSecond = NaN;
let lastText = '';

/** The wire form of a time (the last second's text is kept: most calls in a busy second share it). */
export function isoSeconds(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().slice(0, 19) + 'Z';
    lastSecond = second;
  }
  return lastText;
}

/** Pay-as-you-go resources report this far-future expiry, as the real service does. */
export const NEVER_EXPIRES = '2999-09-08T16:00:00Z';
