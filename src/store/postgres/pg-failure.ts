// What a node-postgres error means for the store: the database cannot be reached (the gateway's
// ServiceUnavailable, health not ready), a serialization failure (the unit is run again), or an
// error of the unit itself (its answer).
import { StoreUnavailable } from '../port.js';

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** SQLSTATE classes and codes meaning the server went away or refuses connections now. */
function lostServer(code: string): boolean {
  return (
    code.startsWith('08') || // connection exception
    code === '57P01' || // admin_shutdown
    code === '57P02' || // crash_shutdown
    code === '57P03' || // cannot_connect_now (starting up, shutting down)
    code === '53300' // too_many_connections
  );
}

/** Whether the error says the connection or the server is gone (not the unit's own fault). */
export function isConnectionError(e: unknown): boolean {
  if (e instanceof StoreUnavailable) return true;
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK.has(code) || lostServer(code))) return true;
  return /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|Connection lost|not queryable/i.test(
    e.message,
  );
}

/** serialization_failure or deadlock_detected: the unit did nothing and may run again. */
export function isRetryable(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  return code === '40001' || code === '40P01';
}

/** The serving form of a lost database: ServiceUnavailable naming the cause. */
export function unreachable(e: unknown): StoreUnavailable {
  if (e instanceof StoreUnavailable) return e;
  const why = e instanceof Error ? e.message || (e as { code?: string }).code || e.name : String(e);
  return new StoreUnavailable(`The PostgreSQL database is unreachable (${why}); the request was not applied.`, 'unreachable');
}
