import type { AuditOrigin, Principal } from '@bangbang/auth';
import { nationalFormat, normalisePhone } from '@bangbang/contracts';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, Like } from 'typeorm';
import { writeAudit } from '../audit/audit-log';
import { BlockedNumber } from './blocked-number.entity';
import { BlockedNumberView, BlockNumberDto, ListBlockedQuery } from './cti.dto';

export const isActive = (b: Pick<BlockedNumber, 'liftedAt' | 'expiresAt'>, now: Date): boolean =>
  !b.liftedAt && (!b.expiresAt || b.expiresAt > now);

const view = (b: BlockedNumber, now = new Date()): BlockedNumberView => ({
  id: b.id,
  number: nationalFormat(b.number),
  orgPath: b.orgPath,
  reason: b.reason,
  blockedBy: b.blockedBy,
  blockedAt: b.blockedAt,
  expiresAt: b.expiresAt,
  liftedAt: b.liftedAt,
  liftedBy: b.liftedBy,
  active: isActive(b, now),
});

const overlaps = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

/** Abusive callers' numbers: the PBX is told to reject them. Every block and lift leaves an audit record. */
@Injectable()
export class BlockedNumbers {
  constructor(private readonly ds: DataSource) {}

  async block(principal: Principal, dto: BlockNumberDto, origin: AuditOrigin): Promise<BlockedNumberView> {
    const number = normalisePhone(dto.number);
    if (!number) throw new BadRequestException('number: not a phone number (a mobile or a landline with its area code)');
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt <= new Date()) throw new BadRequestException('expiresAt: must be in the future');
    const row: BlockedNumber = {
      id: randomUUID(),
      number,
      orgPath: principal.orgPath,
      reason: dto.reason.trim(),
      blockedBy: principal.id,
      blockedAt: new Date(),
      expiresAt,
      liftedAt: null,
      liftedBy: null,
    };
    await this.ds.transaction(async (m) => {
      await m.insert(BlockedNumber, row);
      await writeAudit(
        m,
        principal,
        { action: 'cti.number-blocked', resourceType: 'blocked_number', resourceId: row.id, purpose: row.reason },
        origin,
      );
    });
    return view(row);
  }

  async lift(principal: Principal, id: string, reason: string, origin: AuditOrigin): Promise<BlockedNumberView> {
    return this.ds.transaction(async (m) => {
      const row = await m.findOneBy(BlockedNumber, { id, orgPath: Like(`${principal.orgPath}%`) });
      if (!row) throw new NotFoundException(`no blocked number ${id} in your scope`);
      if (!row.liftedAt) {
        Object.assign(row, { liftedAt: new Date(), liftedBy: principal.id });
        await m.save(row);
        await writeAudit(
          m,
          principal,
          { action: 'cti.number-unblocked', resourceType: 'blocked_number', resourceId: id, purpose: reason.trim() },
          origin,
        );
      }
      return view(row);
    });
  }

  async list(principal: Principal, q: ListBlockedQuery): Promise<BlockedNumberView[]> {
    const rows = await this.ds.getRepository(BlockedNumber).find({
      where: { orgPath: Like(`${principal.orgPath}%`) },
      order: { blockedAt: 'DESC' },
      take: 500,
    });
    const now = new Date();
    return rows.map((b) => view(b, now)).filter((b) => q.active === 'false' || b.active);
  }

  /** Whether a PBX of this district must reject this caller: a block in force anywhere along its branch of the tree. */
  async blocks(pbxOrgPath: string, from: string | undefined, now = new Date()): Promise<boolean> {
    const number = from ? normalisePhone(from) : null;
    if (!number) return false;
    const rows = await this.ds.getRepository(BlockedNumber).find({ where: { number, liftedAt: IsNull() } });
    return rows.some((b) => isActive(b, now) && overlaps(b.orgPath, pbxOrgPath));
  }
}
