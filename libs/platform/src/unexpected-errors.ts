import { getLogger, registry } from '@bangbang/observability';
import {
  ArgumentsHost,
  CallHandler,
  Catch,
  ExecutionContext,
  HttpException,
  Injectable,
  InternalServerErrorException,
  NestInterceptor,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { STATUS_CODES } from 'node:http';
import { Counter } from 'prom-client';
import { catchError, Observable, throwError } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import { isTransactionConflict } from '@bangbang/persistence';
import { DATABASE_RETRY_AFTER_S, DatabaseUnavailableException, isDatabaseUnavailable } from './database-unavailable';

/**
 * Requests answered 500 because something other than an HttpException escaped: each one is a bug
 * (bad input answers 4xx before it reaches the database). Kind: `database` or the error's class.
 */
export const unexpectedErrors = new Counter({
  name: 'http_unexpected_errors_total',
  help: 'HTTP requests that failed with an unexpected error and were answered 500 (each is a bug)',
  labelNames: ['kind'] as const,
  registers: [registry],
});
// Scraped as 0 from the start, so an alert or a test compares numbers rather than a missing series.
unexpectedErrors.inc({ kind: 'database' }, 0);

export const UNEXPECTED_MESSAGE = 'internal error; quote the x-correlation-id header when reporting it';

interface PgError {
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

/** PostgreSQL quotes the offending value in some messages (`invalid input syntax for type uuid: "…"`). */
const redactQuoted = (message: string): string => message.replace(/"[^"]*"/g, '"…"');

/**
 * What is safe to log about an error. A failed query is described by its SQL and the database's
 * code and names, never its parameters or the error's detail: both can hold phones and addresses.
 */
export function describeUnexpected(error: unknown): { kind: string; [field: string]: unknown } {
  if (error instanceof QueryFailedError) {
    const pg = error.driverError as PgError;
    return {
      kind: 'database',
      code: pg.code,
      table: pg.table,
      column: pg.column,
      constraint: pg.constraint,
      message: redactQuoted(error.message),
      query: error.query,
      stack: error.stack && redactQuoted(error.stack),
    };
  }
  if (error instanceof Error) {
    return { kind: /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'Error', message: error.message, stack: error.stack };
  }
  return { kind: 'thrown', type: typeof error };
}

const log = getLogger('http');

export function reportUnexpected(error: unknown): void {
  const described = describeUnexpected(error);
  unexpectedErrors.inc({ kind: described.kind });
  // The correlation id comes with every line logged inside the request's trace.
  log.error({ bug: described }, 'unexpected error answered 500: a bug');
}

interface HeaderSetter {
  header(name: string, value: string): unknown;
}

/**
 * Counts the moment and asks the caller to come back: the database is out of reach, or the call's
 * transaction lost a lock conflict and was undone; not a bug.
 */
export function databaseUnavailable(error: unknown, reply: HeaderSetter): DatabaseUnavailableException {
  const described = describeUnexpected(error);
  const conflict = isTransactionConflict(error);
  log.warn(
    { code: described.code, message: described.message },
    `${conflict ? 'transaction conflict' : 'database unavailable'}: answered 503`,
  );
  reply.header('retry-after', String(DATABASE_RETRY_AFTER_S));
  return new DatabaseUnavailableException(conflict ? 'the change met a concurrent one and was undone' : undefined);
}

/** Errors answered 503 rather than 500: nothing was changed, and the same call may simply be tried again. */
const tryAgain = (error: unknown): boolean => isDatabaseUnavailable(error) || isTransactionConflict(error);

/**
 * Turns anything but an HttpException thrown by a pipe, a handler or a feature's interceptor into a
 * generic 500, once reported, so a feature's own exception filter (Open311's) never sees the raw error.
 * A database out of reach (connections cut, pool exhausted) or a lost lock conflict is a 503 with
 * Retry-After instead.
 */
@Injectable()
export class UnexpectedErrorsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof HttpException) return throwError(() => error);
        if (tryAgain(error)) return throwError(() => databaseUnavailable(error, context.switchToHttp().getResponse<HeaderSetter>()));
        reportUnexpected(error);
        return throwError(() => new InternalServerErrorException(UNEXPECTED_MESSAGE));
      }),
    );
  }
}

/**
 * The last word on every HTTP error: an HttpException is answered as Nest would, with `error` added
 * where Nest leaves it out ({statusCode, error, message} always); an error Fastify or a plugin raised
 * with its own status (a proxied call's 504) keeps it; anything else is reported and answered 500
 * without detail.
 */
@Catch()
export class HttpErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof HttpException) return super.catch(withErrorName(exception), host);
    if (this.isHttpError(exception)) return super.catch(exception, host);
    // A guard or middleware's query, which ran before the interceptor could turn it into a 503.
    if (tryAgain(exception)) return super.catch(databaseUnavailable(exception, host.switchToHttp().getResponse<HeaderSetter>()), host);
    reportUnexpected(exception);
    super.catch(new InternalServerErrorException(UNEXPECTED_MESSAGE), host);
  }
}

function withErrorName(exception: HttpException): HttpException {
  const body = exception.getResponse();
  if (typeof body !== 'string') return exception;
  const status = exception.getStatus();
  return new HttpException({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: body }, status, { cause: exception });
}
