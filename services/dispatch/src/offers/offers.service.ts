import type { Principal } from '@bangbang/auth';
import { OfferAccepted, OfferDeclined, OfferExpired } from '@bangbang/contracts';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DispatchJob } from '../jobs/dispatch-job.entity';
import { Dispatcher } from '../jobs/dispatcher';
import { actsAs, jobFact } from '../jobs/job-facts';
import { describeLimit, limitReached } from '../matching/ranking';
import { lockProvider } from '../providers/provider-view';
import { Offer } from './offer.entity';
import { whyClosed } from './offer-refusals';

export class OfferView {
  offerId: string;
  requestId: string;
  status: Offer['status'];
  expiresAt: Date;
  job: Pick<
    DispatchJob,
    'requestNumber' | 'communityId' | 'orgPath' | 'categoryCode' | 'urgency' | 'feePolicy' | 'responseDueAt' | 'resolutionDueAt' | 'state'
  >;
}

export const offerView = (o: Offer, j: DispatchJob): OfferView => ({
  offerId: o.offerId,
  requestId: o.requestId,
  status: o.status,
  expiresAt: o.expiresAt,
  job: {
    requestNumber: j.requestNumber,
    communityId: j.communityId,
    orgPath: j.orgPath,
    categoryCode: j.categoryCode,
    urgency: j.urgency,
    feePolicy: j.feePolicy,
    responseDueAt: j.responseDueAt,
    resolutionDueAt: j.resolutionDueAt,
    state: j.state,
  },
});

const NOT_ACTIVE = 'you are suspended or not active, so you cannot take jobs';

/** A provider's answers to offers, and the clock's when it gets none. */
@Injectable()
export class OffersService {
  constructor(private readonly dispatcher: Dispatcher) {}

  /** A suspended provider sees no offers: the ones still open wait out their clock and move on. */
  async mine(m: EntityManager, principal: Principal): Promise<OfferView[]> {
    const [provider] = await m.query<[{ active: boolean }?]>('SELECT active FROM dispatch_provider WHERE provider_id = $1', [principal.id]);
    if (!provider?.active) return [];
    const offers = await m.find(Offer, { where: { providerId: principal.id, status: 'open' }, order: { expiresAt: 'ASC' } });
    const mine = offers.filter((o) => actsAs(principal, o.providerId, o.providerKind));
    const jobs = await m.findBy(DispatchJob, { requestId: In([...new Set(mine.map((o) => o.requestId))]) });
    const byId = new Map(jobs.map((j) => [j.requestId, j]));
    return mine.map((o) => offerView(o, byId.get(o.requestId)!));
  }

  /** First acceptance wins: the job row lock orders concurrent accepts, and the losers see a closed offer. */
  async accept(m: EntityManager, principal: Principal, offerId: string, now: Date): Promise<OfferView> {
    // Said first, whatever became of the offer since: a suspended provider learns why it cannot take jobs.
    const [standing] = await m.query<[{ active: boolean }?]>('SELECT active FROM dispatch_provider WHERE provider_id = $1', [principal.id]);
    if (standing && !standing.active) throw new ForbiddenException(NOT_ACTIVE);
    const { offer, job } = await this.openOffer(m, principal, offerId, now);
    const provider = await lockProvider(m, offer.providerId, now);
    if (!provider) throw new ConflictException('your provider profile is not known to dispatch');
    // Offers made before a suspension stay open until their clock runs out; taking one is refused.
    if (!provider.active) throw new ForbiddenException(NOT_ACTIVE);
    if (provider.activeJobs >= provider.maxConcurrentJobs) {
      throw new ConflictException(`you are at capacity: ${provider.activeJobs} of ${provider.maxConcurrentJobs} jobs in hand`);
    }
    // Offers held a slot each when made; what is taken here is only jobs, as with capacity.
    const limit = limitReached({ ...provider, openOffers: 0 });
    if (limit) throw new ConflictException(`you have reached your ${describeLimit(limit)}`);
    await this.resolve(m, offer, 'accepted', null, now);
    await this.dispatcher.publish(m, job, OfferAccepted, this.fact(job, offer, now));
    await this.dispatcher.withdrawOpen(m, job, 'taken', now);
    await this.dispatcher.assign(m, job, provider, now);
    return offerView(offer, job);
  }

  async decline(m: EntityManager, principal: Principal, offerId: string, reason: string | undefined, now: Date): Promise<OfferView> {
    const { offer, job } = await this.openOffer(m, principal, offerId, now);
    await this.resolve(m, offer, 'declined', reason ?? null, now);
    await this.dispatcher.publish(m, job, OfferDeclined, { ...this.fact(job, offer, now), reason });
    await this.dispatcher.fill(m, job, now);
    return offerView(offer, job);
  }

  /** Fired by the offer's clock; a no-op when the offer was answered or withdrawn meanwhile. */
  async expire(m: EntityManager, job: DispatchJob, offerId: string, now: Date): Promise<void> {
    const offer = await m.findOneBy(Offer, { offerId });
    if (!offer || offer.status !== 'open') return;
    await this.resolve(m, offer, 'expired', null, now);
    await this.dispatcher.publish(m, job, OfferExpired, this.fact(job, offer, now));
    await this.dispatcher.fill(m, job, now);
  }

  private async openOffer(m: EntityManager, principal: Principal, offerId: string, now: Date): Promise<{ offer: Offer; job: DispatchJob }> {
    const found = await m.findOneBy(Offer, { offerId });
    if (!found || !actsAs(principal, found.providerId, found.providerKind)) throw new NotFoundException('offer not found');
    const job = await this.dispatcher.lock(m, found.requestId);
    // Read again under the job's lock: every change to an offer is made holding it.
    const offer = (await m.findOneBy(Offer, { offerId }))!;
    const closed = whyClosed(offer, now);
    if (closed) throw new ConflictException({ statusCode: 409, error: 'Conflict', message: closed, offerStatus: offer.status });
    return { offer, job };
  }

  private async resolve(m: EntityManager, offer: Offer, status: Offer['status'], reason: string | null, now: Date): Promise<void> {
    Object.assign(offer, { status, reason, resolvedAt: now });
    await m.update(Offer, { offerId: offer.offerId }, { status, reason, resolvedAt: now });
  }

  private fact(job: DispatchJob, offer: Offer, now: Date) {
    return { ...jobFact(job, now), providerId: offer.providerId, providerKind: offer.providerKind, offerId: offer.offerId };
  }
}
