import { getLogger } from '@bangbang/observability';
import type { Logger as Pino } from 'pino';
import type { Logger, ObjectLiteral } from 'typeorm';

type Parameters = unknown[] | ObjectLiteral | undefined;

const count = (parameters: Parameters) => (Array.isArray(parameters) ? parameters.length : parameters ? Object.keys(parameters).length : 0);

/**
 * TypeORM's logging through the service's JSON logger. Bound parameters are residents' phones,
 * addresses and the like, so a statement is logged with how many it had, never their values; a
 * failed query with its code, not the driver's `detail` (which repeats the row's values).
 */
export class QueryLogger implements Logger {
  constructor(private readonly out: Pino = getLogger('typeorm')) {}

  logQuery(query: string, parameters?: Parameters): void {
    this.out.debug({ query, parameterCount: count(parameters) }, 'query');
  }

  /** Debug only: the code that ran the query decides whether its failure is an error, and logs it. */
  logQueryError(error: string | Error, query: string, parameters?: Parameters): void {
    const e = typeof error === 'string' ? { message: error } : { message: error.message, code: (error as { code?: string }).code };
    this.out.debug({ query, parameterCount: count(parameters), ...e }, 'query failed');
  }

  logQuerySlow(ms: number, query: string, parameters?: Parameters): void {
    this.out.warn({ query, parameterCount: count(parameters), ms }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.out.info(message);
  }

  logMigration(message: string): void {
    this.out.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.out[level === 'warn' ? 'warn' : 'info'](String(message));
  }
}
