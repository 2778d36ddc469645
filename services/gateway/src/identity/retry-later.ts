import { HttpException, HttpStatus } from '@nestjs/common';

/** A refusal that tells the client when to come back: the controller sets `Retry-After` from it. */
export class RetryLater extends HttpException {
  constructor(status: HttpStatus.TOO_MANY_REQUESTS | HttpStatus.SERVICE_UNAVAILABLE, message: string, readonly retryAfterSeconds: number) {
    super({ statusCode: status, error: status === HttpStatus.TOO_MANY_REQUESTS ? 'Too Many Requests' : 'Service Unavailable', message }, status);
  }
}

export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1_000));
