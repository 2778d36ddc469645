import { type Principal, sha256Hex } from '@bangbang/auth';
import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';
import { transactionRetryingConflicts } from '@bangbang/persistence';
import { DataSource, EntityManager } from 'typeorm';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export interface Replayable<T> {
  body: T;
  replayed: boolean;
}

/**
 * Runs a provider's report at most once per Idempotency-Key: the key is claimed in the report's own
 * transaction and the answer stored with it, so a retry after a lost reply gets the same answer
 * and changes nothing. A concurrent retry waits on the claim and then reads the stored answer. A
 * refused report stores nothing, so it may be retried once the refusal no longer applies. A
 * report that loses a lock conflict (a consumer locking the same provider) is run again.
 */
export async function idempotent<T>(
  ds: DataSource,
  principal: Principal,
  key: string | undefined,
  request: { method: string; url: string; body: unknown },
  work: (m: EntityManager) => Promise<T>,
): Promise<Replayable<T>> {
  if (key === undefined) return { body: await transactionRetryingConflicts(ds, work), replayed: false };
  if (!KEY.test(key)) throw new BadRequestException('Idempotency-Key must be 1 to 128 letters, digits or ._:-');
  const fingerprint = sha256Hex(`${request.method} ${request.url} ${JSON.stringify(request.body ?? null)}`);
  return transactionRetryingConflicts(ds, async (m) => {
    const claimed = await m.query<unknown[]>(
      `INSERT INTO dispatch_idempotency (principal_id, key, fingerprint, body) VALUES ($1, $2, $3, 'null')
       ON CONFLICT DO NOTHING RETURNING 1`,
      [principal.id, key, fingerprint],
    );
    if (!claimed.length) {
      const [stored] = await m.query<{ fingerprint: string; body: unknown }[]>(
        'SELECT fingerprint, body FROM dispatch_idempotency WHERE principal_id = $1 AND key = $2',
        [principal.id, key],
      );
      if (stored.fingerprint !== fingerprint) {
        throw new UnprocessableEntityException('this Idempotency-Key was already used for a different request');
      }
      return { body: stored.body as T, replayed: true };
    }
    const body = await work(m);
    await m.query('UPDATE dispatch_idempotency SET body = $3 WHERE principal_id = $1 AND key = $2', [
      principal.id,
      key,
      JSON.stringify(body),
    ]);
    return { body, replayed: false };
  });
}
