import fc from 'fast-check';
import {
  assertBalanced,
  assertCovered,
  InsufficientBalance,
  Ledger,
  poolAccount,
  rewardsAccount,
  UnbalancedEntry,
  volunteerAccount,
} from './ledger';

const COMMUNITY = '/nanchang/jinxing/jincheng/';
const VOLUNTEERS = ['v1', 'v2', 'v3'];

type Op =
  | { op: 'earn'; v: string; points: number; ref: number }
  | { op: 'redeem'; v: string; points: number; ref: number }
  | { op: 'correct'; v: string; points: number; ref: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('earn' as const),
    v: fc.constantFrom(...VOLUNTEERS),
    points: fc.integer({ min: 1, max: 50 }),
    ref: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({
    op: fc.constant('redeem' as const),
    v: fc.constantFrom(...VOLUNTEERS),
    points: fc.integer({ min: 1, max: 80 }),
    ref: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({
    op: fc.constant('correct' as const),
    v: fc.constantFrom(...VOLUNTEERS),
    points: fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0),
    ref: fc.integer({ min: 0, max: 30 }),
  }),
);

/** Applies one operation as the service would: earnings from the pool, spending to the sink. */
function apply(ledger: Ledger, o: Op, at: Date): boolean {
  const vol = volunteerAccount(o.v);
  const lines =
    o.op === 'redeem'
      ? [
          { account: vol, amount: -o.points },
          { account: rewardsAccount(COMMUNITY), amount: o.points },
        ]
      : [
          { account: vol, amount: o.points },
          { account: poolAccount(COMMUNITY), amount: -o.points },
        ];
  try {
    return ledger.post(
      { kind: o.op === 'earn' ? 'job' : o.op === 'redeem' ? 'redemption' : 'correction', reference: `${o.op}:${o.ref}`, lines },
      at,
    ).posted;
  } catch (err) {
    if (err instanceof InsufficientBalance) return false;
    throw err;
  }
}

const T0 = Date.UTC(2026, 0, 1);
const at = (i: number) => new Date(T0 + i * 60_000);

describe('points ledger invariants (property-based)', () => {
  it('keeps the sum of all entries at zero and never lets a volunteer balance go negative', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), (ops) => {
        const ledger = new Ledger();
        ops.forEach((o, i) => {
          apply(ledger, o, at(i));
          expect(ledger.total()).toBe(0);
          for (const v of VOLUNTEERS) expect(ledger.balance(volunteerAccount(v))).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing for a refused or repeated posting, and moves exactly the points of an accepted one', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const ledger = new Ledger();
        const expected = new Map<string, number>();
        const seen = new Set<string>();
        ops.forEach((o, i) => {
          const before = ledger.balance(volunteerAccount(o.v));
          const posted = apply(ledger, o, at(i));
          const key = `${o.op}:${o.ref}`;
          if (seen.has(key)) expect(posted).toBe(false);
          const delta = o.op === 'redeem' ? -o.points : o.points;
          if (posted) {
            seen.add(key);
            expected.set(o.v, (expected.get(o.v) ?? 0) + delta);
          } else if (!seen.has(key)) {
            // Refused only because it was not covered.
            expect(before + delta).toBeLessThan(0);
          }
          expect(ledger.balance(volunteerAccount(o.v))).toBe(expected.get(o.v) ?? 0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives a statement for any period whose opening plus movements is its closing, equal to the balance', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(...VOLUNTEERS),
        (ops, a, b, v) => {
          const ledger = new Ledger();
          ops.forEach((o, i) => apply(ledger, o, at(i)));
          const account = volunteerAccount(v);
          const [from, to] = [at(Math.min(a, b)), at(Math.max(a, b) + 1)];
          const s = ledger.statement(account, from, to);
          expect(s.opening + s.movements.reduce((sum, m) => sum + m.amount, 0)).toBe(s.closing);
          expect(s.closing).toBe(ledger.balance(account, to));
          // Consecutive statements chain: one period's closing is the next one's opening.
          expect(ledger.statement(account, to, at(200)).opening).toBe(s.closing);
          expect(ledger.statement(account, at(-1), at(200)).closing).toBe(ledger.balance(account));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('entry checks', () => {
  it('refuses unbalanced, zero, fractional or single-line entries, naming why', () => {
    const vol = volunteerAccount('v1');
    const pool = poolAccount(COMMUNITY);
    expect(() =>
      assertBalanced([
        { account: vol, amount: 5 },
        { account: pool, amount: -4 },
      ]),
    ).toThrow('the lines sum to 1, not 0');
    expect(() =>
      assertBalanced([
        { account: vol, amount: 0 },
        { account: pool, amount: 0 },
      ]),
    ).toThrow(UnbalancedEntry);
    expect(() =>
      assertBalanced([
        { account: vol, amount: 1.5 },
        { account: pool, amount: -1.5 },
      ]),
    ).toThrow(UnbalancedEntry);
    expect(() => assertBalanced([{ account: vol, amount: 5 }])).toThrow('at least two lines');
    expect(() =>
      assertBalanced([
        { account: vol, amount: 5 },
        { account: vol, amount: -5 },
      ]),
    ).toThrow('appears twice');
  });

  it('lets the pool issue points below zero but no volunteer spend what they do not have', () => {
    const lines = [
      { account: volunteerAccount('v1'), amount: -10 },
      { account: rewardsAccount(COMMUNITY), amount: 10 },
    ];
    expect(() => assertCovered(lines, () => 9)).toThrow(new InsufficientBalance(volunteerAccount('v1'), 9, 10));
    expect(() => assertCovered(lines, () => 10)).not.toThrow();
    expect(() =>
      assertCovered(
        [
          { account: poolAccount(COMMUNITY), amount: -10 },
          { account: volunteerAccount('v1'), amount: 10 },
        ],
        () => 0,
      ),
    ).not.toThrow();
  });
});
