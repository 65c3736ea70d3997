// Listening, with the admin token written only once the port is ours, and messages a user can act
// on when it is not: a port in use names what may hold it.
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HostError } from '../core/host-error.js';

/** Resolves with the port listened on; rejects with a HostError when the address cannot be had. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
      if (e.code === 'EADDRINUSE')
        reject(
          new HostError(
            `port ${port} is in use (another LocalVPC? see http://${where}/_localvpc/health); use --port N, or --port 0 for any free port`,
          ),
        );
      else if (e.code === 'EACCES')
        reject(new HostError(`port ${port} on ${host} needs privileges this process lacks; use a port above 1023`));
      else if (e.code === 'EADDRNOTAVAIL') reject(new HostError(`${host} is not an address of this machine; check --host`));
      else reject(e);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      const a = server.address();
      resolve(typeof a === 'object' && a !== null ? a.port : port);
    });
  });
}

export interface AdminTokenPlan {
  token: string;
  /** Where it is (or will be) kept: `<dataDir>/admin-token`; none when configured or in memory. */
  file: string | undefined;
  /** Whether the file must be written (a new token), which happens only after listening. */
  fresh: boolean;
}

const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

/** The configured token; else the one a previous start wrote (so the CLI keeps working); else a new one. */
export function planAdminToken(configured: string | undefined, dataDir: string | undefined): AdminTokenPlan {
  if (configured) return { token: configured, file: undefined, fresh: false };
  if (dataDir === undefined) return { token: randomBytes(18).toString('base64url'), file: undefined, fresh: false };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (TOKEN.test(kept)) return { token: kept, file, fresh: false };
  }
  return { token: randomBytes(18).toString('base64url'), file, fresh: true };
}

export function writeAdminToken(plan: AdminTokenPlan): void {
  if (plan.fresh && plan.file) writeFileSync(plan.file, plan.token + '\n', { mode: 0o600 });
}
