import { CurrentPrincipal, inScope, Principal, Roles, scopedRepository } from '@bangbang/auth';
import { IsDateTime } from '@bangbang/platform';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { IsOptional } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ADMINS, approvedHome, audit, HttpRequestLike, READERS, STAFF_AND_VOLUNTEERS } from '../access';
import { volunteerAccount } from '../ledger/ledger';
import { LedgerService } from '../ledger/ledger.service';
import { Volunteer } from '../registration/volunteer.entity';
import { Reward } from './reward.entity';
import { CorrectionDto, ExchangeDto, RestockDto, RewardDto } from './rewards.dto';
import { RewardsService } from './rewards.service';
import { IDEMPOTENCY_KEY } from './spending-id';

function idempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new BadRequestException('Idempotency-Key: 8 to 128 letters, digits or ._:-');
  return key;
}

export class PeriodQuery {
  @IsOptional() @IsDateTime() from?: string;
  @IsOptional() @IsDateTime() to?: string;
}

@Controller()
export class RewardsController {
  constructor(
    private readonly ds: DataSource,
    private readonly rewards: RewardsService,
    private readonly ledger: LedgerService,
  ) {}

  @Post('rewards')
  @Roles(...ADMINS)
  async create(@CurrentPrincipal() p: Principal, @Body() dto: RewardDto, @Req() req: HttpRequestLike): Promise<Reward> {
    if (!inScope(p, dto.unitPath)) throw new NotFoundException('unit not found');
    return this.ds.transaction(async (m) => {
      const reward = {
        id: randomUUID(),
        orgPath: dto.unitPath,
        name: dto.name,
        costPoints: dto.costPoints,
        stock: dto.stock,
        createdBy: p.id,
        createdAt: new Date(),
      };
      await m.insert(Reward, reward);
      await audit(m, p, req, 'reward.created', 'reward', reward.id);
      return reward;
    });
  }

  @Post('rewards/:id/restock')
  @Roles(...ADMINS)
  async restock(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RestockDto,
    @Req() req: HttpRequestLike,
  ) {
    return this.ds.transaction(async (m) => {
      await scopedRepository(m, Reward, p).get({ id }, 'reward');
      await m.query('UPDATE reward SET stock = stock + $2 WHERE id = $1', [id, dto.add]);
      await audit(m, p, req, 'reward.restocked', 'reward', id);
      return m.findOneByOrFail(Reward, { id });
    });
  }

  /** Staff see the rewards in their scope; an approved volunteer those offered to their community. */
  @Get('rewards')
  @Roles(...STAFF_AND_VOLUNTEERS)
  async list(@CurrentPrincipal() p: Principal) {
    if (p.role !== 'volunteer') return scopedRepository(this.ds.manager, Reward, p).find({ order: { costPoints: 'ASC' } });
    const home = await approvedHome(this.ds.manager, p);
    if (!home) return [];
    return this.ds
      .getRepository(Reward)
      .createQueryBuilder('r')
      .where(":path LIKE r.orgPath || '%'", { path: home })
      .orderBy('r.costPoints', 'ASC')
      .getMany();
  }

  /** Retried safely with the same `Idempotency-Key`. */
  @Post('rewards/:id/redeem')
  @Roles('volunteer')
  redeem(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Headers('idempotency-key') key: string | undefined) {
    return this.rewards.redeem(p.id, id, idempotencyKey(key));
  }

  /** Retried safely with the same `Idempotency-Key`. */
  @Post('me/exchanges')
  @Roles('volunteer')
  exchange(@CurrentPrincipal() p: Principal, @Body() dto: ExchangeDto, @Headers('idempotency-key') key: string | undefined) {
    return this.rewards.exchange(p.id, dto.categoryCode, idempotencyKey(key));
  }

  @Post('ledger/corrections')
  @Roles(...ADMINS)
  correct(@CurrentPrincipal() p: Principal, @Body() dto: CorrectionDto, @Req() req: HttpRequestLike) {
    return this.ds.transaction(async (m) => {
      const result = await this.rewards.correct(m, p, dto);
      await audit(m, p, req, 'points.corrected', 'volunteer', dto.volunteerId);
      return result;
    });
  }

  @Get('volunteers/:id/statement')
  @Roles(...READERS)
  async statement(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: PeriodQuery) {
    await scopedRepository(this.ds.manager, Volunteer, p).get({ id }, 'volunteer');
    return this.ledger.statement(this.ds.manager, volunteerAccount(id), new Date(q.from ?? 0), q.to ? new Date(q.to) : new Date());
  }

  /** The ledger reconciled as a whole: for the district and its auditors. */
  @Get('ledger/check')
  @Roles('district_admin', 'auditor')
  check() {
    return this.ledger.check(this.ds.manager);
  }
}
