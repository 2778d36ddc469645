import { CreditUpdated, type ProviderQualityV1, UnitFlagged } from '@bangbang/contracts';
import { EventContext, writeToOutbox } from '@bangbang/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { EntityManager } from 'typeorm';
import { MERCHANT_CONFIG, MerchantConfig } from '../merchant.config';
import { Credit, creditScore, CreditCounts, NO_FACTS } from './credit-score';

/**
 * Each of the unit's tables read once, every count of it in the same pass: a unit's history only
 * grows, and eleven scans of it, one for each count, took 2.2 times as long for a unit of 20,000
 * jobs.
 */
const COUNTS = `
  SELECT o.*, j.*, r.* FROM
    (SELECT count(*) FILTER (WHERE status = 'accepted')::int AS "offersAccepted",
            count(*) FILTER (WHERE status IN ('accepted', 'declined', 'expired'))::int AS "offersDecided"
       FROM unit_offer WHERE unit_id = $1) o,
    (SELECT count(*) FILTER (WHERE signed_off_at IS NOT NULL AND finished_on_time AND NOT deadline_breached)::int AS "jobsOnTime",
            count(*) FILTER (WHERE signed_off_at IS NOT NULL)::int AS "jobsSignedOff",
            count(*) FILTER (WHERE completed_at IS NOT NULL OR signed_off_at IS NOT NULL)::int AS "jobsCompleted",
            coalesce(sum(redo_count), 0)::int AS redos,
            count(*) FILTER (WHERE overcharge_flagged)::int AS overcharges
       FROM unit_job WHERE unit_id = $1) j,
    (SELECT count(*)::int AS ratings,
            count(*) FILTER (WHERE provider = 'dissatisfied')::int AS dissatisfied,
            count(*) FILTER (WHERE provider = 'satisfied')::int AS satisfied,
            count(*) FILTER (WHERE provider = 'basically_satisfied')::int AS "basicallySatisfied"
       FROM unit_rating WHERE unit_id = $1) r`;

type CountsRow = Omit<CreditCounts, 'complaints'> & { overcharges: number; dissatisfied: number };

/** What a transaction's events changed of one unit's credit: its own facts, and the rating service's newest figures. */
interface Changed {
  facts: boolean;
  quality?: ProviderQualityV1;
}

@Injectable()
export class CreditService {
  constructor(@Inject(MERCHANT_CONFIG) private readonly config: MerchantConfig) {}

  /** An event changed one of the unit's credit facts: its score is worked out again before the transaction commits. */
  factsChanged(ctx: EventContext, unitId: string): void {
    this.changed(ctx, unitId).facts = true;
  }

  /** The rating service's figures for a unit, stored before the transaction commits; the newest version wins. */
  qualityReceived(ctx: EventContext, q: ProviderQualityV1): void {
    const changed = this.changed(ctx, q.providerId);
    if (!changed.quality || changed.quality.version < q.version) changed.quality = q;
  }

  private changed(ctx: EventContext, unitId: string): Changed {
    const units = ctx.delivery.beforeCommit(
      'unit-credit',
      () => new Map<string, Changed>(),
      (held) => this.writeChanged(ctx.manager, held),
    );
    let changed = units.get(unitId);
    if (!changed) units.set(unitId, (changed = { facts: false }));
    return changed;
  }

  /**
   * Once per transaction, after all of its events (a chunk holds many for the same unit): each unit's
   * row locked first and in one order of units, so that two consumers' transactions never take them
   * in opposite orders, and hold them only while they commit.
   */
  private async writeChanged(m: EntityManager, units: Map<string, Changed>): Promise<void> {
    for (const unitId of [...units.keys()].sort()) {
      const { facts, quality } = units.get(unitId)!;
      if (quality) {
        // `refresh` locks the unit row first itself; the quality's write must come after that lock too.
        await m.query('SELECT 1 FROM partner_unit WHERE id = $1 FOR UPDATE', [unitId]);
        await this.recordQuality(m, quality);
      }
      if (facts) await this.refresh(m, unitId);
    }
  }

  /**
   * Recomputes the unit's score from its facts in the caller's transaction, stores it, and publishes
   * it when the credibility itself changed (the score, or the unit falling below the review
   * threshold, which also flags it). A fact that only adds a sample without moving the score is
   * stored for the scorecard but not announced: nobody in the system consumes the event, and the
   * integrators it is for follow the score.
   */
  async refresh(m: EntityManager, unitId: string): Promise<void> {
    // One refresh per unit at a time, so each sees the facts the previous one committed.
    const [unit] = await m.query<[({ org_path: string } & Partial<Credit & { flagged_low: boolean; version: number }>)?]>(
      `SELECT u.org_path, c.score, c.components, c.flagged_low, c.version
         FROM partner_unit u LEFT JOIN unit_credit c ON c.unit_id = u.id WHERE u.id = $1 FOR UPDATE OF u`,
      [unitId],
    );
    if (!unit) return;
    const [row] = await m.query<[CountsRow]>(COUNTS, [unitId]);
    const counts: CreditCounts = { ...row, complaints: row.dissatisfied + row.overcharges };
    const credit = creditScore(counts);
    const before = unit.version === null || unit.version === undefined ? undefined : unit;
    // Version 0: a row the rating service's figures made before any fact of ours; never published.
    // jsonb keeps its own key order, so the stored components are compared as values, not as text.
    if (before && before.score === credit.score && isDeepStrictEqual(before.components, credit.components)) return;
    const low = credit.score < this.config.CREDIT_REVIEW_THRESHOLD;
    const announce = !before?.version || before.score !== credit.score || before.flagged_low !== low;
    const version = (before?.version ?? 0) + (announce ? 1 : 0);
    await m.query(
      `INSERT INTO unit_credit (unit_id, score, components, flagged_low, version, updated_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (unit_id) DO UPDATE SET score = $2, components = $3, flagged_low = $4, version = $5, updated_at = now()`,
      [unitId, credit.score, JSON.stringify(credit.components), low, version],
    );
    if (!announce) return;
    const asOf = new Date().toISOString();
    await writeToOutbox(m, CreditUpdated, { subject: unitId, data: { unitId, orgPath: unit.org_path, ...credit, asOf, version } });
    if (low && !before?.flagged_low) {
      await writeToOutbox(m, UnitFlagged, {
        subject: unitId,
        data: {
          unitId,
          orgPath: unit.org_path,
          reason: 'low_credit',
          detail: `credibility ${credit.score} is below ${this.config.CREDIT_REVIEW_THRESHOLD}`,
          at: asOf,
        },
      });
    }
  }

  /**
   * The rating service's own figures, shown on the scorecard next to ours; the newest version wins.
   * A unit without a score yet gets the neutral one beside them.
   */
  private async recordQuality(m: EntityManager, q: ProviderQualityV1): Promise<void> {
    const neutral = creditScore(NO_FACTS);
    await m.query(
      `INSERT INTO unit_credit (unit_id, score, components, version, quality, quality_version)
       SELECT $1, $4, $5, 0, $2, $3 WHERE EXISTS (SELECT 1 FROM partner_unit WHERE id = $1)
       ON CONFLICT (unit_id) DO UPDATE SET quality = EXCLUDED.quality, quality_version = EXCLUDED.quality_version
       WHERE unit_credit.quality_version < EXCLUDED.quality_version`,
      [q.providerId, JSON.stringify(q), q.version, neutral.score, JSON.stringify(neutral.components)],
    );
  }
}
