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
import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { IsIn } from 'class-validator';
import { DataSource } from 'typeorm';

export class ScreeningDto {
  @IsIn(['approved', 'rejected']) decision: 'approved' | 'rejected';
}

const ADMINS = ['district_admin', 'street_admin', 'community_admin'] as const;

/** Residents' comments wait here until an admin lets them be shown on the public scorecard. */
export class Screened {
  requestId: string;
  commentStatus: 'approved' | 'rejected';
}

/** A resident's comment waiting for screening. */
export class PendingComment {
  requestId: string;
  comment: string;
  providerId: string;
  orgPath: string;
  ratedAt: Date;
  revision: number;
}

@Controller('comments')
export class CommentsController {
  constructor(private readonly ds: DataSource) {}

  @Get('pending')
  @Roles(...ADMINS)
  pending(@CurrentPrincipal() p: Principal): Promise<PendingComment[]> {
    return this.ds.query<PendingComment[]>(
      `SELECT request_id AS "requestId", comment, provider_id AS "providerId", org_path AS "orgPath", rated_at AS "ratedAt", revision
       FROM rating WHERE comment_status = 'pending' AND org_path LIKE $1 ORDER BY rated_at LIMIT 200`,
      [likePrefix(p.orgPath)],
    );
  }

  @Post(':requestId/screening')
  @HttpCode(200)
  @Roles(...ADMINS)
  screen(
    @CurrentPrincipal() p: Principal,
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Body() dto: ScreeningDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<Screened> {
    return this.ds.transaction(async (m) => {
      const [row] = await m.query<[{ org_path: string; comment_status: string }?]>(
        'SELECT org_path, comment_status FROM rating WHERE request_id = $1 FOR UPDATE',
        [requestId],
      );
      if (!row) throw new NotFoundException('requestId: no rating for this job');
      assertInScope(p, row.org_path, 'requestId: rating');
      if (row.comment_status !== 'pending')
        throw new ConflictException(`requestId: no comment awaiting screening (it is ${row.comment_status})`);
      await m.query('UPDATE rating SET comment_status = $2, comment_screened_by = $3 WHERE request_id = $1', [
        requestId,
        dto.decision,
        p.id,
      ]);
      await recordAudit(
        m,
        AuditRecorded.rating,
        p,
        { action: `rating-comment.${dto.decision}`, resourceType: 'rating', resourceId: requestId },
        auditOrigin(req),
      );
      return { requestId, commentStatus: dto.decision };
    });
  }
}
