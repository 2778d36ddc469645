import { sha256Hex, type AuthenticatedRequest } from '@bangbang/auth';
import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { SECRET_BOX, SecretBox } from '../webhooks/secret-box';

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

interface Request extends AuthenticatedRequest {
  method: string;
  url: string;
  body?: unknown;
}

interface Reply {
  header(name: string, value: string): unknown;
}

/**
 * How long a claim stays "in progress". The handlers run their own transactions, out of this
 * interceptor's reach, so the claim and the stored answer cannot commit with the work: a process
 * that dies between the two leaves a claim that nobody will finish. After the lease (twice the
 * default HTTP request timeout) such a claim counts as abandoned and a retry runs the handler again,
 * instead of meeting 409 for the rest of the day. The second run may repeat work the first did (a
 * second webhook endpoint, say), which the caller can see and undo; a key stuck in progress it could
 * not get past.
 */
export const CLAIM_LEASE_SECONDS = 60;

/**
 * `Idempotency-Key` on a merchant's mutating calls: the first request with a key runs and its
 * answer is kept (sealed, and without any one-time key or secret) for a day; a retry with the same key and
 * body gets that answer again, the same key with another body a 422, and a retry while the first is
 * still running a 409 (until its claim's lease runs out). Failed requests are forgotten, so they can
 * be retried with the same key.
 */
@Injectable()
export class Idempotent implements NestInterceptor {
  constructor(
    private readonly ds: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = ctx.switchToHttp().getRequest<Request>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new BadRequestException(['Idempotency-Key must be 8 to 128 letters, digits or . _ : -']);
    }
    // Per credential, not per unit: another key of the same unit reusing the header value is another client.
    const { kind, id, credential } = request.principal!;
    const principal = credential ? `${kind}:${id}:${credential}` : `${kind}:${id}`;
    const fingerprint = sha256Hex(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
    const claim = randomUUID();
    // A fresh claim, or the takeover of an abandoned one for the same request (another request's
    // key stays refused, as the abandoned run may have done its work).
    const claimed = await this.ds.query<unknown[]>(
      `INSERT INTO idempotency_key (principal_id, key, fingerprint, claim) VALUES ($1, $2, $3, $4)
       ON CONFLICT (principal_id, key) DO UPDATE SET claim = $4, created_at = now()
         WHERE idempotency_key.status IS NULL AND idempotency_key.fingerprint = $3
           AND idempotency_key.created_at < now() - make_interval(secs => $5)
       RETURNING key`,
      [principal, key, fingerprint, claim, CLAIM_LEASE_SECONDS],
    );
    if (!claimed.length) return of(await this.replay(principal, key, fingerprint, ctx.switchToHttp().getResponse<Reply>()));
    // Both statements name the claim: a run whose claim was taken over touches nothing.
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.ds.query('UPDATE idempotency_key SET status = 1, body = $4 WHERE principal_id = $1 AND key = $2 AND claim = $3', [
          principal,
          key,
          claim,
          JSON.stringify(this.box.seal(JSON.stringify(withoutSecrets(body ?? null)))),
        ]);
        return body;
      }),
      catchError((err: unknown) =>
        from(
          this.ds.query('DELETE FROM idempotency_key WHERE principal_id = $1 AND key = $2 AND claim = $3', [principal, key, claim]),
        ).pipe(mergeMap(() => throwError(() => err))),
      ),
    );
  }

  private async replay(principal: string, key: string, fingerprint: string, reply: Reply): Promise<unknown> {
    const [row] = await this.ds.query<[{ fingerprint: string; status: number | null; body: unknown }?]>(
      'SELECT fingerprint, status, body FROM idempotency_key WHERE principal_id = $1 AND key = $2',
      [principal, key],
    );
    if (!row) throw new ConflictException('a request with this Idempotency-Key has just failed; retry it');
    if (row.fingerprint !== fingerprint) throw new UnprocessableEntityException('this Idempotency-Key was used for a different request');
    if (row.status === null) throw new ConflictException('a request with this Idempotency-Key is still in progress');
    reply.header('idempotent-replayed', 'true');
    return JSON.parse(this.box.open(row.body as string));
  }
}

/** Fields that hold a key or secret shown once: a replay answers without them. */
const ONE_TIME = ['apiKey', 'secret'];

/**
 * The answer as kept for replays: a one-time key or secret is never stored, so a stolen or reused
 * Idempotency-Key cannot fetch it again. A client that lost the first answer rotates once more.
 */
function withoutSecrets(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !ONE_TIME.includes(name)));
}

/** Keys are kept for a day, as long as a client may reasonably retry. */
export async function forgetOldIdempotencyKeys(ds: DataSource): Promise<void> {
  await ds.query(`DELETE FROM idempotency_key WHERE created_at < now() - interval '24 hours'`);
}
