import { inScope, Principal } from '@bangbang/auth';
import { ServiceExchanged } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { exchangeAccount, InsufficientBalance, poolAccount, rewardsAccount, volunteerAccount } from '../ledger/ledger';
import { LedgerService } from '../ledger/ledger.service';
import { PointsConfigService } from '../points/points-config.service';
import { exchangeCost } from '../points/points-rules';
import { Volunteer } from '../registration/volunteer.entity';
import { CorrectionDto } from './rewards.dto';
import { Spending, spendingId } from './spending-id';

const conflict = (message: string, figures: Record<string, number>) =>
  new ConflictException({ statusCode: 409, error: 'Conflict', message, ...figures });

const EARLIER: Record<Spending, string> = {
  redemption: 'SELECT reward_id AS subject, response FROM redemption WHERE id = $1',
  exchange: 'SELECT category_code AS subject, response FROM service_exchange WHERE id = $1',
};

/**
 * The answer a spending made under an Idempotency-Key first gave, if it was made; 422 when the key
 * was used for another reward or category, since replaying that answer would be wrong.
 */
async function earlierAnswer<T>(m: EntityManager, spending: Spending, id: string, subject: string): Promise<T | undefined> {
  const [row]: { subject: string; response: T }[] = await m.query(EARLIER[spending], [id]);
  if (!row) return undefined;
  if (row.subject !== subject) throw new UnprocessableEntityException('Idempotency-Key: already used for a different request');
  return row.response;
}

export class Redeemed {
  redemptionId: string;
  entryId: string;
  reward: string;
  points: number;
  balance: number;
  stock: number;
}

export class Exchanged {
  exchangeId: string;
  entryId: string;
  categoryCode: string;
  points: number;
  balance: number;
}

/** Spending and correcting points: each in one transaction with the ledger entry it needs. */
/** A correction as posted: its ledger entry and the volunteer's balance after it. */
export class Correction {
  entryId: string;
  points: number;
  balance: number;
}

@Injectable()
export class RewardsService {
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: LedgerService,
    private readonly config: PointsConfigService,
  ) {}

  /**
   * Reserves one item and debits its cost together. The reward row is locked first, then the
   * accounts (always in that order), so concurrent redemptions queue and neither the stock nor
   * the balance can go below zero; the database constraints stand behind both. Under an
   * Idempotency-Key a retry gets the first answer and changes nothing.
   */
  async redeem(volunteerId: string, rewardId: string, idempotencyKey?: string): Promise<Redeemed> {
    let figures = { cost: 0, stock: 0 };
    const redemptionId = idempotencyKey ? spendingId('redemption', volunteerId, idempotencyKey) : randomUUID();
    try {
      return await this.ds.transaction(async (m) => {
        const [reward] = await m.query<[{ id: string; org_path: string; name: string; cost_points: number; stock: number }?]>(
          'SELECT id, org_path, name, cost_points, stock FROM reward WHERE id = $1 FOR UPDATE',
          [rewardId],
        );
        // Checked under the reward's lock, so a concurrent retry of the same redemption waits for
        // the first and then answers as it did, even if that took the last item or point.
        const earlier = idempotencyKey && (await earlierAnswer<Redeemed>(m, 'redemption', redemptionId, rewardId));
        if (earlier) return earlier;
        const v = await this.spender(m, volunteerId);
        if (!reward || !v.orgPath.startsWith(reward.org_path)) throw new NotFoundException('reward not found');
        figures = { cost: reward.cost_points, stock: reward.stock };
        if (reward.stock < 1) {
          const balance = await this.ledger.balance(m, volunteerAccount(v.id));
          throw conflict(`${reward.name} is out of stock`, { balance, ...figures });
        }
        const { posted, entryId } = await this.ledger.post(m, {
          kind: 'redemption',
          reference: `redemption:${redemptionId}`,
          volunteerId: v.id,
          orgPath: v.orgPath,
          postedBy: v.id,
          reason: reward.name,
          lines: [
            { account: volunteerAccount(v.id), amount: -reward.cost_points },
            { account: rewardsAccount(reward.org_path), amount: reward.cost_points },
          ],
        });
        // Not posted: the same key was used at the same time for another reward, which holds another lock.
        if (!posted) return (await earlierAnswer<Redeemed>(m, 'redemption', redemptionId, rewardId))!;
        await m.query('UPDATE reward SET stock = stock - 1 WHERE id = $1', [rewardId]);
        const redeemed: Redeemed = {
          redemptionId,
          entryId,
          reward: reward.name,
          points: reward.cost_points,
          balance: await this.ledger.balance(m, volunteerAccount(v.id)),
          stock: reward.stock - 1,
        };
        await m.query(
          `INSERT INTO redemption (id, reward_id, volunteer_id, points, entry_id, status, response) VALUES ($1, $2, $3, $4, $5, 'reserved', $6)`,
          [redemptionId, rewardId, v.id, reward.cost_points, entryId, JSON.stringify(redeemed)],
        );
        return redeemed;
      });
    } catch (err) {
      if (err instanceof InsufficientBalance) {
        throw conflict(`the balance of ${err.balance} points does not cover ${err.needed}`, { balance: err.balance, ...figures });
      }
      throw err;
    }
  }

  /**
   * Service for service: points for one free request of a category, recorded for the request
   * service. Under an Idempotency-Key a retry gets the first answer and changes nothing.
   */
  async exchange(volunteerId: string, categoryCode: string, idempotencyKey?: string): Promise<Exchanged> {
    let cost = 0;
    const exchangeId = idempotencyKey ? spendingId('exchange', volunteerId, idempotencyKey) : randomUUID();
    try {
      return await this.ds.transaction(async (m) => {
        const earlier = idempotencyKey && (await earlierAnswer<Exchanged>(m, 'exchange', exchangeId, categoryCode));
        if (earlier) return earlier;
        const v = await this.spender(m, volunteerId);
        cost = exchangeCost(await this.config.effective(m, v.orgPath), categoryCode);
        const { posted, entryId } = await this.ledger.post(m, {
          kind: 'exchange',
          reference: `exchange:${exchangeId}`,
          volunteerId: v.id,
          orgPath: v.orgPath,
          postedBy: v.id,
          reason: `free ${categoryCode}`,
          lines: [
            { account: volunteerAccount(v.id), amount: -cost },
            { account: exchangeAccount(v.orgPath), amount: cost },
          ],
        });
        // Not posted: a concurrent retry under the same key posted first (its reference waited for it).
        if (!posted) return (await earlierAnswer<Exchanged>(m, 'exchange', exchangeId, categoryCode))!;
        const exchanged: Exchanged = {
          exchangeId,
          entryId,
          categoryCode,
          points: cost,
          balance: await this.ledger.balance(m, volunteerAccount(v.id)),
        };
        await m.query(
          `INSERT INTO service_exchange (id, volunteer_id, org_path, category_code, points, entry_id, status, response) VALUES ($1, $2, $3, $4, $5, $6, 'issued', $7)`,
          [exchangeId, v.id, v.orgPath, categoryCode, cost, entryId, JSON.stringify(exchanged)],
        );
        const at = new Date().toISOString();
        await writeToOutbox(m, ServiceExchanged, {
          subject: exchangeId,
          data: { exchangeId, volunteerId: v.id, orgPath: v.orgPath, categoryCode, points: cost, entryId, at },
        });
        return exchanged;
      });
    } catch (err) {
      if (err instanceof InsufficientBalance) {
        throw conflict(`the balance of ${err.balance} points does not cover ${err.needed}`, { balance: err.balance, cost });
      }
      throw err;
    }
  }

  /** A compensating entry against the volunteer's community pool; the ledger is never edited. */
  async correct(m: EntityManager, admin: Principal, dto: CorrectionDto): Promise<Correction> {
    if (dto.points === 0) throw new BadRequestException('points must not be 0');
    if (admin.id === dto.volunteerId) throw new ForbiddenException('an admin cannot correct their own points');
    const v = await m.findOneBy(Volunteer, { id: dto.volunteerId });
    if (!v || !inScope(admin, v.orgPath)) throw new NotFoundException('volunteer not found');
    try {
      const { entryId } = await this.ledger.post(m, {
        kind: 'correction',
        reference: `correction:${randomUUID()}`,
        volunteerId: v.id,
        orgPath: v.orgPath,
        postedBy: admin.id,
        reason: dto.reason,
        lines: [
          { account: volunteerAccount(v.id), amount: dto.points },
          { account: poolAccount(v.orgPath), amount: -dto.points },
        ],
      });
      return { entryId, points: dto.points, balance: await this.ledger.balance(m, volunteerAccount(v.id)) };
    } catch (err) {
      if (err instanceof InsufficientBalance) {
        throw conflict(`a correction of ${dto.points} would take the balance of ${err.balance} below zero`, { balance: err.balance });
      }
      throw err;
    }
  }

  private async spender(m: EntityManager, volunteerId: string): Promise<Volunteer> {
    const v = await m.findOneBy(Volunteer, { id: volunteerId });
    if (!v) throw new NotFoundException('no registration for this volunteer: apply first');
    if (v.status !== 'approved' && v.status !== 'suspended') throw new ConflictException(`the volunteer is ${v.status}, not approved`);
    return v;
  }
}
