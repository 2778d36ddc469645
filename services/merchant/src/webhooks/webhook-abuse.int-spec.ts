import { JobOffered } from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { merchant, MerchantHarness, offer, startMerchant } from '../../test/merchant-harness';
import { HeldReceiver, ScriptedReceiver } from '../../test/receiver';

describe('webhooks are a shared resource: caps and fairness between units', () => {
  let h: MerchantHarness;

  // Few sending slots, two per unit, and a long HTTP deadline: a hanging receiver holds its slots for the whole test.
  beforeAll(async () => {
    h = await startMerchant({ WEBHOOK_CONCURRENCY: '4', WEBHOOK_UNIT_CONCURRENCY: '2', WEBHOOK_TIMEOUT_MS: '15000' });
  });

  afterAll(() => h?.stop());

  const count = (unitId: string, status: string): Promise<number> =>
    h.ds.query('SELECT count(*)::int AS n FROM webhook_delivery WHERE unit_id = $1 AND status = $2', [unitId, status]).then(([r]) => r.n);

  it('caps a unit at 5 endpoints: the 6th is 409, and deleting one makes room', async () => {
    const unit = await h.activeUnit('Many Hooks');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await h.call(merchant(unit), 'POST', '/me/webhooks', { url: `http://127.0.0.1:4100/hook/${i}` });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const sixth = await h.call(merchant(unit), 'POST', '/me/webhooks', { url: 'http://127.0.0.1:4100/hook/6' });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().message).toContain('at most 5 webhook endpoints');
    expect((await h.call(merchant(unit), 'GET', '/me/webhooks')).json()).toHaveLength(5);
    expect((await h.call(merchant(unit), 'DELETE', `/me/webhooks/${ids[0]}`)).statusCode).toBe(204);
    expect((await h.call(merchant(unit), 'POST', '/me/webhooks', { url: 'http://127.0.0.1:4100/hook/7' })).statusCode).toBe(201);
  });

  it("delivers a unit's webhooks while another unit's endpoint hangs on more deliveries than there are sending slots", async () => {
    const [slowUnit, fastUnit] = [await h.activeUnit('Hanging Receiver'), await h.activeUnit('Quick Receiver')];
    const [slow, fast] = [await HeldReceiver.start(), await ScriptedReceiver.start()];
    try {
      for (const [unit, url] of [
        [slowUnit, slow.url],
        [fastUnit, fast.url],
      ]) {
        expect((await h.call(merchant(unit), 'POST', '/me/webhooks', { url })).statusCode).toBe(201);
      }
      for (let i = 0; i < 12; i++) {
        const o = offer(slowUnit);
        await h.produce(JobOffered, o.requestId, o);
      }
      await waitFor(async () => slow.held.length > 0, { what: 'the hanging receiver to be called' });
      for (let i = 0; i < 3; i++) {
        const o = offer(fastUnit);
        await h.produce(JobOffered, o.requestId, o);
      }
      await waitFor(async () => (await count(fastUnit, 'delivered')) === 3, {
        what: "the quick unit's three deliveries",
        timeoutMs: 10_000,
      });
      // The hanging unit's due deliveries wait for one of its attempts to end (which wakes the sender) or for the
      // harness's 50 ms poll, not for a poll every 5 ms: about 20 asks in the second, not about 200.
      const query = jest.spyOn(h.ds, 'query');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const asked = query.mock.calls.filter(([sql]) => String(sql).includes('min(next_attempt_at)')).length;
      query.mockRestore();
      expect(asked).toBeLessThan(40);
      // Still held: the quick unit's deliveries did not have to wait for the hanging ones.
      expect(await count(slowUnit, 'delivered')).toBe(0);
      expect(slow.held.length).toBeGreaterThan(0);
      slow.releaseAll();
      await waitFor(async () => (await count(slowUnit, 'delivered')) === 12, {
        what: "the hanging unit's twelve deliveries",
        timeoutMs: 30_000,
      });
    } finally {
      await Promise.all([slow.close(), fast.close()]);
    }
  }, 60_000);
});
