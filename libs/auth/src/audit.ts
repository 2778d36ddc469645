import { AuditRecordedV1, EventContract } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { isIP } from 'node:net';
import { EntityManager } from 'typeorm';
import type { Principal } from './principal';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string;
  purpose?: string;
}

export interface AuditOrigin {
  ip?: string;
  userAgent?: string;
}

interface RequestLike {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Where a request came from: the address the HTTP framework resolved, which follows
 * `X-Forwarded-For` only from the proxies named in `TRUST_PROXY` (so behind the gateway, set it to
 * the gateway's address to record the client's). A header anyone can send is never read here.
 */
export function auditOrigin(request: RequestLike): AuditOrigin {
  const ip = request.ip && isIP(request.ip) ? request.ip : undefined;
  const agent = request.headers['user-agent'];
  return { ip, userAgent: typeof agent === 'string' ? agent.slice(0, 500) : undefined };
}

export function auditRecord(principal: Principal, entry: AuditEntry, origin: AuditOrigin, at = new Date()): AuditRecordedV1 {
  return {
    actorId: principal.id,
    actorKind: principal.kind,
    actorRole: principal.role,
    actorOrgPath: principal.orgPath,
    ...entry,
    ...origin,
    occurredAt: at.toISOString(),
  };
}

/**
 * Records an audit fact in the caller's transaction: published through the service's outbox to
 * the gateway's audit store. Call it in the transaction that changes the state, or before
 * returning unmasked data (if the record cannot be written, the data is not served).
 */
export async function recordAudit(
  manager: EntityManager,
  contract: EventContract<AuditRecordedV1>,
  principal: Principal,
  entry: AuditEntry,
  origin: AuditOrigin,
): Promise<void> {
  const write = (m: EntityManager) =>
    writeToOutbox(m, contract, { subject: entry.resourceId, data: auditRecord(principal, entry, origin) });
  if (manager.queryRunner?.isTransactionActive) await write(manager);
  else await manager.transaction(write);
}
