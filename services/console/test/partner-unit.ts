import { waitFor } from '@bangbang/testing';
import { UnitMessage, UnitSystems } from '../../../deploy/simulator/unit-systems';
import type { District, Headers } from '../../gateway/test/district';

const KAFKA = { timeoutMs: 60_000 };

/**
 * A partner unit and its own system, as a plumber's shop would run it: registered and activated by
 * the community admin, a webhook endpoint on loopback (the simulator's receiver, checking
 * signatures), and an API key it answers through. It accepts every offer in the categories it is
 * told to take at once; the rest it leaves open, so staff can assign them by hand. The visit and
 * the sign-off happen when the test says.
 */
export class PartnerUnitSystem {
  /** Answers that went wrong; the test asserts there are none. */
  readonly problems: string[] = [];
  private readonly codesUsed = new Map<string, number>();
  private readonly receiver = new UnitSystems((m) => void this.onMessage(m));
  private constructor(
    private readonly d: District,
    readonly id: string,
    readonly headers: Headers,
    private readonly accepts: readonly string[],
  ) {}

  static async start(
    d: District,
    admin: Headers,
    unit: { displayName: string; offers: string[]; accepts: string[] },
  ): Promise<PartnerUnitSystem> {
    const expect = async (method: string, path: string, headers: Headers, body?: object) => {
      const r = await d.api(method, path, headers, body);
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const applied = await expect('POST', '/api/merchant/units', admin, {
      orgPath: '/nanchang/jinxing/jincheng/',
      kind: 'merchant',
      legalName: `无锡${unit.displayName}维修部`,
      displayName: unit.displayName,
      licenceNo: '92320213MA1E2E001',
      contactName: '王师傅',
      contactPhone: '13812345678',
      serviceHours: { always: true, windows: [] },
      maxConcurrentJobs: 5,
      takesFreeJobs: true,
      reason: 'applied at the community office',
    });
    for (const to of ['verified', 'active'])
      await expect('POST', `/api/merchant/units/${applied.id}/status`, admin, { to, reason: 'licence checked on a site visit' });
    for (const category of unit.offers)
      await expect('PUT', `/api/merchant/units/${applied.id}/offerings/${category}`, admin, {
        description: '上门维修',
        priceMinFen: 2_000,
        priceMaxFen: 6_000,
      });
    const { apiKey } = await expect('POST', `/api/merchant/units/${applied.id}/api-keys`, admin, { scopes: ['manage'] });
    const system = new PartnerUnitSystem(d, applied.id, { 'x-api-key': apiKey }, unit.accepts);
    await system.receiver.start();
    await waitFor(async () => (await d.api('GET', '/api/merchant/me', system.headers)).status === 200, {
      ...KAFKA,
      what: 'the gateway to know the API key',
    });
    const endpoint = await expect('POST', '/api/merchant/me/webhooks', system.headers, { url: system.receiver.urlFor(applied.id) });
    system.receiver.add(applied.id, endpoint.secret);
    await waitFor(
      async () =>
        (await d.db('dispatch').query(`SELECT 1 FROM dispatch_provider WHERE provider_id = $1 AND active`, [applied.id])).length > 0,
      { ...KAFKA, what: 'dispatch to know the unit' },
    );
    return system;
  }

  private async onMessage(m: UnitMessage): Promise<void> {
    if (m.type !== 'job.offered' || !this.accepts.includes(m.data.categoryCode)) return;
    const r = await this.d.api('POST', `/api/dispatch/offers/${m.data.offerId}/accept`, {
      ...this.headers,
      'idempotency-key': `accept-${m.data.offerId}`,
    });
    if (r.status !== 200) this.problems.push(`accept ${m.data.offerId}: ${r.status} ${JSON.stringify(r.body)}`);
  }

  async arrive(requestId: string): Promise<void> {
    await this.act('POST', `/api/dispatch/jobs/${requestId}/on-site`);
  }

  async complete(requestId: string): Promise<void> {
    await this.act('POST', `/api/dispatch/jobs/${requestId}/complete`, { priceChargedFen: 0, notes: '更换了漏电保护器' });
  }

  /** Hands in the code texted on completion (a new one each cycle), once the request service has seen the completion. */
  async signOff(request: { id: string; number: string }, solved = true): Promise<void> {
    const used = this.codesUsed.get(request.number) ?? 0;
    const code = await waitFor(async () => this.d.sms.signOffCodes(request.number)[used], {
      ...KAFKA,
      what: `the sign-off code for ${request.number}`,
    });
    this.codesUsed.set(request.number, used + 1);
    await waitFor(
      async () => {
        const r = await this.d.api('POST', `/api/request/requests/${request.id}/sign-off`, this.headers, { code, solved });
        if (r.status === 409) return false;
        if (r.status !== 200 && r.status !== 201) throw new Error(`sign-off: ${r.status} ${JSON.stringify(r.body)}`);
        return true;
      },
      { ...KAFKA, what: `the request service to see ${request.number} completed` },
    );
  }

  /** The whole visit of a job the unit holds. */
  async visit(request: { id: string; number: string }): Promise<void> {
    await this.arrive(request.id);
    await this.complete(request.id);
    await this.signOff(request);
  }

  private async act(method: string, path: string, body?: object): Promise<void> {
    const r = await this.d.api(
      method,
      path,
      { ...this.headers, 'idempotency-key': `${path.replace(/[^\w.:-]/g, '.')}-${Date.now()}` },
      body,
    );
    if (r.status !== 200 && r.status !== 201) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  }

  stop(): Promise<void> {
    return this.receiver.stop();
  }
}
