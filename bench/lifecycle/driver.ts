import { householdPlan, HouseholdPlan, passwordFor, staffPlan } from '../../deploy/seed/district-data';
import { Credentials, GatewayClient } from '../../deploy/seed/gateway-client';
import { read, SmsInbox } from '../../deploy/simulator/sms-gateway';
import { UnitMessage, UnitSystems } from '../../deploy/simulator/unit-systems';

/** The stages of one lifecycle, each timed from the step that starts it. */
export const STAGES = [
  'screen pop',
  'intake HTTP',
  'intake → first offer',
  'accept HTTP',
  'done → sign-off SMS',
  'sign-off → rating SMS',
  'rating HTTP',
  'whole lifecycle',
] as const;
export type Stage = (typeof STAGES)[number];

/** Categories whose units answer at any hour, so a run at night meets the same providers as by day. */
const CATEGORIES = ['water-electric-repair', 'pipe-unclogging'];

interface Offer {
  offerId: string;
  unitId: string;
  /** A free job is done for nothing; the merchant service refuses a price on it. */
  free: boolean;
  at: number;
}

export interface LifecycleResult {
  ok: boolean;
  stages: Partial<Record<Stage, number>>;
  error?: string;
}

const DISTRICT_ADMIN = { username: 'district.admin', password: passwordFor('district.admin') };
const now = () => performance.now();

/**
 * One complete lifecycle as the people do it, as fast as they can: a district agent pops the
 * caller's household and logs a repair; the unit's system gets the signed `job.offered` webhook
 * and accepts with its API key, reports on site and done; the resident reads the sign-off code
 * from the text and gives it to the fitter, who signs off; the resident rates through the link
 * texted next.
 */
export class LifecycleDriver {
  readonly units = new UnitSystems((m) => this.onWebhook(m));
  readonly api: GatewayClient;
  private readonly keys = new Map<string, Credentials>();
  private readonly offers = new Map<string, Offer>();
  private readonly offerWaiters = new Map<string, (o: Offer) => void>();
  private readonly agents: Credentials[];
  private readonly households: HouseholdPlan[];
  private turn = 0;

  /** `sms` is the fake SMS gateway the request service texts; several gateways are taken in turn. */
  constructor(
    gatewayUrl: string | string[],
    households: number,
    private readonly sms: SmsInbox,
  ) {
    this.api = new GatewayClient(gatewayUrl);
    this.households = householdPlan(households);
    this.agents = [
      'hotline.agent',
      ...staffPlan()
        .filter((s) => s.role === 'agent' && s.unitCode === 'nanchang')
        .map((s) => s.username),
    ].map((username) => ({
      username,
      password: passwordFor(username),
    }));
  }

  /** Gives every active unit's system an API key and a webhook endpoint on this process's receiver. */
  async connectUnits(): Promise<number> {
    await this.units.start();
    const units = (await this.api.expect('GET', '/api/merchant/units?status=active', DISTRICT_ADMIN)) as Array<{ id: string }>;
    for (const u of units) {
      const { apiKey } = await this.api.expect('POST', `/api/merchant/units/${u.id}/api-keys`, DISTRICT_ADMIN, {
        body: { scopes: ['manage'] },
      });
      this.keys.set(u.id, { apiKey });
    }
    for (const u of units) {
      const key = this.keys.get(u.id)!;
      // The gateway learns a new key from the merchant service's event.
      const deadline = Date.now() + 60_000;
      while ((await this.api.call('GET', '/api/merchant/me', key)).status !== 200) {
        if (Date.now() > deadline) throw new Error(`the gateway never learnt unit ${u.id}'s key`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const endpoint = await this.api.expect('POST', '/api/merchant/me/webhooks', key, { body: { url: this.units.urlFor(u.id) } });
      this.units.add(u.id, endpoint.secret);
    }
    return units.length;
  }

  private onWebhook(m: UnitMessage): void {
    if (m.type !== 'job.offered') return;
    const offer = { offerId: String(m.data.offerId), unitId: m.unitId, free: m.data.feePolicy === 'free', at: now() };
    const requestId = String(m.data.requestId);
    if (this.offers.has(requestId)) return;
    this.offers.set(requestId, offer);
    this.offerWaiters.get(requestId)?.(offer);
  }

  private firstOffer(requestId: string, timeoutMs: number): Promise<Offer | undefined> {
    const known = this.offers.get(requestId);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const done = (o: Offer | undefined) => {
        clearTimeout(timer);
        this.offerWaiters.delete(requestId);
        resolve(o);
      };
      this.offerWaiters.set(requestId, done);
    });
  }

  /** One lifecycle; every wait ends by `deadline` (ms on the performance clock), and then it counts as lost. */
  async run(i: number, deadline: number): Promise<LifecycleResult> {
    const stages: LifecycleResult['stages'] = {};
    const left = () => Math.max(0, deadline - now());
    const fail = (error: string): LifecycleResult => ({ ok: false, stages, error });
    const agent = this.agents[this.turn++ % this.agents.length];
    const household = this.households[i % this.households.length];
    const phone = household.residents[0].phones[0];
    const start = now();

    let t = now();
    const pop = await this.api.call('GET', `/api/request/callers?phone=${phone}`, agent);
    stages['screen pop'] = now() - t;
    if (pop.status !== 200 || pop.body.length !== 1) return fail(`screen pop ${pop.status}`);

    t = now();
    const body = {
      householdId: pop.body[0].id,
      categoryCode: CATEGORIES[i % CATEGORIES.length],
      description: '卫生间水管漏水，需要上门维修',
    };
    const intake = await this.api.call('POST', '/api/request/requests', agent, {
      body,
      headers: { 'idempotency-key': `bench-${i}-${start}` },
    });
    stages['intake HTTP'] = now() - t;
    if (intake.status !== 201) return fail(`intake ${intake.status} ${JSON.stringify(intake.body).slice(0, 200)}`);
    const { id, number } = intake.body as { id: string; number: string };

    const offer = await this.firstOffer(id, left());
    if (!offer) return fail('no offer');
    stages['intake → first offer'] = offer.at - t;
    const unit = this.keys.get(offer.unitId)!;

    t = now();
    const accept = await this.api.call('POST', `/api/dispatch/offers/${offer.offerId}/accept`, unit, {
      headers: { 'idempotency-key': `accept-${offer.offerId}` },
    });
    stages['accept HTTP'] = now() - t;
    if (accept.status !== 200 && accept.status !== 201) return fail(`accept ${accept.status}`);
    const onSite = await this.api.call('POST', `/api/dispatch/jobs/${id}/on-site`, unit, {
      headers: { 'idempotency-key': `on-site-${id}` },
    });
    if (onSite.status !== 200 && onSite.status !== 201) return fail(`on site ${onSite.status}`);
    const done = await this.api.call('POST', `/api/dispatch/jobs/${id}/complete`, unit, {
      body: { priceChargedFen: offer.free ? 0 : 5000, notes: '已更换阀门' },
      headers: { 'idempotency-key': `done-${id}` },
    });
    if (done.status !== 200 && done.status !== 201) return fail(`complete ${done.status}`);

    t = now();
    const code = await this.sms.waitFor(number, (texts) => texts.map(read.signOffCode).find(Boolean)?.code, left());
    if (!code) return fail('sign-off code never texted');
    stages['done → sign-off SMS'] = now() - t;
    // Cut off in flight (a gateway killed), the call is repeated: a 409 for a request already signed
    // off is then the first one's success, which the rating link texted next confirms.
    const signed = await this.api.call('POST', `/api/request/requests/${id}/sign-off`, unit, {
      body: { code, solved: true },
      repeatable: true,
    });
    const signedBefore = signed.status === 409 && JSON.stringify(signed.body).includes('is signed_off');
    if (signed.status !== 200 && signed.status !== 201 && !signedBefore) return fail(`sign-off ${signed.status}`);

    t = now();
    const link = await this.sms.waitFor(number, (texts) => texts.map(read.ratingLink).find((l) => l?.requestId === id), left());
    if (!link) return fail('rating link never texted');
    stages['sign-off → rating SMS'] = now() - t;

    t = now();
    const rating = { token: link.token, team: 'satisfied', provider: 'satisfied', solved: true, tags: [] };
    for (;;) {
      const r = await this.api.call('POST', `/api/rating/public/ratings/${id}`, undefined, { body: rating, repeatable: true });
      if (r.status === 201) break;
      // Only this resident holds the token: a used link is this call's own first try, cut off in flight.
      if (r.status === 409 && JSON.stringify(r.body).includes('already been used')) break;
      // The link works once the rating service has heard of the sign-off.
      if (r.status !== 404 || left() === 0) return fail(`rating ${r.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    stages['rating HTTP'] = now() - t;
    stages['whole lifecycle'] = now() - start;
    return { ok: true, stages };
  }

  async stop(): Promise<void> {
    await this.units.stop();
  }
}
