import { likePrefix } from '@bangbang/auth';
import { BadRequestException } from '@nestjs/common';
import { EntityManager, Like } from 'typeorm';
import { OrgUnit } from '../directory/org-unit.entity';
import { callerLookupQuery } from '../households/caller-lookup';
import { Household } from '../households/household.entity';
import { normalisePhone } from '@bangbang/contracts';
import { insertProvisionalHousehold } from '../households/provisional-household';
import { Open311CreateDto } from './open311.dto';
import { Neighbour, NEIGHBOUR_RADIUS_M, NEIGHBOURS, PlaceUnit, placeReport } from './report-placement';

const METRES_PER_DEGREE = 111_195;

export interface ReporterHousehold {
  householdId: string;
  provisional: boolean;
}

/**
 * The household a report is filed for, inside the client's area (`scope`): the one named by
 * address_id, else a registered resident's by phone (a provisional one made earlier from the
 * same phone counts), else a new provisional household placed from the address or the point.
 */
export async function reporterHousehold(m: EntityManager, dto: Open311CreateDto, scope: PlaceUnit): Promise<ReporterHousehold> {
  if (dto.address_id) {
    const known = await m.findOneBy(Household, { id: dto.address_id, orgPath: Like(likePrefix(scope.orgPath)) });
    if (!known) throw new BadRequestException(`address_id: no registered household ${dto.address_id} in your area`);
    return { householdId: known.id, provisional: known.provisional };
  }
  const phone = dto.phone === undefined ? null : normalisePhone(dto.phone);
  if (dto.phone !== undefined && !phone) throw new BadRequestException('phone: not a phone number');
  if (phone) {
    const { sql, params } = callerLookupQuery({ exact: phone }, scope.orgPath);
    const [found]: Array<{ id: string }> = await m.query(sql, params);
    if (found) return { householdId: found.id, provisional: (await m.findOneByOrFail(Household, { id: found.id })).provisional };
  }
  const point = pointOf(dto);
  const address = dto.address_string?.trim();
  if (!address && !point) {
    throw new BadRequestException(
      "address_string: give the address (address_string, or lat and long), the household (address_id) or a registered resident's phone",
    );
  }
  const units = await m.find(OrgUnit, { where: { orgPath: Like(likePrefix(scope.orgPath)), status: 'active' } });
  const neighbours = point ? await neighboursOf(m, point, scope.orgPath) : [];
  const placed = placeReport({ address, point: point ?? undefined }, units, neighbours, scope);
  const household = await insertProvisionalHousehold(m, {
    unit: placed.unit,
    placedBy: placed.by,
    address: address || `坐标 ${point!.lat.toFixed(6)},${point!.lng.toFixed(6)}`,
    lat: point?.lat ?? null,
    lng: point?.lng ?? null,
    phone,
    name: reporterName(dto.first_name, dto.last_name),
  });
  return { householdId: household.id, provisional: true };
}

function pointOf(dto: Open311CreateDto): { lat: number; lng: number } | null {
  if (dto.lat === undefined && dto.long === undefined) return null;
  if (dto.lat === undefined || dto.long === undefined)
    throw new BadRequestException(`${dto.lat === undefined ? 'lat' : 'long'}: give lat and long together`);
  const lat = Number(dto.lat);
  const lng = Number(dto.long);
  if (!(Math.abs(lat) <= 90)) throw new BadRequestException('lat: must be between -90 and 90');
  if (!(Math.abs(lng) <= 180)) throw new BadRequestException('long: must be between -180 and 180');
  return { lat, lng };
}

/** The registered households nearest the point, within the radius that lets them vote. */
async function neighboursOf(m: EntityManager, p: { lat: number; lng: number }, scopeOrgPath: string): Promise<Neighbour[]> {
  const dLat = NEIGHBOUR_RADIUS_M / METRES_PER_DEGREE;
  const cos = Math.max(Math.cos((p.lat * Math.PI) / 180), 0.01);
  const dLng = dLat / cos;
  return m.query(
    `SELECT community_code AS "communityCode", lat, lng FROM household
      WHERE NOT provisional AND lat BETWEEN $1 AND $2 AND lng BETWEEN $3 AND $4 AND org_path LIKE $5
      ORDER BY (lat - $6) ^ 2 + ((lng - $7) * $8) ^ 2 LIMIT ${NEIGHBOURS}`,
    [p.lat - dLat, p.lat + dLat, p.lng - dLng, p.lng + dLng, likePrefix(scopeOrgPath), p.lat, p.lng, cos],
  );
}

/** GeoReport splits names the Western way; a Chinese name reads family name first, unspaced. */
export function reporterName(first: string | undefined, last: string | undefined): string | null {
  const parts = [first?.trim(), last?.trim()].filter((x): x is string => !!x);
  if (!parts.length) return null;
  if (parts.length === 2 && /[\u3400-\u9fff]/.test(parts.join(''))) return `${parts[1]}${parts[0]}`;
  return parts.join(' ');
}
