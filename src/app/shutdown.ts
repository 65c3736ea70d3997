// Stopping without cutting anyone off: no new connections, requests in flight finish (up to a
// bound, after which their sockets are closed), idle keep-alive sockets close as soon as they are
// idle, then the caller flushes and closes the store.
import type { Server } from 'node:http';

export async function drain(server: Server, boundMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A connection whose request finishes after close() becomes idle: close it then.
  const sweep = setInterval(() => server.closeIdleConnections(), 25);
  const timer = setTimeout(() => server.closeAllConnections(), boundMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}
