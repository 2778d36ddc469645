import { waitFor } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { RequestHarness, startRequestService } from '../../test/harness';
import { FakeSmsGateway } from '../../test/sms-gateway';
import { NotificationPruner } from './notification-pruner';
import { CLAIM } from './notification-sender';
import { HttpSmsNotifier } from './notifier';

describe('notifications through a durable queue', () => {
  const sms = new FakeSmsGateway();
  let h: RequestHarness;
  let gatewayUrl: string;

  beforeAll(async () => {
    gatewayUrl = await sms.start();
    // The poll out of the way: queued texts (pg_notify) and their retries (next due) wake the sender.
    h = await startRequestService({
      SMS_GATEWAY_URL: gatewayUrl,
      NOTIFY_RETRY_INITIAL_MS: '50',
      NOTIFY_RETRY_MAX_MS: '200',
      NOTIFY_POLL_MS: '60000',
      // Longer than any wait below, so a text held up behind a hanging one would fail its test.
      NOTIFY_TIMEOUT_MS: '60000',
    });
  });

  afterAll(async () => {
    await h?.stop();
    await sms.stop();
  });

  it('keeps taking requests while the SMS gateway is down, then delivers every message once it is back', async () => {
    const home = await h.household('jincheng', ['13812345678']);
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await h.call('agent', 'POST', '/requests', {
        householdId: home.id,
        categoryCode: 'appliance-repair',
        description: `洗衣机不转 #${i}`,
      });
      expect(res.statusCode).toBe(201);
      numbers.push(res.json().number);
    }
    const queued: Array<{ id: string }> = await h.ds.query(`SELECT id FROM notification WHERE template = 'intake'`);
    expect(queued).toHaveLength(5);

    await waitFor(
      async () => {
        const [{ retried }] = await h.ds.query(
          `SELECT count(*)::int AS retried FROM notification WHERE status = 'pending' AND attempts >= 3 AND last_error LIKE '%503%'`,
        );
        // The gateway counts a refusal as it answers, the sender records it after: wait for both.
        return retried === 5 && sms.refused >= 15;
      },
      { what: 'every message retried against the down gateway' },
    );
    expect(sms.delivered).toHaveLength(0);

    sms.up = true;
    await waitFor(async () => (await h.ds.query(`SELECT 1 FROM notification WHERE status <> 'sent'`)).length === 0, {
      what: 'the queue drained',
    });
    const ids = new Set(sms.delivered.map((d) => d.id));
    expect(ids).toEqual(new Set(queued.map((q) => q.id)));
    expect(sms.delivered.every((d) => d.key === d.id && d.to === '+8613812345678')).toBe(true);
    expect(sms.delivered.map((d) => /单号(R\d{8}-\d{6})/.exec(d.body)![1]).sort()).toEqual(numbers.sort());
  });

  it('texts other numbers while the gateway hangs on one, and one number in the order queued', async () => {
    sms.up = true;
    const [slow, other] = [await h.household('jincheng', ['13900000033']), await h.household('huaigu', ['13900000044'])];
    sms.hanging.add('+8613900000033');
    const intake = async (householdId: string, description: string) =>
      (await h.call('agent', 'POST', '/requests', { householdId, categoryCode: 'appliance-repair', description })).json().number;
    const first = await intake(slow.id, '热水器漏水');
    await waitFor(async () => sms.held.length === 1, { what: 'the gateway holding the first text' });
    const second = await intake(slow.id, '水龙头滴水');
    const elsewhere = await intake(other.id, '空调不制冷');

    await waitFor(async () => sms.delivered.some((d) => d.body.includes(elsewhere)), { what: 'the other number texted' });
    // The second text waits for the held send to end (which wakes the sender), not for a poll every 5 ms.
    const query = jest.spyOn(h.ds, 'query');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const asked = query.mock.calls.filter(([sql]) => String(sql).includes('min(next_attempt_at)')).length;
    query.mockRestore();
    expect(asked).toBeLessThan(5);
    expect(sms.held).toHaveLength(1);
    expect(sms.delivered.some((d) => d.to === '+8613900000033')).toBe(false);

    sms.release();
    await waitFor(async () => sms.delivered.filter((d) => d.to === '+8613900000033').length === 2, {
      what: 'both texts to the slow number',
    });
    const toSlow = sms.delivered.filter((d) => d.to === '+8613900000033').map((d) => /单号(R\d{8}-\d{6})/.exec(d.body)![1]);
    expect(toSlow).toEqual([first, second]);
  });

  it('claims from a backlog by reading about its batch, even on a plan made while the queue was short', async () => {
    type Node = { 'Index Name'?: string; 'Actual Rows': number; Plans?: Node[] };
    const nodes = (n: Node): Node[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
    const runner = h.ds.createQueryRunner();
    await runner.connect();
    // Uncommitted, so the running sender never sees these texts; the plan is the one a prepared claim keeps.
    await runner.startTransaction();
    try {
      const queue = (n: number) =>
        runner.query(
          `INSERT INTO notification (id, request_id, recipient, template, body, next_attempt_at)
           SELECT gen_random_uuid(), gen_random_uuid(), '86139' || lpad(g::text, 8, '0'), 'intake', '测试短信', now() - interval '1 hour'
             FROM generate_series(1, $1::int) g`,
          [n],
        );
      await runner.query('SET LOCAL plan_cache_mode = force_generic_plan');
      await runner.query(`PREPARE claim_backlog (int, int, int, text[]) AS ${CLAIM}`);
      await queue(3);
      await runner.query(`EXECUTE claim_backlog (8, 30000, 1000, '{}')`);
      await queue(2_000);
      const [row] = await runner.query(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE claim_backlog (8, 30000, 1000, '{}')`);
      const all = nodes(row['QUERY PLAN'][0].Plan);
      expect(all[0]['Actual Rows']).toBe(8);
      const due = all.filter((n) => n['Index Name']?.startsWith('notification_due'));
      expect(due).toHaveLength(1);
      expect(due[0]['Actual Rows']).toBeLessThan(50);
    } finally {
      await runner.rollbackTransaction();
      await runner.query('DEALLOCATE claim_backlog');
      await runner.release();
    }
  });

  it('counts a text as sent only on a 2xx answer within the timeout', async () => {
    const notifier = new HttpSmsNotifier(gatewayUrl, 300);
    const text = (to: string) => ({ id: randomUUID(), to, body: '测试短信' });
    sms.up = false;
    await expect(notifier.send(text('8613900000055'))).rejects.toThrow('SMS gateway answered 503');
    sms.up = true;
    sms.hanging.add('+8613900000055');
    await expect(notifier.send(text('8613900000055'))).rejects.toThrow(/abort/i);
    sms.release();
    const sent = text('8613900000066');
    await notifier.send(sent);
    expect(sms.delivered.find((d) => d.id === sent.id)).toMatchObject({ to: '+8613900000066', body: '测试短信', key: sent.id });
  });

  it('keeps no code in clear while a message waits to be sent, nor after', async () => {
    sms.up = false;
    await h.household('huaigu', ['13900000011']);
    const asked = await h.app.inject({ method: 'POST', url: '/public/bookings/verification', payload: { phone: '13900000011' } });
    expect(asked.statusCode).toBe(202);
    const row = async () =>
      (
        await h.ds.query(
          `SELECT row_to_json(n)::text AS row, n.body, n.status FROM notification n WHERE template = 'booking_code' AND recipient = '8613900000011'`,
        )
      )[0];
    await waitFor(async () => sms.refused > 0 && (await row()).status === 'pending', { what: 'the code held back by the down gateway' });
    const pending = await row();
    expect(pending.body).toContain('验证码[redacted]');
    expect(pending.row).not.toMatch(/验证码\d/);

    sms.up = true;
    const code = await waitFor(async () => sms.bookingCodes('+8613900000011')[0], { what: 'the code texted once the gateway is back' });
    await waitFor(async () => (await row()).status === 'sent', { what: 'the message marked sent' });
    expect((await row()).row).not.toContain(code);
  });

  it('empties the wording of texts sent more than the retention ago, and nothing else', async () => {
    sms.up = false;
    const home = await h.household('yinxiu', ['13900000022']);
    const res = await h.call('agent', 'POST', '/requests', {
      householdId: home.id,
      categoryCode: 'appliance-repair',
      description: '冰箱不制冷',
    });
    expect(res.statusCode).toBe(201);
    const [old, recent] = await h.ds.query(`SELECT id FROM notification WHERE status = 'sent' ORDER BY sent_at LIMIT 2`);
    await h.ds.query(`UPDATE notification SET sent_at = now() - interval '91 days' WHERE id = $1`, [old.id]);
    await h.ds.query(`UPDATE notification SET sent_at = now() - interval '89 days' WHERE id = $1`, [recent.id]);

    expect(await h.app.get(NotificationPruner).runOnce()).toBe(false);

    const bodies = async (where: string, params: unknown[] = []) =>
      (await h.ds.query(`SELECT body FROM notification WHERE ${where}`, params)).map((r: { body: string }) => r.body);
    expect(await bodies('id = $1', [old.id])).toEqual(['']);
    expect((await bodies('id = $1', [recent.id]))[0]).not.toBe('');
    expect(await bodies(`body = '' AND id <> $1`, [old.id])).toEqual([]);
    expect((await bodies(`request_id = $1 AND status = 'pending'`, [res.json().id]))[0]).toContain(res.json().number);
    sms.up = true;
  });
});
