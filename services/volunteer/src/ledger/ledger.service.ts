import { LedgerEntryKind, PointsPosted } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { planEachRun } from '@bangbang/persistence';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { accountKind, assertBalanced, assertCovered, buildStatement, EntryDraft, Movement, Statement, volunteerAccount } from './ledger';

export interface Posting extends EntryDraft {
  volunteerId: string;
  /** The volunteer's home community. */
  orgPath: string;
  postedBy: string;
  reason?: string;
}

export interface Posted {
  posted: boolean;
  entryId: string;
}

/** Kinds that count as earned: they make stars and rankings; spending does not unmake them. */
export const EARNING_KINDS: LedgerEntryKind[] = ['job', 'activity', 'bonus', 'correction'];

const LOCK_ACCOUNTS = planEachRun('SELECT id, balance FROM ledger_account WHERE id = ANY($1) ORDER BY id FOR UPDATE');

const accountPath = (account: string, volunteerPath: string): string =>
  accountKind(account) === 'volunteer' ? volunteerPath : account.slice(account.indexOf(':') + 1);

/**
 * The points ledger in PostgreSQL. Every posting runs in the caller's transaction: the entry is
 * claimed by its reference (a second posting of one fact is a no-op), the accounts are locked in
 * id order (so concurrent postings queue instead of deadlocking), coverage is checked against the
 * locked balances, then the lines are written; a trigger moves the cached balances and the
 * database refuses an unbalanced entry at commit and any balance below zero.
 */
/** The ledger reconciled: every entry balances, the cached balances match the lines, no account below zero. */
/** One entry on a volunteer's account, newest first in their history. */
export class PointsHistoryEntry {
  entryId: string;
  kind: LedgerEntryKind;
  reference: string;
  reason: string | null;
  /** Credited (positive) or debited (negative) to the volunteer. */
  points: number;
  postedAt: Date;
}

export class LedgerCheck {
  entries: number;
  sumOfAllLines: number;
  unbalancedEntries: string[];
  cacheMismatches: string[];
  negativeAccounts: string[];
}

@Injectable()
export class LedgerService {
  async post(m: EntityManager, p: Posting): Promise<Posted> {
    assertBalanced(p.lines);
    const entryId = randomUUID();
    const claimed: { posted_at: Date }[] = await m.query(
      `INSERT INTO ledger_entry (id, kind, reference, volunteer_id, org_path, reason, posted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (reference) DO NOTHING RETURNING posted_at`,
      [entryId, p.kind, p.reference, p.volunteerId, p.orgPath, p.reason ?? null, p.postedBy],
    );
    if (!claimed.length) {
      const [earlier] = await m.query<[{ id: string }]>('SELECT id FROM ledger_entry WHERE reference = $1', [p.reference]);
      return { posted: false, entryId: earlier.id };
    }
    const lines = [...p.lines].sort((a, b) => (a.account < b.account ? -1 : 1));
    const ids = lines.map((l) => l.account);
    await m.query(
      `INSERT INTO ledger_account (id, kind, org_path)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ORDER BY 1 ON CONFLICT (id) DO NOTHING`,
      [ids, ids.map(accountKind), ids.map((a) => accountPath(a, p.orgPath))],
    );
    const locked: { id: string; balance: string }[] = await m.query(LOCK_ACCOUNTS, [ids]);
    const balances = new Map(locked.map((a) => [a.id, Number(a.balance)]));
    assertCovered(lines, (a) => balances.get(a) ?? 0);
    await m.query(
      `INSERT INTO ledger_line (entry_id, account_id, amount, posted_at)
       SELECT $1, account, amount, $4 FROM unnest($2::text[], $3::bigint[]) AS l(account, amount)`,
      [entryId, ids, lines.map((l) => l.amount), claimed[0].posted_at],
    );
    await writeToOutbox(m, PointsPosted, {
      subject: entryId,
      data: {
        entryId,
        kind: p.kind,
        volunteerId: p.volunteerId,
        orgPath: p.orgPath,
        reference: p.reference,
        lines,
        reason: p.reason,
        postedAt: claimed[0].posted_at.toISOString(),
      },
    });
    return { posted: true, entryId };
  }

  /** The balance as the sum of the account's lines. */
  async balance(m: EntityManager, account: string): Promise<number> {
    const [row] = await m.query<[{ b: string }]>('SELECT coalesce(sum(amount), 0)::bigint AS b FROM ledger_line WHERE account_id = $1', [
      account,
    ]);
    return Number(row.b);
  }

  /** Points ever earned (jobs, activities, bonuses, corrections): spending does not lower it. */
  async lifetimeEarned(m: EntityManager, volunteerId: string, before?: Date): Promise<number> {
    const [row] = await m.query<[{ p: string }]>(
      `SELECT coalesce(sum(l.amount), 0)::bigint AS p FROM ledger_line l JOIN ledger_entry e ON e.id = l.entry_id
       WHERE l.account_id = $1 AND e.kind = ANY($2) AND ($3::timestamptz IS NULL OR l.posted_at < $3)`,
      [volunteerAccount(volunteerId), EARNING_KINDS, before ?? null],
    );
    return Number(row.p);
  }

  async statement(m: EntityManager, account: string, from: Date, to: Date): Promise<Statement> {
    const [open] = await m.query<[{ b: string }]>(
      'SELECT coalesce(sum(amount), 0)::bigint AS b FROM ledger_line WHERE account_id = $1 AND posted_at < $2',
      [account, from],
    );
    const rows: { entry_id: string; kind: LedgerEntryKind; reference: string; amount: string; posted_at: Date }[] = await m.query(
      `SELECT l.entry_id, e.kind, e.reference, l.amount, l.posted_at FROM ledger_line l JOIN ledger_entry e ON e.id = l.entry_id
       WHERE l.account_id = $1 AND l.posted_at >= $2 AND l.posted_at < $3 ORDER BY e.seq`,
      [account, from, to],
    );
    const movements: Movement[] = rows.map((r) => ({
      entryId: r.entry_id,
      kind: r.kind,
      reference: r.reference,
      amount: Number(r.amount),
      postedAt: r.posted_at,
    }));
    return buildStatement(account, from, to, Number(open.b), movements);
  }

  /** A volunteer's entries, newest first, with what each did to their account. */
  async history(m: EntityManager, volunteerId: string, limit: number): Promise<PointsHistoryEntry[]> {
    return m.query<PointsHistoryEntry[]>(
      `SELECT e.id AS "entryId", e.kind, e.reference, e.reason, l.amount::int AS points, e.posted_at AS "postedAt"
       FROM ledger_entry e JOIN ledger_line l ON l.entry_id = e.id AND l.account_id = $1
       ORDER BY e.seq DESC LIMIT $2`,
      [volunteerAccount(volunteerId), limit],
    );
  }

  /** Reconciliation: all lines sum to zero, every entry balances, every cached balance equals its lines. */
  async check(m: EntityManager): Promise<LedgerCheck> {
    const [totals] = await m.query<[{ entries: number; total: string }]>(
      'SELECT (SELECT count(*) FROM ledger_entry)::int AS entries, coalesce(sum(amount), 0)::bigint AS total FROM ledger_line',
    );
    const unbalanced = await m.query<{ entry_id: string }[]>(
      'SELECT entry_id FROM ledger_line GROUP BY entry_id HAVING sum(amount) <> 0 OR count(*) < 2',
    );
    const mismatched = await m.query<{ id: string }[]>(
      `SELECT a.id FROM ledger_account a LEFT JOIN (SELECT account_id, sum(amount) AS s FROM ledger_line GROUP BY account_id) l
       ON l.account_id = a.id WHERE a.balance <> coalesce(l.s, 0)`,
    );
    const negative = await m.query<{ id: string }[]>(`SELECT id FROM ledger_account WHERE kind <> 'pool' AND balance < 0`);
    return {
      entries: totals.entries,
      sumOfAllLines: Number(totals.total),
      unbalancedEntries: unbalanced.map((r) => r.entry_id),
      cacheMismatches: mismatched.map((r) => r.id),
      negativeAccounts: negative.map((r) => r.id),
    };
  }
}
