import { CHINA_OFFSET_MS, chinaWallClock } from '@bangbang/contracts';

export interface Scored {
  volunteerId: string;
  displayName: string;
  orgPath: string;
  points: number;
}

export interface Ranked extends Scored {
  rank: number;
}

/**
 * Standard competition ranking ("1224"): equal points share a rank and the next rank skips the
 * tied places. Within a tie the list is ordered by display name then id, so it is stable, but the
 * order carries no meaning. Volunteers with no points in the period are not ranked.
 */
export function rank(rows: readonly Scored[]): Ranked[] {
  const sorted = rows
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points || a.displayName.localeCompare(b.displayName) || a.volunteerId.localeCompare(b.volunteerId));
  let rankOf = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.points !== sorted[i - 1].points) rankOf = i + 1;
    return { ...r, rank: rankOf };
  });
}

export type PeriodKind = 'month' | 'year';

export interface Period {
  kind: PeriodKind;
  label: string;
  from: Date;
  to: Date;
}

/** `2026-11` or `2026` as an interval in China time (UTC+8), where months and years begin for the teams. */
export function periodOf(kind: PeriodKind, label: string): Period {
  const match = kind === 'month' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label) : /^(\d{4})$/.exec(label);
  if (!match) throw new RangeError(kind === 'month' ? 'period must be YYYY-MM' : 'period must be YYYY');
  const year = Number(match[1]);
  const month = kind === 'month' ? Number(match[2]) - 1 : 0;
  const from = Date.UTC(year, month, 1) - CHINA_OFFSET_MS;
  const to = (kind === 'month' ? Date.UTC(year, month + 1, 1) : Date.UTC(year + 1, 0, 1)) - CHINA_OFFSET_MS;
  return { kind, label, from: new Date(from), to: new Date(to) };
}

/** The period containing `at`, in China time. */
export function currentPeriod(kind: PeriodKind, at = new Date()): Period {
  const china = chinaWallClock(at);
  const y = china.getUTCFullYear();
  const label = kind === 'month' ? `${y}-${String(china.getUTCMonth() + 1).padStart(2, '0')}` : String(y);
  return periodOf(kind, label);
}
