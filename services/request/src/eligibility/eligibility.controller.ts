import {
  auditOrigin,
  AuditOrigin,
  AuthenticatedRequest,
  CurrentPrincipal,
  Principal,
  recordAudit,
  Roles,
  scopedRepository,
} from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import { IsDateTime } from '@bangbang/platform';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  Headers,
  Injectable,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ADMINS } from '../access';
import { Household } from '../households/household.entity';
import { idempotencyKey, markReplayed, once, ReplyHeaders } from '../idempotency/idempotency-key';
import { FeeEligibility } from './fee-eligibility.entity';
import { ELIGIBILITY_REASONS, type EligibilityReason, grantProblem } from './fee-rules';

export class GrantDto {
  @IsIn(ELIGIBILITY_REASONS) reason: EligibilityReason;
  /** What was checked: a certificate number, a visit report... */
  @IsString() @Length(4, 500) evidence: string;
  @IsOptional() @IsDateTime() validFrom?: string;
  @IsDateTime() validUntil: string;
}

@Injectable()
export class EligibilityService {
  constructor(private readonly ds: DataSource) {}

  list(principal: Principal, householdId: string, origin: AuditOrigin): Promise<FeeEligibility[]> {
    return this.ds.transaction(async (m) => {
      const household = await scopedRepository(m, Household, principal).get({ id: householdId }, `household ${householdId}`);
      // Why a household is free is personal data: reading it is accounted for.
      await recordAudit(
        m,
        AuditRecorded.request,
        principal,
        { action: 'eligibility.read', resourceType: 'household', resourceId: household.id },
        origin,
      );
      return m.find(FeeEligibility, { where: { householdId }, order: { grantedAt: 'DESC' } });
    });
  }

  grant(
    principal: Principal,
    householdId: string,
    dto: GrantDto,
    key: string | undefined,
    origin: AuditOrigin,
  ): Promise<{ answer: FeeEligibility; replayed: boolean }> {
    const now = new Date();
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : now;
    const validUntil = new Date(dto.validUntil);
    const problem = grantProblem(dto.reason, validFrom, validUntil, now);
    if (problem) throw new BadRequestException(problem);
    return this.ds.transaction((m) =>
      once(m, principal.id, { kind: 'eligibility', key }, { householdId, ...dto }, async () => {
        const household = await scopedRepository(m, Household, principal).get({ id: householdId }, `household ${householdId}`);
        const grant = m.create(FeeEligibility, {
          id: randomUUID(),
          householdId,
          orgPath: household.orgPath,
          reason: dto.reason,
          evidence: dto.evidence.trim(),
          validFrom,
          validUntil,
          grantedBy: principal.id,
          grantedAt: now,
          revokedAt: null,
          revokedBy: null,
        });
        await m.insert(FeeEligibility, grant);
        await recordAudit(
          m,
          AuditRecorded.request,
          principal,
          { action: 'eligibility.granted', resourceType: 'fee_eligibility', resourceId: grant.id },
          origin,
        );
        return grant;
      }),
    );
  }

  revoke(principal: Principal, householdId: string, id: string, origin: AuditOrigin): Promise<FeeEligibility> {
    return this.ds.transaction(async (m) => {
      const grant = await scopedRepository(m, FeeEligibility, principal).get({ id, householdId }, `eligibility ${id}`);
      if (grant.revokedAt) throw new ConflictException(`eligibility ${id} was already revoked`);
      grant.revokedAt = new Date();
      grant.revokedBy = principal.id;
      await m.save(grant);
      await recordAudit(
        m,
        AuditRecorded.request,
        principal,
        { action: 'eligibility.revoked', resourceType: 'fee_eligibility', resourceId: id },
        origin,
      );
      return grant;
    });
  }
}

/** Fee eligibility is granted and revoked by the community's own admin; higher admins may read it. */
@Controller('households/:householdId/eligibility')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get()
  @Roles(...ADMINS)
  list(@CurrentPrincipal() p: Principal, @Param('householdId', new ParseUUIDPipe()) householdId: string, @Req() req: AuthenticatedRequest) {
    return this.eligibility.list(p, householdId, auditOrigin(req));
  }

  /** Retried safely with the same `Idempotency-Key`. */
  @Post()
  @Roles('community_admin')
  async grant(
    @CurrentPrincipal() p: Principal,
    @Param('householdId', new ParseUUIDPipe()) householdId: string,
    @Body() dto: GrantDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<FeeEligibility> {
    const { answer, replayed } = await this.eligibility.grant(p, householdId, dto, idempotencyKey(key), auditOrigin(req));
    markReplayed(reply, replayed);
    return answer;
  }

  @Post(':id/revoke')
  @Roles('community_admin')
  revoke(
    @CurrentPrincipal() p: Principal,
    @Param('householdId', new ParseUUIDPipe()) householdId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.eligibility.revoke(p, householdId, id, auditOrigin(req));
  }
}
