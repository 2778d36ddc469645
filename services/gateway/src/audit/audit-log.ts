import type { AuditEntry, AuditOrigin } from '@bangbang/auth';
import { currentTrace } from '@bangbang/observability';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditRecord } from './audit-record.entity';

export interface Actor {
  id: string;
  kind: string;
  role: string;
  orgPath: string;
}

/** The demo seed and other operator tooling act as this. */
export const SYSTEM_ACTOR: Actor = { id: 'system', kind: 'system', role: 'system', orgPath: '/' };

/**
 * The gateway's own audit records go straight into its store, in the transaction of the change
 * (or before unmasked data is returned), so a change without its record cannot commit.
 */
export async function writeAudit(
  manager: EntityManager,
  actor: Actor,
  entry: AuditEntry & { status?: number },
  origin: AuditOrigin,
  correlationId = currentTrace()?.correlationId,
): Promise<void> {
  await manager.insert(AuditRecord, {
    id: randomUUID(),
    occurredAt: new Date(),
    source: 'gateway',
    actorId: actor.id,
    actorKind: actor.kind,
    actorRole: actor.role,
    orgPath: actor.orgPath,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    purpose: entry.purpose ?? null,
    status: entry.status ?? null,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
    correlationId: correlationId ?? null,
  });
}
