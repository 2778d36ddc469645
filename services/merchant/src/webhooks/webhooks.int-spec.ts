import {
  JobAssigned,
  JobCompleted,
  JobOffered,
  JobOfferedV1,
  OfferWithdrawn,
  RatingSubmitted,
  RequestCancelled,
  RequestReopened,
} from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import {
  JINCHENG,
  merchant,
  MerchantHarness,
  offer as jobOffer,
  OTHER_STREET_ADMIN,
  startMerchant,
  STREET_ADMIN,
} from '../../test/merchant-harness';
import { ScriptedReceiver } from '../../test/receiver';

const offer = (unitId: string, extra: Partial<JobOfferedV1> = {}): JobOfferedV1 =>
  jobOffer(unitId, { summary: 'kitchen tap leaking', ...extra });

describe('outbound webhooks', () => {
  let h: MerchantHarness;
  let unitA: string;
  let unitB: string;

  // The whole retry schedule (about 99 s in production time units) runs in about 10 s here.
  beforeAll(async () => {
    // The poll out of the way: queued deliveries (pg_notify) and their retries (next due) wake the sender.
    h = await startMerchant({ WEBHOOK_SCHEDULE_SCALE: '0.0001', WEBHOOK_POLL_MS: '60000' });
    [unitA, unitB] = [await h.activeUnit('Jincheng Plumbing'), await h.activeUnit('Yinxiu Electric')];
  });

  afterAll(() => h?.stop());

  const register = async (unitId: string, url: string, eventTypes?: string[]) => {
    const res = await h.call(merchant(unitId), 'POST', '/me/webhooks', { url, ...(eventTypes ? { eventTypes } : {}) });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; secret: string };
  };

  const deliveryOf = (endpointId: string, status: string) =>
    waitFor(
      async () => {
        const [row] = await h.ds.query(
          'SELECT * FROM webhook_delivery WHERE endpoint_id = $1 AND status = $2 ORDER BY created_at DESC LIMIT 1',
          [endpointId, status],
        );
        return row;
      },
      { what: `a ${status} delivery`, timeoutMs: 30_000 },
    );

  const attemptsOf = (deliveryId: string) =>
    h.ds.query('SELECT attempt, status_code, outcome, latency_ms FROM webhook_attempt WHERE delivery_id = $1 ORDER BY attempt', [
      deliveryId,
    ]);

  it('delivers a job offer that the standardwebhooks library verifies, with a thin payload', async () => {
    const receiver = await ScriptedReceiver.start();
    try {
      const { id, secret } = await register(unitA, receiver.url);
      const o = offer(unitA);
      await h.produce(JobOffered, o.requestId, o);
      const [got] = await waitFor(async () => receiver.received.length > 0 && receiver.received, { what: 'the webhook' });
      const verified = new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as {
        type: string;
        data: Record<string, unknown>;
      };
      expect(verified.type).toBe('job.offered');
      expect(verified.data).toEqual({
        offerId: o.offerId,
        requestId: o.requestId,
        categoryCode: o.categoryCode,
        orgPath: o.orgPath,
        urgency: 'utilities',
        feePolicy: 'free',
        expiresAt: o.expiresAt,
        summary: 'kitchen tap leaking',
      });
      expect(got.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(got.body).not.toMatch(/phone|address|name/i);
      const delivery = await deliveryOf(id, 'delivered');
      expect(delivery).toMatchObject({ attempts: 1, last_status_code: 200, event_type: 'job.offered' });
      await h.call(merchant(unitA), 'DELETE', `/me/webhooks/${id}`);
    } finally {
      await receiver.close();
    }
  });

  it('retries a receiver that answers 500 three times: four attempts logged, the same webhook-id each time', async () => {
    const receiver = await ScriptedReceiver.start([{ status: 500 }, { status: 500 }, { status: 500 }]);
    try {
      const { id, secret } = await register(unitA, receiver.url);
      const o = offer(unitA);
      await h.produce(JobOffered, o.requestId, o);
      const delivery = await deliveryOf(id, 'delivered');
      expect(await attemptsOf(delivery.id)).toEqual([
        expect.objectContaining({ attempt: 1, status_code: 500, outcome: 'retry' }),
        expect.objectContaining({ attempt: 2, status_code: 500, outcome: 'retry' }),
        expect.objectContaining({ attempt: 3, status_code: 500, outcome: 'retry' }),
        expect.objectContaining({ attempt: 4, status_code: 200, outcome: 'delivered' }),
      ]);
      expect(receiver.received).toHaveLength(4);
      expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.message_id]));
      for (const r of receiver.received)
        expect(() => new Webhook(secret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
      const [endpoint] = await h.ds.query('SELECT failing_since FROM webhook_endpoint WHERE id = $1', [id]);
      expect(endpoint.failing_since).toBeNull();
      await h.call(merchant(unitA), 'DELETE', `/me/webhooks/${id}`);
    } finally {
      await receiver.close();
    }
  });

  it('records each of many deliveries made at once as delivered, with one attempt each', async () => {
    const receiver = await ScriptedReceiver.start();
    try {
      const { id } = await register(unitB, receiver.url);
      const offers = Array.from({ length: 12 }, () => offer(unitB));
      await Promise.all(offers.map((o) => h.produce(JobOffered, o.requestId, o)));
      const delivered = await waitFor(
        async () => {
          const rows = await h.ds.query<{ id: string }[]>(
            `SELECT id FROM webhook_delivery WHERE endpoint_id = $1 AND status = 'delivered'`,
            [id],
          );
          return rows.length === offers.length && rows;
        },
        { what: 'every delivery recorded', timeoutMs: 30_000 },
      );
      for (const d of delivered)
        expect(await attemptsOf(d.id)).toEqual([expect.objectContaining({ attempt: 1, status_code: 200, outcome: 'delivered' })]);
      expect(receiver.received).toHaveLength(offers.length);
      await h.call(merchant(unitB), 'DELETE', `/me/webhooks/${id}`);
    } finally {
      await receiver.close();
    }
  });

  it('waits as long as a 503 Retry-After asks, far beyond the scaled schedule', async () => {
    const receiver = await ScriptedReceiver.start([{ status: 503, headers: { 'retry-after': '1' } }]);
    try {
      const { id } = await register(unitA, receiver.url);
      const o = offer(unitA);
      await h.produce(JobOffered, o.requestId, o);
      await deliveryOf(id, 'delivered');
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1].at - receiver.received[0].at).toBeGreaterThanOrEqual(950);
      await h.call(merchant(unitA), 'DELETE', `/me/webhooks/${id}`);
    } finally {
      await receiver.close();
    }
  });

  it('disables an endpoint that answers 410 Gone, and tells the admins', async () => {
    const receiver = await ScriptedReceiver.start([{ status: 410 }]);
    try {
      const { id } = await register(unitA, receiver.url);
      const o = offer(unitA);
      await h.produce(JobOffered, o.requestId, o);
      const delivery = await deliveryOf(id, 'failed');
      expect(delivery).toMatchObject({ attempts: 1, last_status_code: 410 });
      const [endpoint] = (await h.call(merchant(unitA), 'GET', '/me/webhooks')).json().filter((e: { id: string }) => e.id === id);
      expect(endpoint).toMatchObject({ enabled: false, disabledReason: 'the receiver answered 410 Gone' });
      const [{ n }] = await h.ds.query(
        `SELECT count(*)::int AS n FROM outbox WHERE type = 'bangbang.merchant.webhook-endpoint-disabled.v1' AND key = $1`,
        [unitA],
      );
      expect(n).toBe(1);
      const next = offer(unitA);
      await h.produce(JobOffered, next.requestId, next);
      await waitFor(async () => (await h.call(merchant(unitA), 'GET', `/me/jobs/${next.requestId}`)).statusCode === 200, {
        what: 'the next offer recorded',
      });
      const [{ count }] = await h.ds.query('SELECT count(*)::int AS count FROM webhook_delivery WHERE endpoint_id = $1', [id]);
      expect(count).toBe(1);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('signs with both secrets for the overlap after a rotation', async () => {
    const receiver = await ScriptedReceiver.start();
    try {
      const { id, secret: old } = await register(unitA, receiver.url);
      const rotated = await h.call(merchant(unitA), 'POST', `/me/webhooks/${id}/rotate-secret`);
      expect(rotated.statusCode).toBe(200);
      const fresh = rotated.json().secret as string;
      expect(fresh).not.toBe(old);
      expect(JSON.stringify((await h.call(merchant(unitA), 'GET', '/me/webhooks')).json())).not.toContain(fresh.slice(6));
      const o = offer(unitA);
      await h.produce(JobOffered, o.requestId, o);
      const [got] = await waitFor(async () => receiver.received.length > 0 && receiver.received, { what: 'the webhook' });
      expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
      for (const secret of [old, fresh])
        expect(() => new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).not.toThrow();
      await h.call(merchant(unitA), 'DELETE', `/me/webhooks/${id}`);
    } finally {
      await receiver.close();
    }
  });

  it('tells only the unit concerned: assigned, cancelled, withdrawn and rated', async () => {
    const [receiverA, receiverB] = await Promise.all([ScriptedReceiver.start(), ScriptedReceiver.start()]);
    try {
      const [a, b] = [await register(unitA, receiverA.url), await register(unitB, receiverB.url)];
      const o = offer(unitA);
      const offeredToB = offer(unitB, { requestId: o.requestId });
      await h.produce(JobOffered, o.requestId, o);
      await h.produce(JobOffered, o.requestId, offeredToB);
      const base = { requestId: o.requestId, orgPath: JINCHENG, categoryCode: o.categoryCode, at: new Date().toISOString() };
      await h.produce(OfferWithdrawn, o.requestId, {
        ...base,
        offerId: offeredToB.offerId,
        providerId: unitB,
        providerKind: 'merchant',
        because: 'taken',
      });
      await h.produce(JobAssigned, o.requestId, {
        ...base,
        providerId: unitA,
        providerKind: 'merchant',
        providerName: 'Jincheng Plumbing',
        responseDueAt: new Date(Date.now() + 4 * 3600e3).toISOString(),
      });
      // Cancellation comes on another topic: only once the unit holds the job is it the unit's to hear of.
      await waitFor(async () => receiverA.received.length >= 2, { what: 'the assignment webhook' });
      await h.produce(RequestCancelled, o.requestId, { ...base, by: 'resident', reason: 'fixed it myself, call me on 13900001111' });
      await h.produce(RatingSubmitted, o.requestId, {
        ...base,
        ratingId: randomUUID(),
        providerId: unitA,
        providerKind: 'merchant',
        team: 'satisfied',
        provider: 'basically_satisfied',
        solved: true,
        tags: ['polite'],
        channel: 'public_link',
        revision: 1,
        ratedAt: new Date().toISOString(),
      });
      const typesOf = (r: ScriptedReceiver) => r.received.map((x) => JSON.parse(x.body).type).sort();
      await waitFor(async () => receiverA.received.length >= 4 && receiverB.received.length >= 2, { what: 'all webhooks' });
      expect(typesOf(receiverA)).toEqual(['job.assigned', 'job.cancelled', 'job.offered', 'rating.received']);
      expect(typesOf(receiverB)).toEqual(['job.offered', 'offer.withdrawn']);
      const cancelled = receiverA.received.map((x) => JSON.parse(x.body)).find((x) => x.type === 'job.cancelled');
      expect(cancelled.data).toEqual({ requestId: o.requestId, by: 'resident' });
      for (const [r, secret] of [
        [receiverA, a.secret],
        [receiverB, b.secret],
      ] as const) {
        for (const x of r.received) expect(() => new Webhook(secret).verify(x.body, x.headers as Record<string, string>)).not.toThrow();
      }
      await h.call(merchant(unitA), 'DELETE', `/me/webhooks/${a.id}`);
      await h.call(merchant(unitB), 'DELETE', `/me/webhooks/${b.id}`);
    } finally {
      await Promise.all([receiverA.close(), receiverB.close()]);
    }
  });

  it('acts once on a fact published again under a new event id: one job.assigned message, one redo, a completed job not taken up again', async () => {
    const receiver = await ScriptedReceiver.start();
    try {
      const { id } = await register(unitA, receiver.url, ['job.assigned']);
      const requestId = randomUUID();
      const consumed = (eventId: string) =>
        waitFor(async () => (await h.ds.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId])).length > 0, {
          what: `event ${eventId} consumed`,
        });
      const base = {
        requestId,
        orgPath: JINCHENG,
        categoryCode: 'water-electric-repair',
        providerId: unitA,
        providerKind: 'merchant' as const,
      };
      const assignedAt = Date.now();
      const assigned = {
        ...base,
        at: new Date(assignedAt).toISOString(),
        providerName: 'Jincheng Plumbing',
        responseDueAt: new Date(assignedAt + 4 * 3600e3).toISOString(),
      };
      await h.produce(JobAssigned, requestId, assigned);
      await h.produce(JobCompleted, requestId, { ...base, at: new Date(assignedAt + 60e3).toISOString(), priceChargedFen: 0 });
      await consumed(await h.produce(JobAssigned, requestId, assigned));
      const reopened = {
        requestId,
        orgPath: JINCHENG,
        categoryCode: 'water-electric-repair',
        at: new Date(assignedAt + 120e3).toISOString(),
        reason: 'still leaking',
        previousProviderId: unitA,
      };
      await h.produce(RequestReopened, requestId, reopened);
      await consumed(await h.produce(RequestReopened, requestId, reopened));

      const [job] = await h.ds.query('SELECT holding, redo_count FROM unit_job WHERE request_id = $1 AND unit_id = $2', [requestId, unitA]);
      expect(job).toEqual({ holding: false, redo_count: 1 });
      await deliveryOf(id, 'delivered');
      const [{ n }] = await h.ds.query('SELECT count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = $1', [id]);
      expect(n).toBe(1);
      expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['job.assigned']);
      await h.call(merchant(unitA), 'DELETE', `/me/webhooks/${id}`);
    } finally {
      await receiver.close();
    }
  });

  it('marks a message failed after the last retry, tells the admins, and replays it on request', async () => {
    const receiver = await ScriptedReceiver.start(Array.from({ length: 8 }, () => ({ status: 500 })));
    try {
      const { id } = await register(unitA, receiver.url);
      const since = new Date(Date.now() - 1_000).toISOString();
      const o = offer(unitA);
      await h.produce(JobOffered, o.requestId, o);
      const failed = await deliveryOf(id, 'failed');
      expect(failed.attempts).toBe(8);
      expect(receiver.received).toHaveLength(8);
      const [{ n }] = await h.ds.query(
        `SELECT count(*)::int AS n FROM outbox WHERE type = 'bangbang.merchant.webhook-delivery-failed.v1' AND payload::jsonb ->> 'deliveryId' = $1`,
        [failed.id],
      );
      expect(n).toBe(1);

      const listed = await h.call(merchant(unitA), 'GET', `/me/webhooks/deliveries?status=failed&endpointId=${id}`);
      expect(listed.json().map((d: { id: string }) => d.id)).toEqual([failed.id]);
      const byAdmin = await h.call(STREET_ADMIN, 'GET', `/units/${unitA}/webhooks/deliveries?status=failed`);
      expect(byAdmin.json().map((d: { id: string }) => d.id)).toContain(failed.id);
      expect((await h.call(OTHER_STREET_ADMIN, 'GET', `/units/${unitA}/webhooks/deliveries?status=failed`)).statusCode).toBe(404);
      expect((await h.call(OTHER_STREET_ADMIN, 'POST', `/units/${unitA}/webhooks/deliveries/${failed.id}/replay`)).statusCode).toBe(404);
      const replayed = await h.call(merchant(unitA), 'POST', '/me/webhooks/deliveries/replay', { since });
      expect(replayed.json()).toEqual({ replayed: 1 });
      const done = await deliveryOf(id, 'delivered');
      expect(done.id).toBe(failed.id);
      expect(done.attempts).toBe(9);
      expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    } finally {
      await receiver.close();
    }
  }, 60_000);

  it("keeps each unit to its own endpoints and deliveries: another unit's are 404", async () => {
    const receiver = await ScriptedReceiver.start();
    try {
      const { id } = await register(unitA, receiver.url);
      const o = offer(unitA);
      await h.produce(JobOffered, o.requestId, o);
      const delivery = await deliveryOf(id, 'delivered');
      const asB = merchant(unitB);
      expect((await h.call(asB, 'GET', `/me/webhooks/deliveries/${delivery.id}`)).statusCode).toBe(404);
      expect((await h.call(asB, 'POST', `/me/webhooks/deliveries/${delivery.id}/replay`)).statusCode).toBe(404);
      expect((await h.call(asB, 'POST', `/me/webhooks/${id}/rotate-secret`)).statusCode).toBe(404);
      expect((await h.call(asB, 'DELETE', `/me/webhooks/${id}`)).statusCode).toBe(404);
      expect((await h.call(asB, 'GET', `/me/jobs/${o.requestId}`)).statusCode).toBe(404);
      expect((await h.call(merchant(unitA), 'GET', `/me/jobs/${o.requestId}`)).statusCode).toBe(200);
      expect((await h.call(asB, 'GET', '/me/webhooks/deliveries')).json().map((d: { id: string }) => d.id)).not.toContain(delivery.id);
    } finally {
      await receiver.close();
    }
  });

  it('refuses endpoint URLs on the SSRF list, even with local http allowed', async () => {
    for (const url of [
      'http://10.0.0.5/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00::1]/hook',
      'http://[::ffff:10.0.0.1]/hook',
      'http://100.64.0.1/hook',
      'http://172.16.0.1/hook',
      'http://192.168.1.1/hook',
      'http://0.0.0.0/hook',
      'http://0xa9fea9fe/hook',
      'http://2852039166/hook',
      'http://[fe80::1]/hook',
    ]) {
      const res = await h.call(merchant(unitA), 'POST', '/me/webhooks', { url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      expect(JSON.stringify(res.json().message)).toContain('url must not point at a private');
    }
  });
});
