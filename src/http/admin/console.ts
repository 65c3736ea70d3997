// The web console: its page and assets under /_localvpc/console/ (open: they hold no data; every
// admin call the page makes carries the token), and the topology it draws (admin token). The
// assets are built into dist/console/ by `npm run build` and read on the first request only, so a
// server that is never asked for the console never reads or holds them.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topology } from '../../resources/router-interface/topology.js';
import { AdminError, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html;charset=utf-8',
  '.js': 'text/javascript;charset=utf-8',
  '.css': 'text/css;charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** dist/console, found from this module wherever it runs (the one-file bundle in dist/, or dist/src/http/admin/). */
function assetDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'console', 'index.html'))) return join(dir, 'console');
    dir = dirname(dir);
  }
  return undefined;
}

export function consoleRoutes(d: AdminDeps): Route[] {
  let dir: string | undefined;
  const cache = new Map<string, string>();
  const asset = async (name: string) => {
    const ext = /\.[a-z]+$/.exec(name)?.[0] ?? '';
    const type = TYPES[ext];
    if (!/^[a-z0-9-]+\.[a-z]+$/.test(name) || !type) throw new AdminError(404, 'NotFound', `No console asset ${name}.`);
    let text = cache.get(name);
    if (text === undefined) {
      dir ??= assetDir();
      if (!dir) throw new AdminError(404, 'NotFound', 'The console is not built: run npm run build.');
      try {
        text = await readFile(join(dir, name), 'utf8');
      } catch {
        throw new AdminError(404, 'NotFound', `No console asset ${name}.`);
      }
      cache.set(name, text);
    }
    return { raw: { contentType: type, text } };
  };
  return [
    {
      method: 'GET',
      path: '/_localvpc/console',
      tag: 'console',
      open: true,
      summary: 'The web console (open: the page holds no data; it asks for the admin token, or reads it from #token=… in the URL).',
      handler: () => asset('index.html'),
    },
    {
      method: 'GET',
      path: '/_localvpc/console/:file',
      tag: 'console',
      open: true,
      summary: "The web console's scripts and styles (open).",
      handler: (req) => asset(req.param('file')),
    },
    {
      method: 'GET',
      path: '/_localvpc/topology',
      tag: 'console',
      summary:
        'What the console draws: accounts, routers (vRouters and VBRs), vSwitches, router interfaces and route entries, across accounts and regions.',
      handler: async () => ({ body: await d.store.run('read', (tx) => topology(tx)) }),
    },
  ];
}
