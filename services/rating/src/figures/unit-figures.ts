import { EntityManager } from 'typeorm';
import { Counters, Dimension, zeroCounters } from './contribution';
import { sumByKey } from './daily-figures';
import { monthDays, Rates, rates, Weights } from './rates';

export interface FigureRow extends Rates {
  key: string;
  code: string;
  name: string | null;
  level: Dimension;
  month: string;
  counts: Counters;
}

const UNIT_LEVELS: readonly string[] = ['district', 'street', 'community'];

/**
 * One month's figures per key of a level. For unit levels every known unit under `prefix` gets a
 * row, with null rates when it had no jobs; keys seen in the figures but not (yet) in the local
 * directory are listed with their path as name-less rows.
 */
export async function monthFigures(
  m: EntityManager,
  level: Dimension,
  month: string,
  weights: Weights,
  prefix?: string,
): Promise<FigureRow[]> {
  const { from, until } = monthDays(month);
  const sums = await sumByKey(m, level, from, until, { prefix });
  const isUnit = UNIT_LEVELS.includes(level);
  const units: Array<{ code: string; path: string; name_zh: string }> = isUnit
    ? await m.query(`SELECT code, path, name_zh FROM org_unit WHERE level = $1 AND status = 'active' AND path LIKE $2`, [
        level,
        `${prefix ?? '/'}%`,
      ])
    : [];
  const named = new Map(units.map((u) => [u.path, u]));
  const keys = [...new Set([...named.keys(), ...sums.keys()])].sort();
  const satisfaction = level === 'provider' ? 'provider' : 'team';
  return keys.map((key) => {
    const counts = sums.get(key) ?? zeroCounters();
    const unit = named.get(key);
    const code = isUnit ? (unit?.code ?? key.split('/').filter(Boolean).pop()!) : key;
    return { key, code, name: unit?.name_zh ?? null, level, month, ...rates(counts, weights, satisfaction), counts };
  });
}

/** Ranked by composite, best first; units with nothing to rate are not ranked. */
export function rankings(rows: FigureRow[], size: number): { red: FigureRow[]; black: FigureRow[] } {
  const ranked = rows
    .filter((r) => r.composite !== null)
    .sort((a, b) => b.composite! - a.composite! || b.counts.responseDue - a.counts.responseDue || a.key.localeCompare(b.key));
  const redSize = Math.min(size, Math.ceil(ranked.length / 2));
  const red = ranked.slice(0, redSize);
  const black = ranked.slice(redSize).reverse().slice(0, size);
  return { red, black };
}
