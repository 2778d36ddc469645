import { sha256Hex } from '@bangbang/auth';
import type { JobAssignedV1, JobOfferedV1, OfferWithdrawnV1, RatingSubmittedV1 } from '@bangbang/contracts';

/** What a unit's system can subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['job.offered', 'offer.withdrawn', 'job.assigned', 'job.cancelled', 'rating.received'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * Thin payloads: what the unit's system needs to decide and act, nothing more. No resident's name,
 * phone or address is ever in a webhook: once assigned, the unit reads the contact details from
 * the request service's API, where the read is checked and audited.
 */
export const payloads = {
  offered: (o: JobOfferedV1) => ({
    offerId: o.offerId,
    requestId: o.requestId,
    categoryCode: o.categoryCode,
    orgPath: o.orgPath,
    urgency: o.urgency,
    feePolicy: o.feePolicy,
    expiresAt: o.expiresAt,
    ...(o.summary ? { summary: o.summary } : {}),
  }),
  withdrawn: (o: OfferWithdrawnV1) => ({ offerId: o.offerId, requestId: o.requestId, because: o.because }),
  assigned: (a: JobAssignedV1) => ({
    requestId: a.requestId,
    categoryCode: a.categoryCode,
    orgPath: a.orgPath,
    responseDueAt: a.responseDueAt,
    assignedByStaff: Boolean(a.assignedBy),
  }),
  cancelled: (requestId: string, by: string) => ({ requestId, by }),
  rating: (r: RatingSubmittedV1) => ({
    ratingId: r.ratingId,
    requestId: r.requestId,
    provider: r.provider,
    solved: r.solved,
    tags: r.tags,
    revision: r.revision,
    ratedAt: r.ratedAt,
  }),
};

/** The body as sent and signed: `{ type, timestamp, data }`, the Standard Webhooks shape. */
export function webhookBody(type: WebhookEventType, timestamp: string, data: object): string {
  return JSON.stringify({ type, timestamp, data });
}

/** One message per fact, webhook type and unit: the same fact delivered or published again maps to the same id. */
export function messageIdFor(factKey: string, type: WebhookEventType, unitId: string): string {
  return `msg_${sha256Hex(`${factKey}:${type}:${unitId}`).slice(0, 32)}`;
}
