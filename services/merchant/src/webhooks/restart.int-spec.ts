import { JobOffered } from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { merchant, MerchantHarness, offer, startMerchant } from '../../test/merchant-harness';
import { ScriptedReceiver } from '../../test/receiver';

describe('webhook retry schedule across a restart', () => {
  let h: MerchantHarness;
  let receiver: ScriptedReceiver;

  // Scale 0.003: attempts at 0, 15 ms, 900 ms, then 5.4 s ± 20 % later: at least 4.3 s to stop the
  // service between the third and fourth, which a loaded machine needs (closing the Kafka consumer).
  const SCALE = 0.003;
  beforeAll(async () => {
    h = await startMerchant({ WEBHOOK_SCHEDULE_SCALE: String(SCALE) });
    receiver = await ScriptedReceiver.start([{ status: 500 }, { status: 500 }, { status: 500 }]);
  });

  afterAll(async () => {
    await receiver?.close();
    await h?.stop();
  });

  it('keeps a pending delivery and its schedule in the database; a new instance completes it', async () => {
    const unitId = await h.activeUnit();
    const { secret, id: endpointId } = (await h.call(merchant(unitId), 'POST', '/me/webhooks', { url: receiver.url })).json();
    const requestId = randomUUID();
    await h.produce(JobOffered, requestId, offer(unitId, { requestId, feePolicy: 'low_cost', urgency: 'general' }));
    await waitFor(async () => receiver.received.length >= 3, { what: 'three failed attempts' });
    await h.app.close();
    const stoppedAt = Date.now();

    const db = new Client({ connectionString: h.db.url });
    await db.connect();
    const {
      rows: [pending],
    } = await db
      .query(
        `SELECT d.status, d.attempts, floor(extract(epoch FROM d.next_attempt_at) * 1000) AS due_ms,
                extract(epoch FROM d.next_attempt_at - a.started_at) * 1000 AS wait_ms
         FROM webhook_delivery d JOIN webhook_attempt a ON a.delivery_id = d.id AND a.attempt = 3 WHERE d.endpoint_id = $1`,
        [endpointId],
      )
      .finally(() => db.end());
    expect(pending).toMatchObject({ status: 'pending', attempts: 3 });
    // The fourth attempt is scheduled 30 min (scaled) - 20 % at the earliest after the third. Only
    // the lower bound is checked: HTTP and database time on a loaded machine only add to the wait.
    expect(Number(pending.wait_ms)).toBeGreaterThanOrEqual(0.8 * 30 * 60e3 * SCALE);

    await h.restart();
    const done = await waitFor(
      async () => {
        const [row] = await h.ds.query(
          `SELECT id, status, attempts FROM webhook_delivery WHERE endpoint_id = $1 AND status = 'delivered'`,
          [endpointId],
        );
        return row;
      },
      { what: 'the delivery completed by the new instance', timeoutMs: 60_000 },
    );
    expect(done.attempts).toBe(4);
    const attempts = await h.ds.query(
      'SELECT attempt, status_code, floor(extract(epoch FROM started_at) * 1000) AS started_ms FROM webhook_attempt WHERE delivery_id = $1 ORDER BY attempt',
      [done.id],
    );
    expect(attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 500, 200]);
    // The new instance kept the schedule it found: the fourth attempt was not made before it was due.
    expect(Number(attempts[3].started_ms)).toBeGreaterThanOrEqual(Number(pending.due_ms));
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received[3].at).toBeGreaterThan(stoppedAt);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(() =>
      new Webhook(secret).verify(receiver.received[3].body, receiver.received[3].headers as Record<string, string>),
    ).not.toThrow();
  });
});
