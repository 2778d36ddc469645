/** A unit of the org tree as the request service's copy holds it: no areas, no centres. */
export interface PlaceUnit {
  code: string;
  level: string;
  orgPath: string;
  nameZh: string;
}

/** A registered household with coordinates near the reported point, nearest first. */
export interface Neighbour {
  communityCode: string;
  lat: number;
  lng: number;
}

export interface ReportedPlace {
  address?: string;
  point?: { lat: number; lng: number };
}

export type PlacedBy = 'community-name' | 'neighbours' | 'street-name' | 'fallback';

export interface Placement {
  unit: PlaceUnit;
  by: PlacedBy;
}

/** How far a registered neighbour may be and still vouch for a point's community. */
export const NEIGHBOUR_RADIUS_M = 300;
/** How many of the nearest neighbours vote. */
export const NEIGHBOURS = 5;

const SUFFIXES = /(社区居委会|居委会|村委会|社区|街道办事处|街道|办事处|镇|乡|村)$/;
const MIN_SHORT_NAME = 2;

/**
 * Where an Open311 report from someone we do not know belongs, most specific first:
 *
 * 1. the community whose name the address contains (`金城社区`, or its short form `金城`, the
 *    longest match winning; when the address also names a street, only that street's communities
 *    count); two communities matching equally well is no match;
 * 2. the community most of the nearest registered households (up to 5 within 300 m) live in,
 *    a tie going to the nearest one's;
 * 3. the street whose name the address contains, if exactly one;
 * 4. the fallback (the client's district), where the district's admin places it by hand.
 *
 * The org tree has no areas or centres, so registered households stand in for a map.
 */
export function placeReport(
  place: ReportedPlace,
  units: readonly PlaceUnit[],
  neighbours: readonly Neighbour[],
  fallback: PlaceUnit,
): Placement {
  const address = (place.address ?? '').replace(/\s+/g, '');
  const streets = units.filter((u) => u.level === 'street');
  const namedStreets = address ? streets.filter((s) => nameScore(address, s.nameZh) > 0) : [];
  let communities = units.filter((u) => u.level === 'community');
  if (namedStreets.length === 1) communities = communities.filter((c) => c.orgPath.startsWith(namedStreets[0].orgPath));

  const byName = address ? bestByName(address, communities) : null;
  if (byName) return { unit: byName, by: 'community-name' };
  const near = place.point ? byNeighbours(place.point, neighbours, communities) : null;
  if (near) return { unit: near, by: 'neighbours' };
  if (namedStreets.length === 1) return { unit: namedStreets[0], by: 'street-name' };
  return { unit: fallback, by: 'fallback' };
}

/** The length of the unit's name (full, else without 社区/街道…) found in the address; 0 if absent. */
export function nameScore(address: string, name: string): number {
  if (address.includes(name)) return name.length;
  const short = name.replace(SUFFIXES, '');
  return short !== name && short.length >= MIN_SHORT_NAME && address.includes(short) ? short.length : 0;
}

function bestByName(address: string, communities: readonly PlaceUnit[]): PlaceUnit | null {
  let best: PlaceUnit[] = [];
  let top = 0;
  for (const c of communities) {
    const score = nameScore(address, c.nameZh);
    if (score > top) [best, top] = [[c], score];
    else if (score > 0 && score === top) best.push(c);
  }
  return best.length === 1 ? best[0] : null;
}

function byNeighbours(
  point: { lat: number; lng: number },
  neighbours: readonly Neighbour[],
  communities: readonly PlaceUnit[],
): PlaceUnit | null {
  const known = new Map(communities.map((c) => [c.code, c]));
  const voters = neighbours
    .filter((n) => known.has(n.communityCode))
    .map((n) => ({ code: n.communityCode, metres: distanceMetres(point, n) }))
    .filter((n) => n.metres <= NEIGHBOUR_RADIUS_M)
    .sort((a, b) => a.metres - b.metres)
    .slice(0, NEIGHBOURS);
  if (!voters.length) return null;
  const votes = new Map<string, number>();
  for (const v of voters) votes.set(v.code, (votes.get(v.code) ?? 0) + 1);
  const most = Math.max(...votes.values());
  // Voters are nearest first, so the first one of a leading community breaks a tie by distance.
  const winner = voters.find((v) => votes.get(v.code) === most)!;
  return known.get(winner.code)!;
}

/** Great-circle distance (haversine); plenty for a few hundred metres. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
