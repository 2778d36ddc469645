import { LoggerService } from '@nestjs/common';
import pino, { Logger, LoggerOptions } from 'pino';
import { currentTrace } from './context';

let root: Logger | undefined;

/**
 * A failed query carries its bound parameters and the driver's `detail` (`Key (phone)=(…)`):
 * residents' phones and addresses. Logs keep the statement, the codes and the constraint, which
 * say what went wrong, and only the number of parameters.
 */
function withoutQueryValues(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const e = value as Record<string, unknown>;
  const out: Record<string, unknown> = { ...e };
  if (Array.isArray(e.parameters)) out.parameters = `[${e.parameters.length} redacted]`;
  else if (e.parameters !== undefined) out.parameters = '[redacted]';
  if (e.detail !== undefined) out.detail = '[redacted]';
  if (e.driverError) out.driverError = withoutQueryValues(pino.stdSerializers.err(e.driverError as Error));
  return out;
}

const errorSerializer = (err: unknown) => withoutQueryValues(err instanceof Error ? pino.stdSerializers.err(err) : err);

/** How every service logs: JSON, its name on each line, the correlation id, errors without query values. */
export function loggerOptions(service: string): LoggerOptions {
  return {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: errorSerializer, error: errorSerializer },
    mixin: () => {
      const trace = currentTrace();
      return trace ? { correlationId: trace.correlationId, causationId: trace.causationId } : {};
    },
  };
}

/** One JSON logger per process; every line carries the service name and the current correlation id. */
export function rootLogger(service = process.env.SERVICE_NAME ?? 'bangbang'): Logger {
  root ??= pino(loggerOptions(service));
  return root;
}

export function getLogger(component: string): Logger {
  return rootLogger().child({ component });
}

/** Lets Nest's own logging go through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  private readonly logger = rootLogger();

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
