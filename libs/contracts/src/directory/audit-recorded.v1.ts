import { IsIn, IsIP, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { defineEvent, EventContract } from '../registry';
import { TOPICS } from '../topics';
import { UNIT_PATH } from './org-unit.v1';

export const PRINCIPAL_KINDS = ['staff', 'merchant', 'volunteer', 'resident', 'system'] as const;

/**
 * Something a service must account for: a read of unmasked personal data, or a change by staff.
 * Each service publishes it on its own topic through its outbox, in the transaction of the read's
 * audit or of the change; the gateway consumes them all into the one queryable audit store.
 */
export class AuditRecordedV1 {
  @IsString() @Length(1, 64) actorId: string;
  @IsIn(PRINCIPAL_KINDS) actorKind: string;
  @IsString() @Length(1, 32) actorRole: string;
  /** The actor's scope, so an admin querying the audit log sees the records of their own subtree. */
  @Matches(UNIT_PATH) actorOrgPath: string;
  /** `<resource>.<verb>`, e.g. `request.contact-read`, `request.cancelled`. */
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/) action: string;
  @IsString() @Length(1, 64) resourceType: string;
  @IsString() @Length(1, 128) resourceId: string;
  @IsOptional() @IsString() @MaxLength(200) purpose?: string;
  @IsOptional() @IsIP() ip?: string;
  @IsOptional() @IsString() @MaxLength(500) userAgent?: string;
  @IsISO8601() occurredAt: string;
}

const SERVICES = ['request', 'dispatch', 'merchant', 'volunteer', 'rating'] as const;
export type AuditingService = (typeof SERVICES)[number];

/** `bangbang.<service>.audit-recorded.v1` on `bangbang.<service>`, one per domain service. */
export const AuditRecorded = Object.fromEntries(
  SERVICES.map((service) => [
    service,
    defineEvent({
      type: `bangbang.${service}.audit-recorded.v1`,
      topic: TOPICS[service],
      source: `/bangbang/${service}`,
      payload: AuditRecordedV1,
    }),
  ]),
) as Record<AuditingService, EventContract<AuditRecordedV1>>;
