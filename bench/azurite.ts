// Azurite, the Azure Storage emulator (Node), as a peer: installed from npm by the benchmark into a
// folder of its own under the OS temp folder (never a dependency of this project; kept between
// runs), started as `azurite-blob` in memory on a free port, and called with SharedKey-signed
// requests as the Azure SDKs sign them (the emulator's well-known account devstoreaccount1 and
// key; path-style URLs; x-ms-date now, well within the 15 minutes the service accepts).
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fetchOnce } from './load.js';
import { adopt, track, tempDir, type Child } from './servers.js';
import type { RequestSpec } from './sign.js';

export const AZURITE_VERSION = '3.35.0';
export const ACCOUNT = 'devstoreaccount1';
const KEY = Buffer.from('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==', 'base64');
const API_VERSION = '2021-12-02';

/** The folder Azurite is installed in (npm install --prefix), installing it on first use. */
export function azuriteMain(): string {
  const dir = join(tmpdir(), `localvpc-bench-azurite-${AZURITE_VERSION}`);
  const main = join(dir, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
  if (existsSync(main)) return main;
  mkdirSync(dir, { recursive: true });
  process.stderr.write(` installing azurite@${AZURITE_VERSION} into ${dir} (once)...`);
  const r = spawnSync('npm', ['install', '--prefix', dir, `azurite@${AZURITE_VERSION}`, '--no-audit', '--no-fund', '--loglevel', 'error'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0 || !existsSync(main))
    throw new Error(`npm install azurite@${AZURITE_VERSION} failed: ${r.error?.message ?? r.stderr.slice(-500)}`);
  return main;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `azurite-blob` in memory on a free port; resolves once it says it listens. */
export async function startAzurite(): Promise<Child> {
  const main = azuriteMain();
  const port = await freePort();
  const location = tempDir('localvpc-bench-azurite-ws-'); // its working folder (--location is refused with --inMemoryPersistence)
  const args = [
    main,
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(port),
    '--inMemoryPersistence',
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--silent',
  ];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] });
  adopt(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
  const listeningAt = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within 30 s:\n${out}${err}`));
    }, 30_000);
    const onData = (c: Buffer): void => {
      out += c.toString();
      if (out.includes('successfully listens')) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.on('data', () => undefined);
        resolve(performance.now());
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code ?? signal}) before listening:\n${out}${err}`));
    });
  });
  return track(child, port, { spawnedAt, listeningAt });
}

/** A SharedKey-signed Blob service request (path-style: /devstoreaccount1/...). */
export function sharedKey(
  method: 'GET' | 'HEAD' | 'PUT',
  path: string,
  query: Record<string, string>,
  headers: Record<string, string>,
  body = '',
): RequestSpec {
  const length = Buffer.byteLength(body);
  const h: Record<string, string> = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': API_VERSION, ...headers };
  if (method === 'PUT') h['content-length'] = String(length);
  const canonHeaders = Object.keys(h)
    .filter((k) => k.startsWith('x-ms-'))
    .sort()
    .map((k) => `${k}:${(h[k] as string).trim()}\n`)
    .join('');
  const canonQuery = Object.keys(query)
    .sort()
    .map((k) => `\n${k.toLowerCase()}:${query[k] as string}`)
    .join('');
  const toSign = [method, '', '', length === 0 ? '' : String(length), '', h['content-type'] ?? '', '', '', '', '', '', ''].join('\n');
  const signature = createHmac('sha256', KEY).update(`${toSign}\n${canonHeaders}/${ACCOUNT}${path}${canonQuery}`, 'utf8').digest('base64');
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return {
    method,
    path: `${path}${qs ? `?${qs}` : ''}`,
    headers: { ...h, authorization: `SharedKey ${ACCOUNT}:${signature}` },
    body: method === 'PUT' ? body : undefined,
  };
}

/** Sends one signed request; throws unless the status is `want`. */
export async function azure(port: number, spec: RequestSpec, want: number): Promise<void> {
  const a = await fetchOnce(port, spec, 10_000);
  if (a.status !== want)
    throw new Error(`Azurite ${spec.method} ${spec.path} answered ${a.status} (want ${want}): ${a.body.slice(0, 300)}`);
}
