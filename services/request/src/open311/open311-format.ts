import type { ProviderKind } from '@bangbang/contracts';
import type { Category } from '../catalogue/category.entity';
import { isOpen, RequestStatus } from '../lifecycle/request-state';
import { ServiceAttribute } from './service-attributes';

/** GeoReport v2 shapes (wiki.open311.org/GeoReport_v2): snake_case, one object per element. */
export class Open311ServiceDef {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export class Open311Request {
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

export class Open311Error {
  code: number;
  description: string;
}

export class Open311Endpoint {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  formats: string[];
}

export class Open311Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: Open311Endpoint[];
}

/** services/{code}.json: the attributes a report in that service answers as `attribute[code]`. */
export class Open311ServiceDefinition {
  service_code: string;
  attributes: ServiceAttribute[];
}

/** What POST requests.json answers: the new request's number, and the household it was filed for. */
export class Open311Created {
  service_request_id: string;
  service_notice: string | null;
  account_id: string | null;
}

export function toService(c: Category): Open311ServiceDef {
  return {
    service_code: c.code,
    service_name: c.nameZh,
    description: c.description,
    metadata: c.attributes.length > 0,
    type: 'realtime',
    keywords: c.nameEn,
    group: c.groupCode,
  };
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
  /** The community (or, for a request not yet placed in one, the street or district) it belongs to. */
  unitName: string;
  maskedAddress: string | null;
  lat: number | null;
  lng: number | null;
  providerKind: ProviderKind | null;
  providerName: string | null;
}

/** What a volunteer is called in public: a resident's own name is not the public's to read. */
export const PUBLIC_VOLUNTEER = '志愿者';

/**
 * The client that filed a request sees what it told us and who is coming: the description, the
 * household, the building and its coordinates, the provider's name.
 */
export function toClientRequest(r: RequestFacts): Open311Request {
  return {
    ...common(r),
    description: r.description,
    agency_responsible: r.providerName,
    address: r.maskedAddress,
    address_id: r.householdId,
    lat: r.lat,
    long: r.lng,
  };
}

/**
 * A stranger sees the service, the stage, the times and the community: no words of the resident's,
 * no building, no coordinates, and a partner unit's name but never a volunteer's.
 */
export function toPublicRequest(r: RequestFacts): Open311Request {
  return {
    ...common(r),
    description: null,
    agency_responsible: r.providerKind === 'volunteer' ? PUBLIC_VOLUNTEER : r.providerName,
    address: r.unitName,
    address_id: null,
    lat: null,
    long: null,
  };
}

function common(r: RequestFacts) {
  return {
    service_request_id: r.number,
    status: open311Status(r.status),
    status_notes: r.status,
    service_name: r.categoryName,
    service_code: r.categoryCode,
    service_notice: null,
    requested_datetime: r.receivedAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: r.resolutionDueAt.toISOString(),
    zipcode: null,
    media_url: null,
  };
}

/** One error element per message, as GeoReport v2 wants them. */
export function open311Errors(status: number, messages: string[]): Open311Error[] {
  return messages.map((description) => ({ code: status, description }));
}
