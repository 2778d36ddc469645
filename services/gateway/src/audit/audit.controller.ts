import { CurrentPrincipal, Principal, Roles, scopedRepository } from '@bangbang/auth';
import { IsDateTime } from '@bangbang/platform';
import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditRecord } from './audit-record.entity';

/** Deeper offsets make the database walk and drop every record before them; time filters do not. */
export const MAX_AUDIT_OFFSET = 10_000;
const DEEP_PAGE = `page lies beyond the first ${MAX_AUDIT_OFFSET} records: narrow the query with from and to (and actor or resource) instead`;

export class AuditQueryDto {
  @IsOptional() @IsDateTime() from?: string;
  @IsOptional() @IsDateTime() to?: string;
  @IsOptional() @IsString() @MaxLength(64) actor?: string;
  /** `type` or `type:id`, e.g. `staff_user:3e0f…`. */
  @IsOptional() @Matches(/^[a-z_-]{1,64}(:[^\s]{1,128})?$/, { message: 'resource must be type or type:id' }) resource?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_AUDIT_OFFSET, { message: DEEP_PAGE }) page = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}

export class AuditPage {
  items: AuditRecord[];
  page: number;
  pageSize: number;
  total: number;
}

@Controller('audit')
export class AuditController {
  constructor(private readonly ds: DataSource) {}

  @Roles('district_admin', 'auditor')
  @Get()
  async query(@CurrentPrincipal() principal: Principal, @Query() q: AuditQueryDto): Promise<AuditPage> {
    if ((q.page - 1) * q.pageSize >= MAX_AUDIT_OFFSET) {
      throw new BadRequestException(
        `page ${q.page} of ${q.pageSize} lies beyond the first ${MAX_AUDIT_OFFSET} records: narrow the query with from and to (and actor or resource) instead`,
      );
    }
    const qb = scopedRepository(this.ds.manager, AuditRecord, principal).createQueryBuilder('a');
    if (q.from) qb.andWhere('a.occurredAt >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.occurredAt < :to', { to: q.to });
    if (q.actor) qb.andWhere('a.actorId = :actor', { actor: q.actor });
    if (q.resource) {
      const [type, id] = q.resource.split(/:(.*)/s);
      qb.andWhere('a.resourceType = :type', { type });
      if (id) qb.andWhere('a.resourceId = :id', { id });
    }
    const [items, total] = await qb
      .orderBy('a.occurredAt', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, page: q.page, pageSize: q.pageSize, total };
  }
}
