import type { AuditOrigin, Principal } from '@bangbang/auth';
import { Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull, Like } from 'typeorm';
import { writeAudit } from '../audit/audit-log';
import { sha256 } from '../identity/tokens.service';
import { CtiTokenView, IssuedCtiToken } from './cti.dto';
import { CtiToken } from './cti-token.entity';

export const CTI_TOKEN_HEADER = 'x-cti-token';
const TOKEN = /^bbcti_[A-Za-z0-9_-]{43}$/;

/** The PBX a valid token stands for. */
export interface Pbx {
  id: string;
  orgPath: string;
}

const view = (t: CtiToken): CtiTokenView => ({
  id: t.id,
  name: t.name,
  orgPath: t.orgPath,
  prefix: t.prefix,
  issuedBy: t.issuedBy,
  issuedAt: t.issuedAt,
  revokedAt: t.revokedAt,
});

/**
 * One token per PBX, issued by a district admin for their district. Tokens are 256 random bits, so
 * a plain SHA-256 is enough to keep them (no slow hash), and a lookup is one indexed read.
 */
@Injectable()
export class CtiTokens {
  constructor(private readonly ds: DataSource) {}

  async issue(principal: Principal, name: string, origin: AuditOrigin): Promise<IssuedCtiToken> {
    const token = `bbcti_${randomBytes(32).toString('base64url')}`;
    const row: CtiToken = {
      id: randomUUID(),
      name: name.trim(),
      orgPath: principal.orgPath,
      prefix: token.slice(0, 12),
      tokenHash: sha256(token),
      issuedBy: principal.id,
      issuedAt: new Date(),
      revokedAt: null,
      revokedBy: null,
    };
    await this.ds.transaction(async (m) => {
      await m.insert(CtiToken, row);
      await writeAudit(m, principal, { action: 'cti-token.issued', resourceType: 'cti_token', resourceId: row.id }, origin);
    });
    return { ...view(row), token };
  }

  async list(principal: Principal): Promise<CtiTokenView[]> {
    const rows = await this.ds.getRepository(CtiToken).find({
      where: { orgPath: Like(`${principal.orgPath}%`) },
      order: { issuedAt: 'DESC' },
    });
    return rows.map(view);
  }

  async revoke(principal: Principal, id: string, origin: AuditOrigin): Promise<CtiTokenView> {
    return this.ds.transaction(async (m) => {
      const row = await m.findOneBy(CtiToken, { id, orgPath: Like(`${principal.orgPath}%`) });
      if (!row) throw new NotFoundException(`no CTI token ${id} in your scope`);
      if (!row.revokedAt) {
        Object.assign(row, { revokedAt: new Date(), revokedBy: principal.id });
        await m.save(row);
        await writeAudit(m, principal, { action: 'cti-token.revoked', resourceType: 'cti_token', resourceId: id }, origin);
      }
      return view(row);
    });
  }

  async authenticate(token: string | string[] | undefined): Promise<Pbx | undefined> {
    if (typeof token !== 'string' || !TOKEN.test(token)) return undefined;
    const row = await this.ds.getRepository(CtiToken).findOneBy({ tokenHash: sha256(token), revokedAt: IsNull() });
    return row ? { id: row.id, orgPath: row.orgPath } : undefined;
  }
}
