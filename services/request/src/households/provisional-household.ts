import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Household } from './household.entity';
import { insertResident } from './households.service';

/** The name a reporter's resident row carries until staff learn the real one. */
export const UNVERIFIED_NAME = '待核实';

export interface ReportedHousehold {
  /** The unit the report was placed in: a community, or the street or district whose staff place it. */
  unit: { code: string; orgPath: string };
  placedBy: string;
  address: string;
  lat: number | null;
  lng: number | null;
  /** E.164 digits; without one the household has no resident yet. */
  phone: string | null;
  name: string | null;
}

/** A household made from a report by someone not registered, provisional until staff verify it. */
export async function insertProvisionalHousehold(m: EntityManager, report: ReportedHousehold): Promise<Household> {
  const household = m.create(Household, {
    id: randomUUID(),
    communityCode: report.unit.code,
    orgPath: report.unit.orgPath,
    address: report.address,
    lat: report.lat,
    lng: report.lng,
    provisional: true,
    placedBy: report.placedBy,
    verifiedBy: null,
    verifiedAt: null,
  });
  await m.insert(Household, household);
  if (report.phone) await insertResident(m, household.id, { name: report.name ?? UNVERIFIED_NAME, phones: [report.phone] }, [report.phone]);
  return household;
}
