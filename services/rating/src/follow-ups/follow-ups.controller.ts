import {
  assertInScope,
  auditOrigin,
  AuthenticatedRequest,
  CurrentPrincipal,
  likePrefix,
  Principal,
  recordAudit,
  Roles,
} from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import type { FollowUpReason } from '../ratings/rating-rules';

export const CALL_RESULTS = ['reached', 'unreachable', 'refused'] as const;

export class FollowUpQuery {
  @IsOptional() @IsIn(['open', 'closed']) status: 'open' | 'closed' = 'open';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 100;
}

export class OutcomeDto {
  /** Whether the agent got hold of the resident; a rating given on the call goes to POST /ratings. */
  @IsIn(CALL_RESULTS) result: (typeof CALL_RESULTS)[number];
  @IsOptional() @IsString() @MaxLength(500) notes?: string;
}

const STAFF = ['agent', 'community_admin', 'street_admin', 'district_admin'] as const;

/** 回访: the agents' queue of jobs to call back about, oldest first, within their scope. */
export class FollowUpClosed {
  id: string;
  requestId: string;
  status: 'closed';
  result: (typeof CALL_RESULTS)[number];
}

/** A job to call back about, and once closed, how the call went. */
export class FollowUpView {
  id: string;
  requestId: string;
  /** The job's dispatch cycle: a redone job is followed up again. */
  cycle: number;
  /** Why it is queued: no rating came, or what the resident's rating said. */
  reason: 'not_rated' | FollowUpReason;
  orgPath: string;
  categoryCode: string;
  status: 'open' | 'closed';
  createdAt: Date;
  /** How the call went, or `rated` when the resident rated before anyone called. */
  result: (typeof CALL_RESULTS)[number] | 'rated' | null;
  notes: string | null;
  closedBy: string | null;
  closedAt: Date | null;
}

@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  @Roles(...STAFF)
  list(@CurrentPrincipal() p: Principal, @Query() q: FollowUpQuery): Promise<FollowUpView[]> {
    return this.ds.query<FollowUpView[]>(
      `SELECT id, request_id AS "requestId", cycle, reason, org_path AS "orgPath", category_code AS "categoryCode", status,
              created_at AS "createdAt", result, notes, closed_by AS "closedBy", closed_at AS "closedAt"
       FROM follow_up WHERE status = $1 AND org_path LIKE $2 ORDER BY created_at, id LIMIT $3`,
      [q.status, likePrefix(p.orgPath), q.limit],
    );
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @Roles(...STAFF)
  record(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: OutcomeDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<FollowUpClosed> {
    return this.ds.transaction(async (m) => {
      const [row] = await m.query<[{ org_path: string; status: string; request_id: string }?]>(
        'SELECT org_path, status, request_id FROM follow_up WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!row) throw new NotFoundException('id: follow-up not found');
      assertInScope(p, row.org_path, 'id: follow-up');
      if (row.status !== 'open') throw new ConflictException('id: this follow-up is already closed');
      await m.query(`UPDATE follow_up SET status = 'closed', result = $2, notes = $3, closed_by = $4, closed_at = now() WHERE id = $1`, [
        id,
        dto.result,
        dto.notes ?? null,
        p.id,
      ]);
      await recordAudit(
        m,
        AuditRecorded.rating,
        p,
        { action: 'follow-up.closed', resourceType: 'follow-up', resourceId: id },
        auditOrigin(req),
      );
      return { id, requestId: row.request_id, status: 'closed', result: dto.result };
    });
  }
}
