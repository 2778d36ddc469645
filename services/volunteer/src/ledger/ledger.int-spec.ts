import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { JINCHENG, VolunteerHarness } from '../../test/volunteer-harness';
import { InsufficientBalance, Ledger, poolAccount, rewardsAccount, volunteerAccount } from './ledger';
import { LedgerService } from './ledger.service';

type Op = { op: 'earn' | 'spend'; v: number; points: number };

const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom('earn' as const, 'spend' as const),
  v: fc.integer({ min: 0, max: 2 }),
  points: fc.integer({ min: 1, max: 40 }),
});

describe('points ledger in PostgreSQL', () => {
  let h: VolunteerHarness;
  let ds: DataSource;
  let ledger: LedgerService;
  let run = 0;

  beforeAll(async () => {
    h = await VolunteerHarness.start();
    ds = h.app.get(DataSource);
    ledger = h.app.get(LedgerService);
  });

  afterAll(() => h?.stop());

  const post = (o: Op, vol: string, ref: string) =>
    ds.transaction((m) =>
      ledger.post(m, {
        kind: o.op === 'earn' ? 'job' : 'redemption',
        reference: ref,
        volunteerId: vol,
        orgPath: JINCHENG,
        postedBy: 'test',
        lines:
          o.op === 'earn'
            ? [
                { account: volunteerAccount(vol), amount: o.points },
                { account: poolAccount(JINCHENG), amount: -o.points },
              ]
            : [
                { account: volunteerAccount(vol), amount: -o.points },
                { account: rewardsAccount(JINCHENG), amount: o.points },
              ],
      }),
    );

  const refused = (err: unknown) => {
    if (err instanceof InsufficientBalance) return false;
    throw err;
  };

  it('agrees with the pure model on every balance and statement, for generated sequences of postings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
        run += 1;
        const model = new Ledger();
        const vols = [0, 1, 2].map((i) => `prop-${run}-${i}`);
        for (const [i, o] of ops.entries()) {
          const ref = `prop-${run}-${i}`;
          const lines =
            o.op === 'earn'
              ? [
                  { account: volunteerAccount(vols[o.v]), amount: o.points },
                  { account: poolAccount(JINCHENG), amount: -o.points },
                ]
              : [
                  { account: volunteerAccount(vols[o.v]), amount: -o.points },
                  { account: rewardsAccount(JINCHENG), amount: o.points },
                ];
          let inModel: boolean;
          try {
            inModel = model.post({ kind: o.op === 'earn' ? 'job' : 'redemption', reference: ref, lines }, new Date()).posted;
          } catch (err) {
            inModel = refused(err);
          }
          const inDb = await post(o, vols[o.v], ref).then((r) => r.posted, refused);
          expect(inDb).toBe(inModel);
        }
        for (const vol of vols) {
          const account = volunteerAccount(vol);
          const balance = await ledger.balance(ds.manager, account);
          expect(balance).toBe(model.balance(account));
          const statement = await ledger.statement(ds.manager, account, new Date(0), new Date(Date.now() + 60_000));
          expect(statement.closing).toBe(balance);
          expect(statement.opening + statement.credits - statement.debits).toBe(statement.closing);
        }
      }),
      { numRuns: 8 },
    );
    const check = await ledger.check(ds.manager);
    expect(check).toMatchObject({ sumOfAllLines: 0, unbalancedEntries: [], cacheMismatches: [], negativeAccounts: [] });
  });

  it('holds the invariants under concurrent postings against the same accounts', async () => {
    const ops = fc.sample(opArb, { numRuns: 120, seed: 7 });
    await Promise.all(ops.map((o, i) => post(o, `conc-${o.v}`, `conc-${i}`).catch(refused)));
    const check = await ledger.check(ds.manager);
    expect(check).toMatchObject({ sumOfAllLines: 0, unbalancedEntries: [], cacheMismatches: [], negativeAccounts: [] });
    for (const v of [0, 1, 2]) {
      const account = volunteerAccount(`conc-${v}`);
      const [{ balance }] = await h
        .rows<{ balance: string }>('SELECT balance FROM ledger_account WHERE id = $1', [account])
        .then((r) => (r.length ? r : [{ balance: '0' }]));
      expect(Number(balance)).toBe(await ledger.balance(ds.manager, account));
      expect(Number(balance)).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives statements for adjoining periods that chain, and reconcile with the balance', async () => {
    const account = volunteerAccount('conc-0');
    const [{ mid }] = await h.rows<{ mid: Date }>(
      'SELECT posted_at AS mid FROM ledger_line WHERE account_id = $1 ORDER BY posted_at LIMIT 1 OFFSET 5',
      [account],
    );
    const end = new Date(Date.now() + 60_000);
    const first = await ledger.statement(ds.manager, account, new Date(0), mid);
    const second = await ledger.statement(ds.manager, account, mid, end);
    expect(second.opening).toBe(first.closing);
    expect(second.closing).toBe(await ledger.balance(ds.manager, account));
    expect(first.movements.length + second.movements.length).toBe(
      Number((await h.rows<{ n: string }>('SELECT count(*) AS n FROM ledger_line WHERE account_id = $1', [account]))[0].n),
    );
  });

  it('refuses, in the database itself, edits, deletions, hand-set balances and unbalanced entries', async () => {
    await expect(h.pg.query('UPDATE ledger_line SET amount = amount + 1')).rejects.toThrow('append-only');
    await expect(h.pg.query('DELETE FROM ledger_entry')).rejects.toThrow('append-only');
    await expect(h.pg.query(`UPDATE ledger_account SET balance = balance + 100 WHERE kind = 'volunteer'`)).rejects.toThrow(
      'derived from ledger lines',
    );
    const unbalanced = `BEGIN;
      INSERT INTO ledger_entry (id, kind, reference, volunteer_id, org_path, posted_by) VALUES ('00000000-0000-4000-8000-000000000001', 'correction', 'forged', 'conc-0', '${JINCHENG}', 'intruder');
      INSERT INTO ledger_line (entry_id, account_id, amount, posted_at) VALUES ('00000000-0000-4000-8000-000000000001', 'volunteer:conc-0', 1000, now());
      COMMIT;`;
    await expect(h.pg.query(unbalanced)).rejects.toThrow('does not balance');
    await h.pg.query('ROLLBACK').catch(() => undefined);
    const overdraw = `BEGIN;
      INSERT INTO ledger_entry (id, kind, reference, volunteer_id, org_path, posted_by) VALUES ('00000000-0000-4000-8000-000000000002', 'redemption', 'overdraw', 'conc-0', '${JINCHENG}', 'intruder');
      INSERT INTO ledger_line (entry_id, account_id, amount, posted_at) VALUES ('00000000-0000-4000-8000-000000000002', 'volunteer:conc-0', -100000, now()), ('00000000-0000-4000-8000-000000000002', 'rewards:${JINCHENG}', 100000, now());
      COMMIT;`;
    await expect(h.pg.query(overdraw)).rejects.toThrow('ledger_account_not_overdrawn');
    await h.pg.query('ROLLBACK').catch(() => undefined);
    expect(await h.rows(`SELECT id FROM ledger_entry WHERE reference IN ('forged', 'overdraw')`)).toEqual([]);
  });
});
