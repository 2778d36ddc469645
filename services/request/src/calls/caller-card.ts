import { maskAddress } from '@bangbang/auth';
import { CallerCardV1, nationalFormat, normalisePhone } from '@bangbang/contracts';
import { EntityManager, In } from 'typeorm';
import { callerLookupQuery } from '../households/caller-lookup';
import { Household } from '../households/household.entity';
import { Resident } from '../households/resident.entity';
import { OPEN_STATUSES } from '../lifecycle/request-state';
import { ServiceRequest } from '../requests/service-request.entity';

const OPEN_ON_CARD = 20;

/** A number as calls keep it: E.164 digits when it is a phone number, else as the PBX sent it. */
export const callNumber = (raw: string | undefined): string | null => (raw ? (normalisePhone(raw) ?? raw.trim()) : null);

export const displayNumber = (number: string): string => (/^86\d+$/.test(number) ? nationalFormat(number) : number);

/** The household with a resident at this number within the PBX's district (the earliest registered, if several). */
export async function householdOf(m: EntityManager, number: string | null, scopeOrgPath: string): Promise<Household | null> {
  if (!number || !/^86\d+$/.test(number)) return null;
  const { sql, params } = callerLookupQuery({ exact: number }, scopeOrgPath);
  const [first]: Array<{ id: string }> = await m.query(sql, params);
  return first ? m.findOneBy(Household, { id: first.id }) : null;
}

/** The screen pop: who is calling, as the agent first sees a household (address masked), with what is still open. */
export async function callerCard(m: EntityManager, number: string | null, household: Household | null): Promise<CallerCardV1> {
  const shown = number ? displayNumber(number) : '?';
  if (!household) return { number: shown, openRequests: [] };
  const [resident, open] = await Promise.all([
    m.findOne(Resident, { where: { householdId: household.id }, order: { createdAt: 'ASC' } }),
    m.find(ServiceRequest, {
      where: { householdId: household.id, status: In([...OPEN_STATUSES]) },
      order: { receivedAt: 'DESC' },
      take: OPEN_ON_CARD,
    }),
  ]);
  const address = maskAddress(household.address);
  return {
    number: shown,
    householdId: household.id,
    communityCode: household.communityCode,
    ...(resident && { name: resident.name }),
    ...(address && { address }),
    openRequests: open.map((r) => ({ id: r.id, number: r.number, categoryCode: r.categoryCode, status: r.status })),
  };
}

/** `/district/street/community/`: the street and community codes a household's calls are counted under. */
export function placeOf(household: Household | null): { streetCode: string | null; communityCode: string | null } {
  if (!household) return { streetCode: null, communityCode: null };
  const [, street = null] = household.orgPath.split('/').filter(Boolean);
  return { streetCode: street, communityCode: household.communityCode };
}
