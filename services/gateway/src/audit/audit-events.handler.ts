import { AuditingService, AuditRecorded, AuditRecordedV1, CloudEvent } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { AuditRecord } from './audit-record.entity';

type Audited = CloudEvent<AuditRecordedV1>;

/** Domain services' audit facts, arriving through their outboxes; the event id is the record id. */
@Controller()
export class AuditEventsHandler {
  @OnEvent(AuditRecorded.request)
  fromRequest(@Payload() e: Audited, @Ctx() ctx: EventContext): Promise<void> {
    return this.store('request', e, ctx);
  }

  @OnEvent(AuditRecorded.dispatch)
  fromDispatch(@Payload() e: Audited, @Ctx() ctx: EventContext): Promise<void> {
    return this.store('dispatch', e, ctx);
  }

  @OnEvent(AuditRecorded.merchant)
  fromMerchant(@Payload() e: Audited, @Ctx() ctx: EventContext): Promise<void> {
    return this.store('merchant', e, ctx);
  }

  @OnEvent(AuditRecorded.volunteer)
  fromVolunteer(@Payload() e: Audited, @Ctx() ctx: EventContext): Promise<void> {
    return this.store('volunteer', e, ctx);
  }

  @OnEvent(AuditRecorded.rating)
  fromRating(@Payload() e: Audited, @Ctx() ctx: EventContext): Promise<void> {
    return this.store('rating', e, ctx);
  }

  private async store(source: AuditingService, event: Audited, ctx: EventContext): Promise<void> {
    const r = event.data;
    await ctx.manager.insert(AuditRecord, {
      id: event.id,
      occurredAt: new Date(r.occurredAt),
      source,
      actorId: r.actorId,
      actorKind: r.actorKind,
      actorRole: r.actorRole,
      orgPath: r.actorOrgPath,
      action: r.action,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      purpose: r.purpose ?? null,
      status: null,
      ip: r.ip ?? null,
      userAgent: r.userAgent ?? null,
      correlationId: event.correlationid,
    });
  }
}
