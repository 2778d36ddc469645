import { UnitFlagged } from '@bangbang/contracts';
import { EventContext, writeToOutbox } from '@bangbang/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditService } from '../credit/credit.service';
import { chargedEligibleHousehold } from './price-check';
import { isUnitKind } from './units-only';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CREDIT_INPUTS = ['completed_at', 'signed_off_at', 'deadline_breached'];
/** The offer statuses the credit's acceptance rate counts (see COUNTS in the credit service). */
const DECISIONS = ['accepted', 'declined', 'expired'];

export interface JobRef {
  requestId: string;
  unitId: string;
  orgPath: string;
  categoryCode: string;
}

type JobColumns = Partial<{
  holding: boolean;
  fee_policy: string;
  assigned_at: Date;
  on_site_at: Date;
  completed_at: Date;
  price_charged_fen: number;
  signed_off_at: Date;
  finished_on_time: boolean;
  deadline_breached: boolean;
  cancelled_at: Date;
}>;

/**
 * The unit's own record of its jobs, built from other services' facts. Each write is an upsert
 * that tolerates facts arriving late, twice or out of order (they come from several topics).
 */
@Injectable()
export class JobFactsService {
  /** Units once found: a partner unit is retired, never deleted, so it stays ours. */
  private readonly ours = new Set<string>();

  constructor(private readonly credit: CreditService) {}

  /** Whether a provider id in a fact is one of our partner units (volunteers' facts are not ours). */
  async isOurs(m: EntityManager, providerId: string | undefined, providerKind?: string): Promise<boolean> {
    if (!providerId || !UUID.test(providerId) || !isUnitKind(providerKind)) return false;
    if (this.ours.has(providerId)) return true;
    const [row] = await m.query<[unknown?]>('SELECT 1 FROM partner_unit WHERE id = $1', [providerId]);
    if (row) this.ours.add(providerId);
    return Boolean(row);
  }

  /** Records the offer's status; answers the status it had before (undefined when first seen). */
  async offer(ctx: EventContext, offerId: string, job: JobRef, status: string, feePolicy?: string): Promise<string | undefined> {
    const m = ctx.manager;
    const [before] = await m.query<[{ status: string }?]>('SELECT status FROM unit_offer WHERE offer_id = $1 FOR UPDATE', [offerId]);
    if (!before) {
      await m.query('INSERT INTO unit_offer (offer_id, unit_id, request_id, status, fee_policy, at) VALUES ($1, $2, $3, $4, $5, now())', [
        offerId,
        job.unitId,
        job.requestId,
        status,
        feePolicy ?? null,
      ]);
    } else if (before.status === 'open' && status !== 'open') {
      await m.query('UPDATE unit_offer SET status = $2, at = now() WHERE offer_id = $1', [offerId, status]);
    }
    if (feePolicy) await this.job(ctx, job, { fee_policy: feePolicy });
    // Only a decision the unit made or let lapse counts for its credit, once; a withdrawal or a
    // repeated fact changes none of its inputs.
    const decided = (!before || before.status === 'open') && DECISIONS.includes(status);
    if (decided) this.credit.factsChanged(ctx, job.unitId);
    return before?.status;
  }

  /** Upserts the unit's job row with the given facts; a fee policy or price may complete an overcharge. */
  async job(ctx: EventContext, job: JobRef, set: JobColumns): Promise<void> {
    const m = ctx.manager;
    const columns = Object.keys(set);
    const values = Object.values(set);
    const assignments = columns.map((c, i) => (c === 'fee_policy' ? `${c} = coalesce(unit_job.${c}, $${i + 5})` : `${c} = $${i + 5}`));
    await m.query(
      `INSERT INTO unit_job (request_id, unit_id, org_path, category_code${columns.map((c) => `, ${c}`).join('')})
       VALUES ($1, $2, $3, $4${columns.map((_, i) => `, $${i + 5}`).join('')})
       ON CONFLICT (request_id, unit_id) DO ${assignments.length ? `UPDATE SET ${assignments.join(', ')}` : 'NOTHING'}`,
      [job.requestId, job.unitId, job.orgPath, job.categoryCode, ...values],
    );
    const flagged = ('fee_policy' in set || 'price_charged_fen' in set) && (await this.checkPrice(m, job));
    if (flagged || CREDIT_INPUTS.some((k) => k in set)) this.credit.factsChanged(ctx, job.unitId);
  }

  async holding(m: EntityManager, requestId: string): Promise<{ unit_id: string }[]> {
    return m.query('SELECT unit_id FROM unit_job WHERE request_id = $1 AND holding', [requestId]);
  }

  async isCancelled(m: EntityManager, job: JobRef): Promise<boolean> {
    const [row] = await m.query<[{ cancelled_at: Date | null }?]>(
      'SELECT cancelled_at FROM unit_job WHERE request_id = $1 AND unit_id = $2',
      [job.requestId, job.unitId],
    );
    return Boolean(row?.cancelled_at);
  }

  /** Whether the unit's job records an assignment made at `at` or later. */
  async assignedSince(m: EntityManager, job: JobRef, at: Date): Promise<boolean> {
    const [row] = await m.query<[unknown?]>('SELECT 1 FROM unit_job WHERE request_id = $1 AND unit_id = $2 AND assigned_at >= $3', [
      job.requestId,
      job.unitId,
      at,
    ]);
    return Boolean(row);
  }

  /** Counts one redo per reopening (by its time), however many times the fact arrives. */
  async redo(ctx: EventContext, job: JobRef, reopenedAt: Date): Promise<void> {
    const m = ctx.manager;
    const counted: unknown[] = await m.query(
      'INSERT INTO unit_redo (request_id, unit_id, reopened_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
      [job.requestId, job.unitId, reopenedAt],
    );
    if (!counted.length) return;
    await m.query(
      `INSERT INTO unit_job (request_id, unit_id, org_path, category_code, redo_count) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (request_id, unit_id) DO UPDATE SET redo_count = unit_job.redo_count + 1`,
      [job.requestId, job.unitId, job.orgPath, job.categoryCode],
    );
    this.credit.factsChanged(ctx, job.unitId);
  }

  async rating(ctx: EventContext, job: JobRef, provider: string, solved: boolean, revision: number, ratedAt: string): Promise<boolean> {
    const rows: unknown[] = await ctx.manager.query(
      `INSERT INTO unit_rating (request_id, unit_id, provider, solved, revision, rated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (request_id) DO UPDATE SET provider = $3, solved = $4, revision = $5, rated_at = $6 WHERE unit_rating.revision < $5
       RETURNING request_id`,
      [job.requestId, job.unitId, provider, solved, revision, ratedAt],
    );
    this.credit.factsChanged(ctx, job.unitId);
    return rows.length > 0;
  }

  private async checkPrice(m: EntityManager, job: JobRef): Promise<boolean> {
    const [row] = await m.query<[{ fee_policy: string | null; price_charged_fen: number | null; overcharge_flagged: boolean }?]>(
      'SELECT fee_policy, price_charged_fen, overcharge_flagged FROM unit_job WHERE request_id = $1 AND unit_id = $2 FOR UPDATE',
      [job.requestId, job.unitId],
    );
    if (!row || row.overcharge_flagged || !chargedEligibleHousehold(row.fee_policy, row.price_charged_fen)) return false;
    await m.query('UPDATE unit_job SET overcharge_flagged = true WHERE request_id = $1 AND unit_id = $2', [job.requestId, job.unitId]);
    const [unit] = await m.query<[{ org_path: string }]>('SELECT org_path FROM partner_unit WHERE id = $1', [job.unitId]);
    await writeToOutbox(m, UnitFlagged, {
      subject: job.unitId,
      data: {
        unitId: job.unitId,
        orgPath: unit.org_path,
        reason: 'charged_free_household',
        detail: `charged ${row.price_charged_fen} fen on a job that is free for the household`,
        requestId: job.requestId,
        at: new Date().toISOString(),
      },
    });
    return true;
  }
}
