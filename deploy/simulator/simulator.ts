import { householdPlan, HouseholdPlan, passwordFor, staffPlan, volunteerPlan, VolunteerPlan } from '../seed/district-data';
import { Credentials, GatewayClient, inPool, Reply, sleep } from '../seed/gateway-client';
import { Random, Rotation } from '../seed/random';
import { ANSWERS, CATEGORY_MIX, Category, DESCRIPTIONS, ratingAnswer } from '../seed/residents';
import { SimulatorConfig } from './config';
import { SimulatedPbx } from './pbx';
import { read, SmsInbox } from './sms-gateway';
import { UnitMessage, UnitSystems } from './unit-systems';

/**
 * The people around Bangbang, played against a running district through its public gateway:
 * residents who call the hotline, book online or report through Open311; partner units whose
 * systems take offers by signed webhook; volunteers who answer offers in their app; residents who
 * sign off with the texted code, rate through the texted link and answer the follow-up call; the
 * agents who take the calls and make the follow-ups. It counts what it did and what went wrong,
 * and checks at the end that no effect was lost or doubled.
 */

/** Where a request's story ends, or may rest when the run stops. */
const FINAL = new Set(['closed', 'signed_off', 'cancelled']);

export interface Tracked {
  id: string;
  number: string;
  channel: 'hotline' | 'booking' | 'open311';
  household: HouseholdPlan;
  category: Category;
  status?: string;
}

/** A GeoReport v2 service definition's question. */
interface Attribute {
  code: string;
  datatype: string;
  required: boolean;
  values?: Array<{ key: string }>;
}

interface Provider {
  id: string;
  kind: 'unit' | 'volunteer';
  name: string;
  as: Credentials;
  /** Jobs this provider is working on, so a second assignment message does not start a second visit. */
  working: Set<string>;
}

export interface SimulationReport {
  did: Record<string, number>;
  saw: Record<string, number>;
  /** Effects that should exist and do not. */
  lost: string[];
  /** Effects that exist twice. */
  duplicated: string[];
  /** Answers the simulated people did not expect (4xx/5xx outside the ones their story allows). */
  problems: string[];
  finalStates: Record<string, number>;
  /** Requests not at an end state when the run stopped, with where they rest. */
  unfinished: string[];
  figuresEqual?: boolean;
  ms: number;
}

export class Simulator {
  readonly sms = new SmsInbox();
  readonly units: UnitSystems;
  readonly api: GatewayClient;
  private readonly rnd: Random;
  private readonly channels: Rotation<Tracked['channel']>;
  private readonly households: HouseholdPlan[];
  /** The district hotline's agents, who see every request. */
  private readonly agents: Credentials[];
  /** Agents of a street or a community, by its code: they take calls from their own area only. */
  private readonly localAgents: Map<string, Credentials>;
  private readonly districtAdmin: Credentials;
  private readonly pbx: SimulatedPbx;
  private readonly providers = new Map<string, Provider>();
  /** Jobs in the manual queue for which the agents found nobody to assign. */
  private readonly unassignable = new Set<string>();
  private readonly tracked = new Map<string, Tracked>();
  /** Volunteer jobs signed off, by request id: each must post points exactly once. */
  private readonly volunteerSignOffs = new Map<string, string>();
  /** Ratings the residents and agents submitted, by request id (the rating service must show each). */
  private readonly rated = new Set<string>();
  private readonly usedCodes = new Set<string>();
  private readonly usedLinks = new Set<string>();
  private readonly did: Record<string, number> = {};
  private readonly saw: Record<string, number> = {};
  private readonly problems: string[] = [];
  /** The people's stories still under way. */
  private readonly pending = new Set<Promise<unknown>>();
  private readonly loops: Promise<void>[] = [];
  private open311Key = '';
  private readonly attributes = new Map<string, Attribute[]>();
  private stopping = false;
  private noNewCalls = false;
  private agentTurn = 0;

  constructor(private readonly config: SimulatorConfig) {
    this.rnd = new Random(config.seed);
    this.channels = new Rotation(config.mix.channels);
    this.api = new GatewayClient(config.gatewayUrl);
    this.units = new UnitSystems((m) => this.track(this.onUnitMessage(m)));
    this.households = householdPlan(config.households);
    // The five demo logins' passwords follow the same rule as the rest of the staff's.
    const agent = (username: string) => ({ username, password: passwordFor(username) });
    this.agents = [
      'hotline.agent',
      ...staffPlan()
        .filter((s) => s.role === 'agent' && s.unitCode === 'nanchang')
        .map((s) => s.username),
    ].map(agent);
    this.localAgents = new Map(
      staffPlan()
        .filter((s) => s.role === 'agent' && s.unitCode !== 'nanchang')
        .map((s) => [s.unitCode, agent(s.username)]),
    );
    this.districtAdmin = agent('district.admin');
    this.pbx = new SimulatedPbx(
      this.api,
      { perMinute: config.calls, timeFactor: config.timeFactor, seed: config.seed },
      this.districtAdmin,
      this.agents,
      this.households,
      (what, n) => this.count('did', what, n),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Set-up: the fake SMS gateway, the units' systems (new keys and endpoints), the volunteers' apps

  async start(): Promise<void> {
    await this.sms.start(this.config.smsPort);
    await this.units.start(this.config.webhookPort);
    const units = (await this.api.expect('GET', '/api/merchant/units?status=active', this.districtAdmin)) as Array<{
      id: string;
      displayName: string;
    }>;
    if (units.length === 0) throw new Error('no active partner units: seed the district first (npm start does)');
    for (const unit of units) await this.connectUnit(unit);
    await Promise.all(
      units.map(async (u) => {
        const key = this.providers.get(u.id)!.as;
        await this.until(
          async () => (await this.api.call('GET', '/api/merchant/me', key)).status === 200,
          `the gateway to know ${u.displayName}'s key`,
        );
        for (const old of (await this.api.expect('GET', '/api/merchant/me/webhooks', key)) as Array<{ id: string }>)
          await this.api.expect('DELETE', `/api/merchant/me/webhooks/${old.id}`, key);
        const endpoint = await this.api.expect('POST', '/api/merchant/me/webhooks', key, { body: { url: this.units.urlFor(u.id) } });
        this.units.add(u.id, endpoint.secret);
      }),
    );
    for (const v of volunteerPlan().filter((x) => x.specialties.length > 0)) await this.connectVolunteer(v);
    const clients = (await this.api.expect('GET', '/api/request/open311-clients', this.districtAdmin)) as Array<{
      id: string;
      name: string;
      revokedAt?: string | null;
    }>;
    for (const c of clients.filter((x) => x.name === 'demo simulator' && !x.revokedAt))
      await this.api.expect('POST', `/api/request/open311-clients/${c.id}/revoke`, this.districtAdmin);
    this.open311Key = (
      await this.api.expect('POST', '/api/request/open311-clients', this.districtAdmin, { body: { name: 'demo simulator' } })
    ).apiKey;
    for (const code of Object.keys(CATEGORY_MIX)) {
      const definition = await this.api.call('GET', `/api/request/open311/v2/services/${code}.json`, undefined);
      if (definition.status === 200) this.attributes.set(code, (definition.body as { attributes: Attribute[] }).attributes);
    }
    this.count('did', 'unit systems connected', units.length);
    if (this.config.calls > 0) await this.pbx.start();
  }

  /** What an Open311 reporter answers to the category's questions (GeoReport `attribute[code]`). */
  private answers(category: Category): Record<string, string> {
    const out: Record<string, string> = {};
    for (const a of this.attributes.get(category) ?? []) {
      if (!a.required && !this.rnd.chance(0.5)) continue;
      out[`attribute[${a.code}]`] = a.values?.length
        ? this.rnd.pick(a.values).key
        : a.datatype === 'number'
          ? String(this.rnd.int(1, 5))
          : '见描述';
    }
    return out;
  }

  /** A fresh key for the unit's system; the ones a previous run issued are revoked. */
  private async connectUnit(unit: { id: string; displayName: string }): Promise<void> {
    const keys = (await this.api.expect('GET', `/api/merchant/units/${unit.id}/api-keys`, this.districtAdmin)) as Array<{
      keyId: string;
      revokedAt: string | null;
    }>;
    for (const k of keys.filter((x) => !x.revokedAt))
      await this.api.expect('POST', `/api/merchant/units/${unit.id}/api-keys/${k.keyId}/revoke`, this.districtAdmin);
    // `manage` as well as jobs: the unit's system registers its own webhook endpoint.
    const { apiKey } = await this.api.expect('POST', `/api/merchant/units/${unit.id}/api-keys`, this.districtAdmin, {
      body: { scopes: ['manage'] },
    });
    this.providers.set(unit.id, { id: unit.id, kind: 'unit', name: unit.displayName, as: { apiKey }, working: new Set() });
  }

  private async connectVolunteer(v: VolunteerPlan): Promise<void> {
    const as = { username: v.username, password: v.password };
    const me = await this.api.call('GET', '/api/volunteer/me', as);
    if (me.status !== 200 || me.body.status !== 'approved') return;
    const provider: Provider = { id: me.body.id, kind: 'volunteer', name: v.displayName, as, working: new Set() };
    this.providers.set(provider.id, provider);
    this.count('did', 'volunteer apps connected');
    this.loop(this.volunteerApp(provider));
  }

  // -------------------------------------------------------------------------------------------
  // The run

  async run(): Promise<SimulationReport> {
    const started = Date.now();
    this.loop(this.followUpDesk());
    this.loop(this.manualDesk());
    this.loop(this.watchStatuses());
    const endAt = this.config.minutes > 0 ? Date.now() + this.config.minutes * 60_000 : Infinity;
    if (this.config.calls > 0) {
      this.loop(
        this.pbx.run(
          () => this.noNewCalls || Date.now() >= endAt,
          (story) => void this.track(story),
        ),
      );
      this.loop(this.pbx.callbackDesk(() => this.stopping));
    }
    const gapMs = 60_000 / Math.max(this.config.rate, 1e-9);
    while (!this.noNewCalls && Date.now() < endAt && this.config.rate > 0) {
      void this.track(this.newRequest());
      await sleep(gapMs * (0.5 + this.rnd.next()));
    }
    await this.drain();
    this.stopping = true;
    await Promise.all(this.loops);
    return this.check(started);
  }

  /** No new calls from now on; the open stories run to their end, then the checks. */
  stop(): void {
    this.noNewCalls = true;
  }

  /** At an end, or in the manual queue with nobody the agents could assign it to. */
  private resting(t: Tracked): boolean {
    return t.status !== undefined && (FINAL.has(t.status) || (t.status === 'escalated' && this.unassignable.has(t.id)));
  }

  private async drain(): Promise<void> {
    const deadline = Date.now() + this.config.drainSeconds * 1000;
    while (Date.now() < deadline) {
      await this.refreshStatuses('unclosed');
      const open = [...this.tracked.values()].filter((t) => !this.resting(t));
      if (open.length === 0 && this.pending.size === 0) return;
      await sleep(1_000);
    }
  }

  /** Keeps the statuses fresh for the progress line. */
  private async watchStatuses(): Promise<void> {
    while (!this.stopping) {
      await sleep(15_000);
      await this.refreshStatuses('open');
    }
  }

  /**
   * Reads the statuses as an agent would: `open` those not yet at an end, `unclosed` also the
   * signed-off ones (a rating can still send them back for a redo), `all` for the final check.
   */
  private async refreshStatuses(which: 'open' | 'unclosed' | 'all'): Promise<void> {
    const ended = which === 'open' ? FINAL : new Set(['closed', 'cancelled']);
    const stale = [...this.tracked.values()].filter((t) => which === 'all' || !t.status || !ended.has(t.status));
    await inPool(stale, this.agents.length * 2, async (t, i) => {
      const r = await this.api.call('GET', `/api/request/requests/${t.id}`, this.agents[i % this.agents.length]);
      if (r.status === 200) t.status = r.body.status;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Residents and the front desk

  private async newRequest(): Promise<void> {
    const household = this.pickHousehold();
    const category = this.rnd.weighted(CATEGORY_MIX);
    const consultation = category === 'policy-consultation';
    const channel = consultation ? 'hotline' : this.channels.next();
    const description = this.rnd.pick(DESCRIPTIONS[category]);
    const urgency = category === 'water-electric-repair' && this.rnd.chance(0.08) ? 'emergency' : undefined;
    const phone = household.residents[0].phones[0];
    let number: string | undefined;
    let id: string | undefined;
    if (channel === 'hotline') {
      const agent = this.agentFor(household);
      const callers = await this.api.call('GET', `/api/request/callers?phone=${phone}`, agent);
      if (callers.status !== 200 || callers.body.length !== 1)
        return this.problem('caller lookup', callers, `${phone} should be one household`);
      const body = {
        householdId: callers.body[0].id,
        categoryCode: category,
        description,
        ...(urgency ? { urgency } : {}),
        ...(consultation ? { answer: this.rnd.pick(ANSWERS) } : {}),
      };
      const key = `sim-${this.config.seed}-${this.rnd.int(0, 2 ** 30)}-${Date.now()}`;
      const r = await this.api.call('POST', '/api/request/requests', agent, { body, headers: { 'idempotency-key': key } });
      if (r.status !== 201) return this.problem('hotline intake', r);
      ({ id, number } = r.body);
      this.count('did', consultation ? 'consultations answered at intake' : 'hotline calls');
    } else if (channel === 'booking') {
      number = await this.book(household, category, description);
      if (!number) return;
      this.count('did', 'online bookings');
    } else {
      const r = await this.api.call('POST', '/api/request/open311/v2/requests.json', undefined, {
        form: { api_key: this.open311Key, service_code: category, phone, description, ...this.answers(category) },
      });
      if (r.status !== 201 && r.status !== 200) return this.problem('open311 report', r);
      number = r.body[0].service_request_id;
      this.count('did', 'open311 reports');
    }
    if (!id) id = await this.findRequest(phone, number!);
    if (!id)
      return this.problem(
        'find request',
        { status: 0, body: number, headers: new Headers() },
        'the new request is not among the household open requests',
      );
    const t: Tracked = { id, number: number!, channel, household, category };
    this.tracked.set(id, t);
    if (!consultation && this.rnd.chance(this.config.mix.cancels)) void this.track(this.cancelLater(t));
  }

  /** The online booking: a code by text to the resident's phone, then the booking with it. */
  private async book(household: HouseholdPlan, category: Category, description: string): Promise<string | undefined> {
    const phone = household.residents[0].phones[0];
    const to = `+86${phone}`;
    const before = this.sms.about(to).length;
    const ask = await this.api.call('POST', '/api/request/public/bookings/verification', undefined, { body: { phone } });
    if (ask.status === 429) return void this.count('saw', 'booking codes refused by the hourly limit (resident calls later)');
    if (ask.status !== 202) return void this.problem('booking code', ask);
    const code = await this.sms.waitFor(to, (texts) => texts.slice(before).map(read.bookingCode).find(Boolean), 60_000);
    if (!code) return void this.lose(`booking code for ${phone} never texted`);
    // Repeatable: the code is spent by the first booking that takes effect.
    const r = await this.api.call('POST', '/api/request/public/bookings', undefined, {
      body: { phone, code, categoryCode: category, description },
      repeatable: true,
    });
    if (r.status !== 201) return void this.problem('online booking', r);
    return r.body.number;
  }

  private async findRequest(phone: string, number: string): Promise<string | undefined> {
    const r = await this.api.call(
      'GET',
      `/api/request/callers?phone=${phone}`,
      this.agentFor(this.households.find((h) => h.residents[0].phones[0] === phone)!),
    );
    const all =
      r.status === 200
        ? (r.body as Array<{ openRequests: Array<{ id: string; number: string }>; lastRequests: Array<{ id: string; number: string }> }>)
        : [];
    return all.flatMap((h) => [...h.openRequests, ...h.lastRequests]).find((x) => x.number === number)?.id;
  }

  private async cancelLater(t: Tracked): Promise<void> {
    await this.wait(2, 20);
    const r = await this.api.call('POST', `/api/request/requests/${t.id}/cancel`, this.agentFor(t.household), {
      body: { by: 'resident', reason: '居民来电：问题已自行解决' },
      repeatable: true,
    });
    if (r.status === 200 || r.status === 201) this.count('did', 'cancelled by the resident');
    else if (r.status === 409) this.count('saw', 'cancel too late (job already done)');
    else this.problem('cancel', r);
  }

  /** Those who call most are the elderly living alone; anyone may call. */
  private pickHousehold(): HouseholdPlan {
    for (;;) {
      const h = this.rnd.pick(this.households);
      if (h.residents[0].tags.includes('elderly_living_alone') || this.rnd.chance(0.6)) return h;
    }
  }

  /** The district hotline mostly; now and then the caller's street or community desk. */
  private agentFor(h: HouseholdPlan): Credentials {
    const local = [this.localAgents.get(h.community.code), this.localAgents.get(h.community.street)].filter(
      (a): a is Credentials => a !== undefined,
    );
    if (local.length > 0 && this.rnd.chance(0.3)) return this.rnd.pick(local);
    return this.agents[this.agentTurn++ % this.agents.length];
  }

  // -------------------------------------------------------------------------------------------
  // Providers

  private async onUnitMessage(m: UnitMessage): Promise<void> {
    const unit = this.providers.get(m.unitId);
    if (!unit) return;
    this.count('saw', `webhook ${m.type}`);
    if (m.type === 'job.offered')
      await this.answerOffer(unit, m.data.offerId, m.data.requestId, m.data.feePolicy, this.config.mix.unitAnswer);
    if (m.type === 'job.assigned') await this.doJob(unit, m.data.requestId);
  }

  /** A volunteer's app: looks at their open offers every few seconds, and at their jobs. */
  private async volunteerApp(v: Provider): Promise<void> {
    const answered = new Set<string>();
    while (!this.stopping) {
      const offers = await this.api.call('GET', '/api/dispatch/offers', v.as);
      if (offers.status === 200) {
        for (const o of offers.body as Array<{ offerId: string; requestId: string; status: string; job: { feePolicy: string } }>) {
          if (o.status !== 'open' || answered.has(o.offerId)) continue;
          answered.add(o.offerId);
          this.count('saw', 'volunteer offers');
          void this.track(this.answerOffer(v, o.offerId, o.requestId, o.job.feePolicy, this.config.mix.volunteerAnswer));
        }
      }
      const jobs = await this.api.call('GET', '/api/dispatch/jobs/mine', v.as);
      if (jobs.status === 200)
        for (const j of jobs.body as Array<{ requestId: string; state: string }>)
          if (j.state === 'assigned' && !v.working.has(j.requestId)) void this.track(this.doJob(v, j.requestId));
      await sleep(1_000 + this.rnd.next() * 2_000);
    }
  }

  private async answerOffer(
    p: Provider,
    offerId: string,
    requestId: string,
    feePolicy: string,
    mix: SimulatorConfig['mix']['unitAnswer'],
  ): Promise<void> {
    const t = this.tracked.get(requestId);
    const answer = this.rnd.weighted(mix);
    if (answer === 'ignore') return void this.count('did', `offers left to time out (${p.kind})`);
    await this.wait(0.5, 8);
    const path = `/api/dispatch/offers/${offerId}/${answer}`;
    const r = await this.api.call('POST', path, p.as, {
      headers: { 'idempotency-key': `${answer}-${offerId}` },
      ...(answer === 'decline' ? { body: { reason: '师傅都在外面，排不开' } } : {}),
    });
    if (r.status === 200 || r.status === 201) {
      this.count('did', `offers ${answer === 'accept' ? 'accepted' : 'declined'} (${p.kind})`);
      if (answer === 'accept') {
        if (!t) this.count('saw', 'offers accepted before the booking or Open311 report was traced to its id');
        if (p.kind === 'unit') void this.track(this.doJob(p, requestId, feePolicy));
      }
    } else if (r.status === 409) this.count('saw', `offers closed before the answer (${p.kind})`);
    else this.problem(`offer ${answer}`, r);
  }

  /** The visit: on site, done, the resident's code, sign-off. */
  private async doJob(p: Provider, requestId: string, feePolicy?: string): Promise<void> {
    if (p.working.has(requestId)) return;
    p.working.add(requestId);
    try {
      const t = this.tracked.get(requestId);
      await this.wait(2, 30);
      const onSite = await this.api.call('POST', `/api/dispatch/jobs/${requestId}/on-site`, p.as, {
        headers: { 'idempotency-key': `on-site-${requestId}-${p.id}-${Date.now()}` },
      });
      if (onSite.status === 409 || onSite.status === 404)
        return void this.count('saw', 'jobs taken away before the visit (cancelled or reassigned)');
      if (onSite.status !== 200 && onSite.status !== 201) return void this.problem('on site', onSite);
      this.count('did', `visits (${p.kind})`);
      await this.wait(10, 60);
      const request = await this.readAsProvider(p, requestId);
      const free = (feePolicy ?? request.body?.feePolicy) === 'free';
      const price = free ? 0 : p.kind === 'volunteer' ? 0 : 100 * this.rnd.int(20, 120);
      const done = await this.api.call('POST', `/api/dispatch/jobs/${requestId}/complete`, p.as, {
        body: { priceChargedFen: price, notes: '已完成，居民确认' },
        headers: { 'idempotency-key': `done-${requestId}-${p.id}-${Date.now()}` },
      });
      if (done.status === 409 || done.status === 404) return void this.count('saw', 'jobs taken away during the visit');
      if (done.status !== 200 && done.status !== 201) return void this.problem('complete', done);
      this.count('did', `jobs completed (${p.kind})`);
      const number: string | undefined = request.body?.number ?? t?.number;
      if (!number) return void this.problem('read request', request);
      const code = await this.sms.waitFor(
        number,
        (texts) => texts.map(read.signOffCode).find((c) => c && !this.usedCodes.has(`${number}:${c.code}`))?.code,
        120_000,
      );
      if (!code) return void this.lose(`sign-off code for ${number} never texted`);
      this.usedCodes.add(`${number}:${code}`);
      const solved = this.rnd.chance(this.config.mix.solved);
      // Repeatable: a code works once. A 409 may then be this sign-off's own first try, answered while a service was down.
      const signed = await this.api.call('POST', `/api/request/requests/${requestId}/sign-off`, p.as, {
        body: { code, solved },
        repeatable: true,
      });
      if (signed.status !== 200 && signed.status !== 201 && !(signed.status === 409 && (await this.signedOffBy(p, requestId))))
        return void this.problem('sign-off', signed);
      this.count('did', solved ? 'signed off, solved' : 'signed off, not solved');
      // Points are for solved jobs only, once a request: after a redo, whoever signs off solved again earns
      // nothing more (the volunteer service's rule), so the award stays with the first volunteer to.
      if (p.kind === 'volunteer' && solved && !this.volunteerSignOffs.has(requestId)) this.volunteerSignOffs.set(requestId, p.id);
      void this.track(this.residentRates(number, requestId));
    } finally {
      p.working.delete(requestId);
    }
  }

  /** Whether the request is signed off (or past it) with this provider holding it. */
  private async signedOffBy(p: Provider, requestId: string): Promise<boolean> {
    const r = await this.api.call('GET', `/api/request/requests/${requestId}`, p.as);
    return r.status === 200 && ['signed_off', 'closed'].includes(r.body.status) && r.body.provider?.id === p.id;
  }

  // -------------------------------------------------------------------------------------------
  // After the visit: the rating link, the follow-up call

  private async residentRates(number: string, requestId: string): Promise<void> {
    const link = await this.sms.waitFor(
      number,
      (texts) => texts.map(read.ratingLink).find((l) => l && l.requestId === requestId && !this.usedLinks.has(l.token)),
      120_000,
    );
    if (!link) return void this.lose(`rating link for ${number} never texted`);
    this.usedLinks.add(link.token);
    if (!this.rnd.chance(this.config.mix.rates)) return void this.count('did', 'rating links never used');
    await this.wait(5, 120);
    const rating = ratingAnswer(this.rnd);
    let r: Reply | undefined;
    for (let i = 0; i < 60; i++) {
      r = await this.api.call('POST', `/api/rating/public/ratings/${requestId}`, undefined, {
        body: { token: link.token, ...rating },
        repeatable: true,
      });
      if (r.status === 201) {
        this.rated.add(requestId);
        return void this.count('did', `ratings: team ${rating.team}, provider ${rating.provider}`);
      }
      // Rated on the follow-up call meanwhile, or the job was redone: the link has had its day.
      if (r.status === 409) return void this.count('saw', 'rating links no longer valid (rated on the call, or redone)');
      // The link works once the rating service has heard of the sign-off.
      if (r.status !== 404) return void this.problem('rating by link', r);
      // Rated "not solved" on the follow-up call while the resident waited: the job is redone and this link closed.
      const existing = await this.api.call('GET', `/api/rating/ratings/${requestId}`, this.districtAdmin);
      if (existing.status === 200) return void this.count('saw', 'rating links closed by a redo before use');
      await sleep(500);
    }
    this.lose(`rating link of ${number} never accepted: ${r?.status} ${JSON.stringify(r?.body).slice(0, 200)}`);
  }

  /** The call-back desk: an agent works through the open follow-ups every little while. */
  private async followUpDesk(): Promise<void> {
    const agent = this.agents[0];
    const tried = new Set<string>();
    while (!this.stopping) {
      await sleep(Math.max(2_000, 10 * 60_000 * this.config.timeFactor));
      const open = await this.api.call('GET', '/api/rating/follow-ups?status=open', agent);
      if (open.status !== 200) {
        this.problem('follow-up queue', open);
        continue;
      }
      for (const f of open.body as Array<{ id: string; requestId: string; reason: string }>) {
        if (tried.has(f.id) || !this.tracked.has(f.requestId)) continue;
        tried.add(f.id);
        const reached = this.rnd.chance(this.config.mix.followUpReached);
        if (reached && f.reason === 'not_rated' && !this.rated.has(f.requestId)) {
          const r = await this.api.call('POST', `/api/rating/ratings/${f.requestId}`, agent, {
            body: ratingAnswer(this.rnd),
            repeatable: true,
          });
          if (r.status === 201) {
            this.rated.add(f.requestId);
            this.count('did', 'ratings taken on the follow-up call');
          } else if (r.status !== 409) this.problem('rating on the call', r);
        }
        const outcome = await this.api.call('POST', `/api/rating/follow-ups/${f.id}/outcome`, agent, {
          body: { result: reached ? 'reached' : 'unreachable', notes: reached ? '已回访' : '电话无人接听' },
          repeatable: true,
        });
        if (outcome.status === 200 || outcome.status === 201) this.count('did', `follow-up calls (${reached ? 'reached' : 'unreachable'})`);
        else if (outcome.status !== 409) this.problem('follow-up outcome', outcome);
      }
    }
  }

  /**
   * The manual-assignment queue: jobs nobody accepted up the whole ladder. An agent looks at who
   * was ranked for each, rings them in order of score, and assigns the first that dispatch allows
   * (in scope, offering the category, with a free slot). Jobs with nobody to assign are tried
   * again each round: a slot may have come free.
   */
  private async manualDesk(): Promise<void> {
    const agent = this.agents[0];
    while (!this.stopping) {
      await sleep(Math.max(2_000, 5 * 60_000 * this.config.timeFactor));
      const queue = await this.api.call('GET', '/api/dispatch/jobs?state=manual', agent);
      if (queue.status !== 200) {
        this.problem('manual queue', queue);
        continue;
      }
      for (const job of queue.body as Array<{ requestId: string }>) {
        if (this.stopping) return;
        await this.assignByHand(agent, job.requestId);
      }
    }
  }

  private async assignByHand(agent: Credentials, requestId: string): Promise<void> {
    const rankings = await this.api.call('GET', `/api/dispatch/jobs/${requestId}/candidates`, agent);
    if (rankings.status !== 200) return void this.problem('manual candidates', rankings);
    const levels = rankings.body as Array<{
      ranked: Array<{ providerId: string; score: number }>;
      excluded: Array<{ providerId: string; rule: string }>;
    }>;
    // The best-ranked first; then those left out only for their weekly hours, whom staff may still ask.
    const ranked = levels
      .flatMap((l) => l.ranked)
      .sort((a, b) => b.score - a.score)
      .map((c) => c.providerId);
    const offHours = levels
      .flatMap((l) => l.excluded)
      .filter((e) => e.rule === 'unavailable')
      .map((e) => e.providerId);
    for (const providerId of new Set([...ranked, ...offHours])) {
      const r = await this.api.call('POST', `/api/dispatch/jobs/${requestId}/assign`, agent, {
        body: { providerId, reason: '无人接单，话务员电话联系后人工派单' },
        repeatable: true,
      });
      if (r.status === 200 || r.status === 201) {
        this.unassignable.delete(requestId);
        return void this.count('did', `manual assignments (${r.body.provider?.kind ?? 'provider'})`);
      }
      // Taken meanwhile (a late accept, a cancellation): nothing left to do by hand.
      if (r.status === 409) return void this.count('saw', 'manual jobs settled before the assignment');
      if (r.status !== 422) return void this.problem('manual assign', r);
    }
    if (!this.unassignable.has(requestId)) this.count('saw', 'manual jobs with nobody to assign');
    this.unassignable.add(requestId);
  }

  // -------------------------------------------------------------------------------------------
  // The checks

  private async check(started: number): Promise<SimulationReport> {
    // Stories still waiting (an offer's timeout, a text) after the drain are cut short, not awaited.
    await settledWithin([...this.pending], 10_000);
    this.count('saw', 'stories still under way at the end', this.pending.size);
    await this.refreshStatuses('all');
    const lost: string[] = [...this.lostEffects];
    const duplicated: string[] = this.units.duplicates.map((d) => `webhook for one fact sent twice: ${d}`);
    for (const t of this.tracked.values()) {
      if (!t.status) lost.push(`request ${t.number} not found`);
      const intake = this.sms.about(t.number).filter((x) => read.intake(x) === t.number);
      if (intake.length > 1) duplicated.push(`intake text for ${t.number} sent ${intake.length} times`);
    }
    // Points: one ledger entry per signed-off volunteer job, once the event has been consumed.
    const byVolunteer = new Map<string, string[]>();
    for (const [requestId, vid] of this.volunteerSignOffs) byVolunteer.set(vid, [...(byVolunteer.get(vid) ?? []), requestId]);
    for (const [vid, jobs] of byVolunteer) {
      const v = this.providers.get(vid)!;
      let entries: Array<{ reference: string }> = [];
      await this.until(
        async () => {
          const h = await this.api.call('GET', '/api/volunteer/me/history?limit=500', v.as);
          entries = h.status === 200 ? h.body : [];
          return jobs.every((j) => entries.some((e) => e.reference === `job:${j}`));
        },
        'points',
        30_000,
      ).catch(() => undefined);
      for (const j of jobs) {
        const n = entries.filter((e) => e.reference === `job:${j}`).length;
        if (n === 0) {
          const r = await this.api.call('GET', `/api/request/requests/${j}`, this.agents[0]);
          const story =
            r.status === 200
              ? `${r.body.status}, provider ${r.body.provider?.id}, ${(r.body.timeline ?? []).map((e: { kind?: string; action?: string; to?: string }) => e.to ?? e.action ?? e.kind).join('>')}`
              : r.status;
          lost.push(
            `points for job ${j} of volunteer ${v.name} (${vid}): request ${story}; ledger ${entries.map((e) => e.reference).join(',')}`,
          );
        }
        if (n > 1) duplicated.push(`points for job ${j} of volunteer ${v.name} posted ${n} times`);
      }
    }
    for (const requestId of this.rated) {
      const r = await this.api.call('GET', `/api/rating/ratings/${requestId}`, this.districtAdmin);
      if (r.status !== 200) lost.push(`rating of ${this.tracked.get(requestId)?.number ?? requestId}`);
    }
    const ledger = await this.api.call('GET', '/api/volunteer/ledger/check', this.districtAdmin);
    if (ledger.status !== 200 || ledger.body.sumOfAllLines !== 0 || ledger.body.unbalancedEntries.length > 0)
      this.problems.push(`ledger check: ${JSON.stringify(ledger.body)}`);
    let figuresEqual: boolean | undefined;
    await this.until(
      async () => {
        const r = await this.api.call('POST', '/api/rating/figures/recompute', this.districtAdmin);
        figuresEqual = r.status === 200 && r.body.equal === true;
        return figuresEqual;
      },
      'figures to equal a recompute',
      30_000,
      1_000,
    ).catch(() => this.problems.push('rating figures differ from a recompute'));
    this.count('saw', 'texts', this.sms.texts.length);
    this.count('saw', 'texts sent again under the same id', this.sms.resent);
    this.count('saw', 'webhooks redelivered', this.units.redelivered);
    this.count('saw', 'webhooks refused (bad signature)', this.units.refused);
    this.count('saw', 'calls throttled by the gateway and retried', this.api.throttled);
    this.count('saw', 'calls tried again while a service was down', this.api.retriedOutage);
    // The checks above can take a minute: a request read as open before them is read again, next to
    // its job, so that both sides are told as they are now.
    const unfinished: string[] = [];
    for (const t of this.tracked.values()) {
      if (this.resting(t)) continue;
      const now = await this.api.call('GET', `/api/request/requests/${t.id}`, this.agents[0]);
      if (now.status === 200) t.status = now.body.status;
      if (this.resting(t)) continue;
      const r = await this.api.call('GET', `/api/dispatch/jobs/${t.id}`, this.agents[0]);
      const job = r.status === 200 ? r.body : undefined;
      const holder = job?.provider ? ` at ${job.provider.kind} ${this.providers.get(job.provider.id)?.name ?? job.provider.id}` : '';
      unfinished.push(`${t.number} ${t.status}: dispatch ${job ? `${job.state}${holder}` : r.status}`);
    }
    const finalStates: Record<string, number> = {};
    for (const t of this.tracked.values()) finalStates[t.status ?? 'unknown'] = (finalStates[t.status ?? 'unknown'] ?? 0) + 1;
    return {
      did: this.did,
      saw: this.saw,
      lost,
      duplicated,
      problems: this.problems,
      finalStates,
      unfinished,
      figuresEqual,
      ms: Date.now() - started,
    };
  }

  private readonly lostEffects: string[] = [];

  private lose(what: string): void {
    this.lostEffects.push(what);
  }

  private problem(what: string, r: Reply, note?: string): void {
    this.problems.push(
      `${what}: ${r.status} ${typeof r.body === 'string' ? r.body.slice(0, 200) : JSON.stringify(r.body).slice(0, 200)}${note ? ` (${note})` : ''}`,
    );
  }

  private count(kind: 'did' | 'saw', what: string, n = 1): void {
    this[kind][what] = (this[kind][what] ?? 0) + n;
  }

  /** A person's delay, drawn in simulated minutes and scaled. */
  private wait(minMinutes: number, maxMinutes: number): Promise<void> {
    return sleep((minMinutes + this.rnd.next() * (maxMinutes - minMinutes)) * 60_000 * this.config.timeFactor);
  }

  /** A loop that runs until the simulation stops (a volunteer's app, the follow-up desk). */
  private loop(p: Promise<void>): void {
    this.loops.push(
      p.catch((err: unknown) => {
        this.problems.push(`loop crashed: ${err instanceof Error ? err.message : String(err)}`);
      }),
    );
  }

  private track<T>(p: Promise<T>): Promise<T> {
    const tracked = p.catch((err: unknown) => {
      this.problems.push(`crashed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined as T;
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
    return tracked;
  }

  /**
   * A provider's read of its job's request. The request service shows a request to its provider
   * only once it has consumed the assignment, which may lag behind dispatch after a fault; a
   * real unit's system reads again, and a read repeats safely.
   */
  private async readAsProvider(p: Provider, requestId: string): Promise<Reply> {
    let reply!: Reply;
    const settled = async (): Promise<boolean> => {
      reply = await this.api.call('GET', `/api/request/requests/${requestId}`, p.as);
      return reply.status === 200;
    };
    await this.until(settled, `request ${requestId} to show to its provider`, 60_000, 500).catch(() => undefined);
    return reply;
  }

  private async until(
    check: () => Promise<boolean>,
    what: string,
    timeoutMs = 60_000,
    everyMs = 250,
    between?: () => Promise<void>,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check()) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(everyMs);
      await between?.();
    }
  }

  async close(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
    await settledWithin([...this.pending], 5_000);
    await this.sms.stop();
    await this.units.stop();
  }

  /** Requests this run made, for tests. */
  get requests(): Tracked[] {
    return [...this.tracked.values()];
  }
}

/** Waits for the promises to settle, or `ms` at most, leaving no timer behind. */
async function settledWithin(promises: Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(promises), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
