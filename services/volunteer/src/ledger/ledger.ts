import type { LedgerEntryKind } from '@bangbang/contracts';

/**
 * The points ledger as pure rules: double-entry (every entry's lines sum to zero), append-only,
 * balances derived from the lines. The database ledger applies the same checks under row locks;
 * the in-memory `Ledger` is the reference model the property tests drive.
 */
export type AccountKind = 'volunteer' | 'pool' | 'rewards' | 'exchange';

export interface Line {
  account: string;
  amount: number;
}

export interface EntryDraft {
  kind: LedgerEntryKind;
  /** Unique per fact the entry records (`job:<requestId>`…): a second posting of it is a no-op. */
  reference: string;
  lines: Line[];
}

export const volunteerAccount = (volunteerId: string): string => `volunteer:${volunteerId}`;
export const poolAccount = (communityPath: string): string => `pool:${communityPath}`;
export const rewardsAccount = (communityPath: string): string => `rewards:${communityPath}`;
export const exchangeAccount = (communityPath: string): string => `exchange:${communityPath}`;

export function accountKind(account: string): AccountKind {
  const kind = account.slice(0, account.indexOf(':'));
  if (kind === 'volunteer' || kind === 'pool' || kind === 'rewards' || kind === 'exchange') return kind;
  throw new Error(`unknown account ${account}`);
}

/** Only a community pool may go below zero: it issues the points its volunteers earn. */
export const mayGoNegative = (account: string): boolean => accountKind(account) === 'pool';

export class UnbalancedEntry extends Error {}

export class InsufficientBalance extends Error {
  constructor(
    readonly account: string,
    readonly balance: number,
    readonly needed: number,
  ) {
    super(`the balance of ${account} is ${balance}, ${needed} needed`);
  }
}

/** Refuses an entry that is not balanced, or not in whole non-zero points on distinct accounts. */
export function assertBalanced(lines: readonly Line[]): void {
  if (lines.length < 2) throw new UnbalancedEntry('an entry needs at least two lines');
  if (new Set(lines.map((l) => l.account)).size !== lines.length) throw new UnbalancedEntry('an account appears twice in one entry');
  for (const l of lines) {
    accountKind(l.account);
    if (!Number.isSafeInteger(l.amount) || l.amount === 0)
      throw new UnbalancedEntry(`amount ${l.amount} on ${l.account} is not a whole non-zero number of points`);
  }
  const sum = lines.reduce((s, l) => s + l.amount, 0);
  if (sum !== 0) throw new UnbalancedEntry(`the lines sum to ${sum}, not 0`);
}

/** Checks the entry against the balances before it; throws if any account that must not would go below zero. */
export function assertCovered(lines: readonly Line[], balanceOf: (account: string) => number): void {
  for (const l of lines) {
    if (l.amount >= 0 || mayGoNegative(l.account)) continue;
    const balance = balanceOf(l.account);
    if (balance + l.amount < 0) throw new InsufficientBalance(l.account, balance, -l.amount);
  }
}

export class Movement {
  entryId: string;
  kind: LedgerEntryKind;
  reference: string;
  amount: number;
  postedAt: Date;
}

export class Statement {
  account: string;
  from: Date;
  to: Date;
  opening: number;
  credits: number;
  debits: number;
  closing: number;
  movements: Movement[];
}

/** Opening balance + the period's movements = closing balance, by construction. */
export function buildStatement(account: string, from: Date, to: Date, opening: number, movements: Movement[]): Statement {
  const credits = movements.filter((m) => m.amount > 0).reduce((s, m) => s + m.amount, 0);
  const debits = movements.filter((m) => m.amount < 0).reduce((s, m) => s - m.amount, 0);
  return { account, from, to, opening, credits, debits, closing: opening + credits - debits, movements };
}

interface Posted extends EntryDraft {
  id: string;
  postedAt: Date;
}

export type PostOutcome = { posted: true; entryId: string } | { posted: false; entryId: string };

/** The ledger in memory: the model of what the database ledger guarantees. */
export class Ledger {
  private readonly entries: Posted[] = [];
  private readonly byReference = new Map<string, Posted>();

  post(draft: EntryDraft, postedAt: Date): PostOutcome {
    const earlier = this.byReference.get(draft.reference);
    if (earlier) return { posted: false, entryId: earlier.id };
    assertBalanced(draft.lines);
    assertCovered(draft.lines, (a) => this.balance(a));
    const entry: Posted = { ...draft, lines: draft.lines.map((l) => ({ ...l })), id: `e${this.entries.length + 1}`, postedAt };
    this.entries.push(entry);
    this.byReference.set(draft.reference, entry);
    return { posted: true, entryId: entry.id };
  }

  balance(account: string, before?: Date): number {
    return this.lines(account)
      .filter((m) => !before || m.postedAt < before)
      .reduce((s, m) => s + m.amount, 0);
  }

  accounts(): string[] {
    return [...new Set(this.entries.flatMap((e) => e.lines.map((l) => l.account)))];
  }

  /** The sum of every line ever posted; zero in a double-entry ledger. */
  total(): number {
    return this.entries.reduce((s, e) => s + e.lines.reduce((t, l) => t + l.amount, 0), 0);
  }

  statement(account: string, from: Date, to: Date): Statement {
    const inPeriod = this.lines(account).filter((m) => m.postedAt >= from && m.postedAt < to);
    return buildStatement(account, from, to, this.balance(account, from), inPeriod);
  }

  private lines(account: string): Movement[] {
    return this.entries.flatMap((e) =>
      e.lines
        .filter((l) => l.account === account)
        .map((l) => ({ entryId: e.id, kind: e.kind, reference: e.reference, amount: l.amount, postedAt: e.postedAt })),
    );
  }
}
