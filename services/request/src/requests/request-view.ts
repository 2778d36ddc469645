import { maskAddress } from '@bangbang/auth';
import type { Household } from '../households/household.entity';
import type { ServiceRequest, TimelineEntry } from './service-request.entity';

export class TimelineActor {
  kind: string;
  id: string;
}

/** One step of a request's history: who moved it from which status to which. */
export class TimelineItem {
  at: string;
  actor: TimelineActor;
  action: string;
  from: string | null;
  to: string;
  note: string | null;
}

export class RequestView {
  id: string;
  number: string;
  status: string;
  categoryCode: string;
  kind: string;
  urgency: string;
  feePolicy: string;
  description: string;
  channel: string;
  attributes: Record<string, string | string[]>;
  householdId: string;
  /** The household came from a report (Open311) and waits for staff to confirm or correct it. */
  provisionalHousehold: boolean;
  residentId: string | null;
  communityCode: string;
  orgPath: string;
  address: string | null;
  preferredWindow: { from: string; to: string } | null;
  chosenProviderId: string | null;
  answer: string | null;
  provider: { id: string; kind: string | null; name: string | null } | null;
  escalationLevel: string | null;
  solved: boolean | null;
  reopenCount: number;
  cancelReason: string | null;
  priceChargedFen: number | null;
  responseDueAt: string;
  resolutionDueAt: string;
  receivedAt: string;
  assignedAt: string | null;
  arrivedAt: string | null;
  completedAt: string | null;
  signedOffAt: string | null;
  closedAt: string | null;
  timeline?: TimelineItem[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * Staff see the building, not the flat; the resident's contact data is read on the household. A
 * list passes the household without its address.
 */
export function requestView(
  r: ServiceRequest,
  household: Pick<Household, 'provisional'> & { address: string | null },
  timeline?: TimelineEntry[],
): RequestView {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    categoryCode: r.categoryCode,
    kind: r.kind,
    urgency: r.urgency,
    feePolicy: r.feePolicy,
    description: r.description,
    channel: r.channel,
    attributes: r.attributes,
    householdId: r.householdId,
    provisionalHousehold: household.provisional,
    residentId: r.residentId,
    communityCode: r.communityCode,
    orgPath: r.orgPath,
    address: maskAddress(household.address),
    preferredWindow: r.preferredFrom && r.preferredTo ? { from: r.preferredFrom.toISOString(), to: r.preferredTo.toISOString() } : null,
    chosenProviderId: r.chosenProviderId,
    answer: r.answer,
    provider: r.providerId ? { id: r.providerId, kind: r.providerKind, name: r.providerName } : null,
    escalationLevel: r.escalationLevel,
    solved: r.solved,
    reopenCount: r.reopenCount,
    cancelReason: r.cancelReason,
    priceChargedFen: r.priceChargedFen,
    responseDueAt: r.responseDueAt.toISOString(),
    resolutionDueAt: r.resolutionDueAt.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    assignedAt: iso(r.assignedAt),
    arrivedAt: iso(r.arrivedAt),
    completedAt: iso(r.completedAt),
    signedOffAt: iso(r.signedOffAt),
    closedAt: iso(r.closedAt),
    ...(timeline && {
      timeline: timeline.map((t) => ({
        at: t.at.toISOString(),
        actor: { kind: t.actorKind, id: t.actorId },
        action: t.action,
        from: t.fromStatus,
        to: t.toStatus,
        note: t.note,
      })),
    }),
  };
}
