import { AuditRecorded } from '@bangbang/contracts';
import { watchTransactions } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { merchant, MerchantHarness, startMerchant, STREET_ADMIN } from '../../test/merchant-harness';
import { WebhooksService } from '../webhooks/webhooks.service';

/** What an admin does to a unit is audited by this service itself, not only at the gateway (issue 12, finding 1). */
describe("admins' actions on a unit are audited here", () => {
  let h: MerchantHarness;

  beforeAll(async () => {
    // Far-off retries: a replayed delivery stays pending while the test reads it.
    h = await startMerchant({ WEBHOOK_SCHEDULE_SCALE: '1' });
  });

  afterAll(() => h?.stop());

  const audited = (resourceId: string): Promise<Record<string, string>[]> =>
    h.ds
      .query('SELECT payload::jsonb AS data FROM outbox WHERE type = $1 AND key = $2 ORDER BY seq', [
        AuditRecorded.merchant.type,
        resourceId,
      ])
      .then((rows) => rows.map((r: { data: object }) => r.data));

  it('audits API keys issued and revoked by an admin', async () => {
    const id = await h.activeUnit('Audited Keys');
    const { keyId } = (
      await h.call(STREET_ADMIN, 'POST', `/units/${id}/api-keys`, { scopes: ['manage'] }, { 'user-agent': 'admin-console' })
    ).json();
    expect((await h.call(STREET_ADMIN, 'POST', `/units/${id}/api-keys/${keyId}/revoke`)).statusCode).toBe(204);
    const entries = await audited(keyId);
    expect(entries.map((e) => e.action)).toEqual(['api-key.issued', 'api-key.revoked']);
    expect(entries[0]).toMatchObject({
      actorId: STREET_ADMIN.id,
      actorRole: 'street_admin',
      resourceType: 'api-key',
      purpose: `unit ${id}, scopes jobs manage`,
      userAgent: 'admin-console',
    });
  });

  it('audits price-list lines put and removed by an admin', async () => {
    const id = await h.activeUnit('Audited Prices');
    await h.call(STREET_ADMIN, 'PUT', `/units/${id}/offerings/home-haircut`, { description: 'haircut at home', priceMinFen: 1_500 });
    expect((await h.call(STREET_ADMIN, 'DELETE', `/units/${id}/offerings/home-haircut`)).statusCode).toBe(204);
    const actions = (await audited(id)).filter((e) => e.action.startsWith('offering.'));
    expect(actions.map((e) => [e.action, e.purpose])).toEqual([
      ['offering.updated', 'water-electric-repair'],
      ['offering.updated', 'home-haircut'],
      ['offering.removed', 'home-haircut'],
    ]);
  });

  it('audits webhook replays by an admin, one delivery or all since a time', async () => {
    const id = await h.activeUnit('Audited Replays');
    const endpoint = (await h.call(merchant(id), 'POST', '/me/webhooks', { url: 'http://127.0.0.1:4100/hook' })).json();
    const failed = async () => {
      const deliveryId = randomUUID();
      await h.ds.query(
        `INSERT INTO webhook_delivery (id, message_id, endpoint_id, unit_id, org_path, event_type, body, status, attempts, finished_at)
         VALUES ($1, $2, $3, $4, $5, 'job.offered', '{}', 'failed', 8, now())`,
        [deliveryId, `msg_${deliveryId.replaceAll('-', '')}`, endpoint.id, id, endpoint.orgPath],
      );
      return deliveryId;
    };
    const one = await failed();
    // The answer is read in the replay's own transaction, so a failed read undoes the replay and its 503 stays true.
    const reads = watchTransactions(h.app.get(WebhooksService), 'delivery', 2);
    try {
      const replayed = await h.call(STREET_ADMIN, 'POST', `/units/${id}/webhooks/deliveries/${one}/replay`);
      expect(replayed.statusCode).toBe(200);
      expect(replayed.json()).toMatchObject({ id: one, status: 'pending' });
    } finally {
      reads.restore();
    }
    expect(reads.inTransaction).toEqual([true]);
    await failed();
    const since = new Date(Date.now() - 60_000).toISOString();
    expect((await h.call(STREET_ADMIN, 'POST', `/units/${id}/webhooks/deliveries/replay`, { since })).json()).toEqual({ replayed: 1 });
    const replays = (await audited(id)).filter((e) => e.action.startsWith('webhook.'));
    expect(replays.map((e) => [e.action, e.resourceType, e.purpose])).toEqual([
      ['webhook.replayed', 'partner-unit', `delivery ${one}`],
      ['webhook.replayed', 'partner-unit', `failed deliveries since ${since}: 1`],
    ]);
  });
});
