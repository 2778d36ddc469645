import {
  CloudEvent,
  DeadlineBreached,
  DeadlineBreachedV1,
  JobAssigned,
  JobAssignedV1,
  JobReassigned,
  RatingAmended,
  RatingSubmitted,
  RatingSubmittedV1,
  RequestAnswered,
  RequestAnsweredV1,
  RequestCancelled,
  RequestCancelledV1,
  RequestCreated,
  RequestCreatedFacts,
  RequestCreatedV2Event,
  RequestImported,
  RequestImportedV1,
  RequestReopened,
  RequestReopenedV1,
  RequestSignedOff,
  RequestSignedOffV1,
} from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { RATING_CONFIG, RatingConfig } from '../rating.config';
import { closeRatingWindow, openRatingWindow } from '../ratings/rating-links';
import { Applied, FactProjector } from './fact-projector';
import { importedFacts } from './imported-facts';
import { Fact } from './job-fact';
import { PendingFigures } from './pending-figures';

/** The facts other services (and this one's own ratings) publish, folded into the figures. */
@Controller()
export class FactEventsHandler {
  constructor(
    private readonly projector: FactProjector,
    @Inject(RATING_CONFIG) private readonly config: RatingConfig,
  ) {}

  @OnEvent(RequestCreatedV2Event)
  created(@Payload() e: CloudEvent<RequestCreatedFacts>, @Ctx() ctx: EventContext): Promise<void> {
    return this.createdFacts(e.data, ctx);
  }

  /** Still on the topic from before v2; the figures use only the facts both versions carry. */
  @OnEvent(RequestCreated)
  createdV1(@Payload() e: CloudEvent<RequestCreatedFacts>, @Ctx() ctx: EventContext): Promise<void> {
    return this.createdFacts(e.data, ctx);
  }

  private async createdFacts(d: RequestCreatedFacts, ctx: EventContext): Promise<void> {
    await this.apply(ctx, d.requestId, {
      type: 'created',
      orgPath: d.orgPath,
      categoryCode: d.categoryCode,
      kind: d.kind,
      responseDueAt: d.responseDueAt,
      resolutionDueAt: d.resolutionDueAt,
    });
  }

  @OnEvent(JobAssigned)
  assigned(@Payload() e: CloudEvent<JobAssignedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.assignment(e, ctx);
  }

  @OnEvent(JobReassigned)
  reassigned(@Payload() e: CloudEvent<JobAssignedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.assignment(e, ctx);
  }

  @OnEvent(DeadlineBreached)
  async breached(@Payload() e: CloudEvent<DeadlineBreachedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const d = e.data;
    await this.apply(ctx, d.requestId, { type: 'breached', deadline: d.deadline, at: d.at, ...placed(d) });
  }

  @OnEvent(RequestSignedOff)
  async signedOff(@Payload() e: CloudEvent<RequestSignedOffV1>, @Ctx() ctx: EventContext): Promise<void> {
    const d = e.data;
    const { before, after } = await this.apply(ctx, d.requestId, {
      type: 'signed-off',
      at: d.at,
      providerId: d.providerId,
      providerKind: d.providerKind,
      solved: d.solved,
      resolutionDueAt: d.resolutionDueAt,
      ...placed(d),
    });
    if (after.signOffs > before.signOffs) await openRatingWindow(ctx.manager, after, d.ratingTokenHash, this.config);
  }

  @OnEvent(RequestReopened)
  async reopened(@Payload() e: CloudEvent<RequestReopenedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.apply(ctx, e.data.requestId, { type: 'reopened', at: e.data.at, ...placed(e.data) });
    await closeRatingWindow(ctx.manager, e.data.requestId);
  }

  @OnEvent(RequestCancelled)
  async cancelled(@Payload() e: CloudEvent<RequestCancelledV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.apply(ctx, e.data.requestId, { type: 'cancelled', at: e.data.at, ...placed(e.data) });
    await closeRatingWindow(ctx.manager, e.data.requestId);
  }

  @OnEvent(RequestAnswered)
  async answered(@Payload() e: CloudEvent<RequestAnsweredV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.apply(ctx, e.data.requestId, { type: 'answered', at: e.data.at, ...placed(e.data) });
  }

  /**
   * A past request from the district's previous system: its whole story at its own times, folded
   * as the live facts would be. It opens no rating link and no follow-up: that is long over.
   */
  @OnEvent(RequestImported)
  async imported(@Payload() e: CloudEvent<RequestImportedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const pending = this.pending(ctx);
    for (const fact of importedFacts(e.data)) await this.projector.apply(ctx.manager, e.data.requestId, fact, pending);
  }

  @OnEvent(RatingSubmitted)
  submitted(@Payload() e: CloudEvent<RatingSubmittedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.rated(e, ctx);
  }

  @OnEvent(RatingAmended)
  amended(@Payload() e: CloudEvent<RatingSubmittedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.rated(e, ctx);
  }

  private apply(ctx: EventContext, requestId: string, fact: Fact): Promise<Applied> {
    return this.projector.apply(ctx.manager, requestId, fact, this.pending(ctx));
  }

  /** The transaction's counters, written once after its last event (see `PendingFigures`). */
  private pending(ctx: EventContext): PendingFigures {
    return ctx.delivery.beforeCommit(
      'rating-figures',
      () => new PendingFigures(),
      (pending) => this.projector.writePending(ctx.manager, pending),
    );
  }

  private async assignment(e: CloudEvent<JobAssignedV1>, ctx: EventContext): Promise<void> {
    const d = e.data;
    await this.apply(ctx, d.requestId, {
      type: 'assigned',
      at: d.at,
      providerId: d.providerId,
      providerKind: d.providerKind,
      ...placed(d),
    });
  }

  private async rated(e: CloudEvent<RatingSubmittedV1>, ctx: EventContext): Promise<void> {
    const d = e.data;
    await this.apply(ctx, d.requestId, { type: 'rated', ...ratedFact(d) });
  }
}

const placed = (d: { orgPath: string; categoryCode: string }) => ({ orgPath: d.orgPath, categoryCode: d.categoryCode });

export function ratedFact(d: RatingSubmittedV1): Omit<Extract<Fact, { type: 'rated' }>, 'type'> {
  return {
    revision: d.revision,
    ratedAt: d.ratedAt,
    team: d.team,
    provider: d.provider,
    solved: d.solved,
    tags: d.tags,
    providerId: d.providerId,
    providerKind: d.providerKind,
    ...placed(d),
  };
}
