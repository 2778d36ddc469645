import type { Counters } from './contribution';

export interface Weights {
  response: number;
  resolution: number;
  satisfaction: number;
}

export const DEFAULT_WEIGHTS: Weights = { response: 30, resolution: 35, satisfaction: 35 };

/** `"30,35,35"` → weights; each ≥ 0 and not all zero. */
export function parseWeights(text: string): Weights {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n < 0) || parts.every((n) => n === 0)) {
    throw new Error(`weights must be three non-negative numbers, not all zero: "${text}"`);
  }
  const [response, resolution, satisfaction] = parts;
  return { response, resolution, satisfaction };
}

export interface Rates {
  /** Jobs accepted within the response deadline / jobs due a response. */
  responseRate: number | null;
  /** Jobs signed off as solved within the resolution deadline / jobs due a resolution. */
  resolutionRate: number | null;
  /** (满意 + 基本满意) / ratings, for the help-team question. */
  teamSatisfaction: number | null;
  /** (满意 + 基本满意) / ratings, for the provider question. */
  providerSatisfaction: number | null;
  composite: number | null;
}

/** A share, or null when nothing was due: "no jobs" is not 0% and not 100%. */
export const share = (ok: number, of: number): number | null => (of > 0 ? ok / of : null);

/**
 * The weighted mean of the rates that exist, weights renormalised over them; null when none
 * does. A provider's composite uses its provider satisfaction, a unit's or a category's the
 * help-team satisfaction.
 */
export function composite(parts: Array<[number | null, number]>): number | null {
  const present = parts.filter(([rate, w]) => rate !== null && w > 0) as Array<[number, number]>;
  const total = present.reduce((s, [, w]) => s + w, 0);
  return total > 0 ? present.reduce((s, [rate, w]) => s + rate * w, 0) / total : null;
}

export function rates(c: Counters, weights: Weights, satisfaction: 'team' | 'provider'): Rates {
  const responseRate = share(c.responseOk, c.responseDue);
  const resolutionRate = share(c.resolutionOk, c.resolutionDue);
  const teamSatisfaction = share(c.teamOk, c.ratings);
  const providerSatisfaction = share(c.providerOk, c.ratings);
  return {
    responseRate,
    resolutionRate,
    teamSatisfaction,
    providerSatisfaction,
    composite: composite([
      [responseRate, weights.response],
      [resolutionRate, weights.resolution],
      [satisfaction === 'team' ? teamSatisfaction : providerSatisfaction, weights.satisfaction],
    ]),
  };
}

/** `2026-11` → its first China-time day and the first day of the next month. */
export function monthDays(month: string): { from: string; until: string } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new Error(`month must be YYYY-MM: "${month}"`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, until: `${next}-01` };
}
