import { BadRequestException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Household } from '../households/household.entity';
import { Call } from './call.entity';
import { placeOf } from './caller-card';

/**
 * A request taken during a call names the call. A call from a number no household had (the agent
 * registered the household while on the phone) thereby learns whose it was, for the log and the figures.
 */
export async function linkCall(m: EntityManager, callId: string, household: Household, scopeOrgPath: string): Promise<void> {
  const call = await m.findOne(Call, { where: { id: callId }, lock: { mode: 'pessimistic_write' } });
  if (!call || !(call.orgPath.startsWith(scopeOrgPath) || call.pbxOrgPath.startsWith(scopeOrgPath))) {
    throw new BadRequestException(`callId: no call ${callId} in your scope`);
  }
  if (call.householdId) return;
  Object.assign(call, { householdId: household.id, orgPath: household.orgPath, ...placeOf(household) });
  await m.save(call);
}
