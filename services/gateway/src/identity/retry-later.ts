import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** A refusal that tells the client when to come back: the controller sets `Retry-After` from it. */
export class RetryLater extends HttpException {
  constructor(
    status: HttpStatus.TOO_MANY_REQUESTS | HttpStatus.SERVICE_UNAVAILABLE,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(
      { statusCode: status, error: status === HttpStatus.TOO_MANY_REQUESTS ? 'Too Many Requests' : 'Service Unavailable', message },
      status,
    );
  }
}

export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1_000));

/** Passes a refusal on, with `Retry-After` when it says when to come back. */
export async function tellingWhenToRetry<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RetryLater) reply.header('retry-after', String(err.retryAfterSeconds));
    throw err;
  }
}
