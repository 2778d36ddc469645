import { ADMIN_ROLES, Principal } from './principal';
import { inScope } from './scope';

/** `13812345678` → `138****5678`: enough to recognise a number, not to call it. */
export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null | undefined): string | null;
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  const digits = phone.replace(/[\s-]/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

const ADMINISTRATIVE_PREFIX = /^.*?街道/;
const BUILDING = /^.*?(栋|幢|号楼|座)/;

/**
 * Keeps the community and building, which dispatch needs to plan a visit, and hides the unit and
 * room: `无锡市梁溪区金星街道金城社区12栋3单元502室` → `金城社区12栋****`.
 */
export function maskAddress(address: string | null | undefined): string | null {
  if (address === null || address === undefined) return null;
  const local = address.replace(ADMINISTRATIVE_PREFIX, '');
  const building = BUILDING.exec(local)?.[0];
  if (building) return `${building}****`;
  const community = /^.*?(社区|小区|新村|村)/.exec(local)?.[0];
  return `${community ?? ''}****`;
}

export interface UnmaskRequest {
  /** Why the caller needs the data, stated per request: no purpose, no unmasked data. */
  purpose?: string;
  /** Where the data's owner sits in the org tree. */
  orgPath: string;
}

const MAY_UNMASK: readonly string[] = ['agent', ...ADMIN_ROLES];

/**
 * PIPL minimum access: call-centre agents and admins may see a person's contact data in their own
 * scope when they ask for it with a purpose; auditors (who read the log, not the people) never.
 */
export function canSeeUnmasked(principal: Principal, request: UnmaskRequest): boolean {
  if (principal.kind !== 'staff' || !MAY_UNMASK.includes(principal.role)) return false;
  if (!request.purpose?.trim()) return false;
  return inScope(principal, request.orgPath);
}
