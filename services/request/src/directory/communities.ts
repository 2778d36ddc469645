import { inScope, Principal } from '@bangbang/auth';
import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrgUnit } from './org-unit.entity';

/** An active community the caller covers; anything else is "not found", whatever the reason. */
export async function communityInScope(
  m: EntityManager,
  scope: Pick<Principal, 'orgPath'>,
  code: string,
  field = 'communityCode',
): Promise<OrgUnit> {
  const unit = await m.findOneBy(OrgUnit, { code });
  if (!unit || unit.level !== 'community' || unit.status !== 'active' || !inScope(scope, unit.orgPath)) {
    throw new NotFoundException(`${field}: no active community ${code} in your scope`);
  }
  return unit;
}
