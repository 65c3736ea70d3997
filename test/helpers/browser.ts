// Debian's Chromium, headless, driven by playwright-core: the one way the browser tests and the
// README's screenshot (scripts/console-screenshot.ts) start it.
import { chromium, type BrowserContext } from 'playwright-core';

/** The Chromium binary: LOCALVPC_CHROMIUM, else Debian's. */
export const CHROMIUM = process.env.LOCALVPC_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, no sandbox (containers), and nothing that reaches the network on its own. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with its profile in `profileDir`, with `viewport` and what else the caller sets. */
export function launchChromium(
  profileDir: string,
  options: { viewport: { width: number; height: number }; reducedMotion?: 'reduce' },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: FLAGS, ...options });
}
