import { CloudEvent, PbxEventReceived, PbxEventV1 } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CallRecorder } from './call-recorder';

/** The PBX's reports, as the gateway's CTI endpoint took them; each applies once (inbox). */
@Controller()
export class PbxEventsHandler {
  constructor(private readonly recorder: CallRecorder) {}

  @OnEvent(PbxEventReceived)
  onPbxEvent(@Payload() e: CloudEvent<PbxEventV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.recorder.record(ctx.manager, e.data);
  }
}
