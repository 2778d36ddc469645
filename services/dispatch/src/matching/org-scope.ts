/** How far a job's search has been widened; `manual` means it waits in the admin's queue. */
export const LEVELS = ['community', 'street', 'district', 'manual'] as const;
export type Level = (typeof LEVELS)[number];

export function nextLevel(level: Level): Level {
  return LEVELS[Math.min(LEVELS.indexOf(level) + 1, LEVELS.length - 1)];
}

/**
 * The part of the tree searched at a level: `/d/s/c/` → `/d/s/c/`, `/d/s/`, `/d/`. The manual queue
 * searches no further than the district.
 */
export function scopeAt(orgPath: string, level: Level): string {
  const codes = orgPath.split('/').filter(Boolean);
  const keep = level === 'community' ? 3 : level === 'street' ? 2 : 1;
  return `/${codes.slice(0, keep).join('/')}/`;
}

/**
 * A provider serves a scope when one of its coverage paths contains the scope (it covers the
 * whole street the community is in) or lies inside it (it covers a neighbouring community).
 */
export function servesScope(coverage: readonly string[], scope: string): boolean {
  return coverage.some((c) => scope.startsWith(c) || c.startsWith(scope));
}
