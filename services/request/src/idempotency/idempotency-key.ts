import { sha256Hex } from '@bangbang/auth';
import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * A change retried safely under the caller's `Idempotency-Key`: the first call with a key makes the
 * change and keeps its answer in the same transaction; a retry with that key and the same body gets
 * the answer again (nothing changes), with another body a 422. A caller whose call timed out cannot
 * know whether it was made, so without a key a retry could make it twice.
 */
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** The header, checked; absent is fine (the change is then made on every call). */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header !== undefined && !KEY.test(header)) throw new BadRequestException('Idempotency-Key: 8 to 128 letters, digits or ._:-');
  return header;
}

/** The part of Fastify's reply that a controller sets headers on. */
export interface ReplyHeaders {
  header(name: string, value: string): unknown;
}

export function markReplayed(reply: ReplyHeaders, replayed: boolean): void {
  if (replayed) reply.header('idempotent-replayed', 'true');
}

/**
 * `change` once per key: `kind` keeps each kind of change's keys apart (a key is the caller's own),
 * and `body` is what a retry must repeat. Intake's keys have no kind, as they had before there were
 * others.
 */
export async function once<T>(
  m: EntityManager,
  principalId: string,
  key: { kind?: string; key: string | undefined },
  body: object,
  change: () => Promise<T>,
): Promise<{ answer: T; replayed: boolean }> {
  if (key.key === undefined) return { answer: await change(), replayed: false };
  // A space never appears in a key, so a kind's keys cannot meet intake's.
  const stored = key.kind ? `${key.kind} ${key.key}` : key.key;
  const hash = sha256Hex(canonicalJson(body));
  const claimed = await m.query<unknown[]>(
    'INSERT INTO idempotency_key (principal_id, key, body_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
    [principalId, stored, hash],
  );
  if (!claimed.length) {
    // A concurrent retry waited on the first one's row above and now sees its answer.
    const [earlier] = await m.query<[{ body_hash: string; response: T }]>(
      'SELECT body_hash, response FROM idempotency_key WHERE principal_id = $1 AND key = $2',
      [principalId, stored],
    );
    if (earlier.body_hash !== hash) throw new UnprocessableEntityException('Idempotency-Key: already used for a different request body');
    return { answer: earlier.response, replayed: true };
  }
  const answer = await change();
  await m.query('UPDATE idempotency_key SET status_code = 201, response = $3 WHERE principal_id = $1 AND key = $2', [
    principalId,
    stored,
    JSON.stringify(answer),
  ]);
  return { answer, replayed: false };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
