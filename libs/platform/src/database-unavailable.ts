import { ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

/** Seconds a client is asked to wait before trying again while the database is out of reach. */
export const DATABASE_RETRY_AFTER_S = 2;

/**
 * PostgreSQL's codes for a connection that failed or was ended (class 08, `admin_shutdown` from
 * pg_terminate_backend, a server shutting down or starting) and for a server out of connections.
 */
const UNAVAILABLE_CODES = /^(08...|57P0[1-4]|53300)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** node-postgres's own messages: a cut connection, a pool with no free connection in time. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is closed',
];

/**
 * Whether an error means the service's database could not be used (unreachable, connections cut,
 * pool exhausted) rather than that a query was wrong: the call did nothing and may be tried again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed: a socket's error comes from Node's own realm, where `instanceof Error` can fail.
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 3; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.test(code) || SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
    e = e instanceof QueryFailedError ? e.driverError : (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The answer while the database is out of reach, or when the call's transaction lost a lock conflict
 * to a concurrent one and was undone: 503, with Retry-After set by whoever sends it.
 */
export class DatabaseUnavailableException extends ServiceUnavailableException {
  constructor(what = 'database unavailable') {
    super(`${what}; nothing was changed, try again in ${DATABASE_RETRY_AFTER_S} s`);
  }
}
