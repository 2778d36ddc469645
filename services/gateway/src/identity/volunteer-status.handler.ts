import { CloudEvent, VolunteerStatusChanged, VolunteerStatusChangedV1 } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { isUUID } from 'class-validator';
import { IsNull } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';
import { StaffUser } from './staff-user.entity';

/**
 * The volunteer service decides suspensions; here they take the account with them: a suspended
 * volunteer cannot sign in or refresh, and the sessions it has end (access tokens run out on their
 * own, and dispatch refuses the volunteer's accepts meanwhile). One key per volunteer keeps the facts in order.
 */
@Controller()
export class VolunteerStatusHandler {
  @OnEvent(VolunteerStatusChanged)
  async changed(@Payload() event: CloudEvent<VolunteerStatusChangedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const { volunteerId, to } = event.data;
    // Volunteer ids are the ids of accounts here; anything else names no account.
    if (!isUUID(volunteerId)) return;
    const suspended = to === 'suspended';
    await ctx.manager.update(StaffUser, { id: volunteerId, kind: 'volunteer' }, { status: suspended ? 'disabled' : 'active' });
    if (suspended) await ctx.manager.update(RefreshToken, { userId: volunteerId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
