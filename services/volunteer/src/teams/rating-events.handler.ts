import { CloudEvent, RatingAmended, RatingSubmittedV1 } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { volunteersOnly } from '../app/volunteers-only';
import { recordVolunteerRating } from './volunteer-ratings';

/**
 * A corrected rating replaces the last one on the teams' scorecards. First ratings come with the
 * points handler's `RatingSubmitted`, which records them too: one handler per event type.
 */
@Controller()
export class RatingEventsHandler {
  @OnEvent(RatingAmended, volunteersOnly)
  async onAmended(@Payload() event: CloudEvent<RatingSubmittedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await recordVolunteerRating(ctx.manager, event.data);
  }
}
