import type { UnitLevel } from '@bangbang/contracts';
import type { Role } from '@bangbang/auth';

/** The tree has exactly three levels; each unit's parent is one level up. */
export const PARENT_LEVEL: Record<UnitLevel, UnitLevel | null> = { district: null, street: 'district', community: 'street' };

/** Who creates, renames and retires units of a level: an admin above that level. Districts are provisioned. */
const MANAGERS: Record<UnitLevel, readonly Role[]> = {
  district: [],
  street: ['district_admin'],
  community: ['district_admin', 'street_admin'],
};

export function mayManage(role: Role, level: UnitLevel): boolean {
  return MANAGERS[level].includes(role);
}

export function childPath(parentPath: string, code: string): string {
  return `${parentPath}${code}/`;
}

interface ParentFacts {
  code: string;
  level: UnitLevel;
  status: string;
}

/** Why a unit of this level cannot go under this parent, or undefined when it can. */
export function placementProblem(level: UnitLevel, parent: ParentFacts): string | undefined {
  const expected = PARENT_LEVEL[level];
  if (parent.level !== expected) return `a ${level} belongs to a ${expected ?? 'nothing'}, and ${parent.code} is a ${parent.level}`;
  if (parent.status !== 'active') return `${parent.code} is retired`;
  return undefined;
}

export function retirementProblem(code: string, activeChildren: string[]): string | undefined {
  if (!activeChildren.length) return undefined;
  return `${code} still has ${activeChildren.length} active unit(s) under it (${activeChildren.join(', ')}); retire them first`;
}
