import type { Category } from '../catalogue/category.entity';
import { isOpen, RequestStatus } from '../lifecycle/request-state';

/** GeoReport v2 shapes (wiki.open311.org/GeoReport_v2): snake_case, one object per element. */
export interface Open311ServiceDef {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface Open311Error {
  code: number;
  description: string;
}

export function toService(c: Category): Open311ServiceDef {
  return { service_code: c.code, service_name: c.nameZh, description: c.description, metadata: false, type: 'realtime', keywords: c.nameEn, group: c.groupCode };
}

/** Our stages are richer than open/closed; the exact one goes in status_notes. */
export function open311Status(status: RequestStatus): 'open' | 'closed' {
  return isOpen(status) ? 'open' : 'closed';
}

export interface RequestFacts {
  number: string;
  status: RequestStatus;
  categoryCode: string;
  categoryName: string;
  description: string;
  receivedAt: Date;
  updatedAt: Date;
  resolutionDueAt: Date;
  householdId: string;
  maskedAddress: string | null;
  lat: number | null;
  lng: number | null;
  providerName: string | null;
}

/**
 * Anyone may query requests; only the client that filed one sees its description, household and
 * location. Everyone else sees the service, the stage and the building.
 */
export function toRequest(r: RequestFacts, ownClient: boolean): Open311Request {
  return {
    service_request_id: r.number,
    status: open311Status(r.status),
    status_notes: r.status,
    service_name: r.categoryName,
    service_code: r.categoryCode,
    description: ownClient ? r.description : null,
    agency_responsible: r.providerName,
    service_notice: null,
    requested_datetime: r.receivedAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: r.resolutionDueAt.toISOString(),
    address: r.maskedAddress,
    address_id: ownClient ? r.householdId : null,
    zipcode: null,
    lat: ownClient ? r.lat : null,
    long: ownClient ? r.lng : null,
    media_url: null,
  };
}

/** One error element per message, as GeoReport v2 wants them. */
export function open311Errors(status: number, messages: string[]): Open311Error[] {
  return messages.map((description) => ({ code: status, description }));
}
