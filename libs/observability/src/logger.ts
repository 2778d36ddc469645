import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { currentTrace } from './context';

let root: Logger | undefined;

/** One JSON logger per process; every line carries the service name and the current correlation id. */
export function rootLogger(service = process.env.SERVICE_NAME ?? 'bangbang'): Logger {
  root ??= pino({
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const trace = currentTrace();
      return trace ? { correlationId: trace.correlationId, causationId: trace.causationId } : {};
    },
  });
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
