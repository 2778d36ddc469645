import { CloudEvent, RequestCreated, RequestCreatedV1 } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DispatchJob } from './dispatch-job.entity';

@Controller()
export class RequestEventsHandler {
  @OnEvent(RequestCreated)
  async onRequestCreated(@Payload() event: CloudEvent<RequestCreatedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const r = event.data;
    await ctx.manager.insert(DispatchJob, {
      requestId: r.requestId,
      requestNumber: r.number,
      communityId: r.communityId,
      categoryCode: r.categoryCode,
      urgency: r.urgency,
      feePolicy: r.feePolicy,
      state: 'open',
      receivedAt: new Date(r.receivedAt),
    });
  }
}
