import 'reflect-metadata';
import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { checkedMerchantConfig, MerchantConfig } from '../services/merchant/src/merchant.config';
import { Merchant1764000000400 } from '../services/merchant/src/migrations/1764000000400-merchant';
import { SecretBox } from '../services/merchant/src/webhooks/secret-box';
import { newWebhookSecret } from '../services/merchant/src/webhooks/signing';
import { WebhookSender } from '../services/merchant/src/webhooks/webhook-sender';
import { benchDatabase, summarise } from './bench-kit';

/**
 * Webhook delivery throughput: the real sender (claim with a lease, sign, POST, record the attempt
 * and the outcome) draining a backlog of deliveries to one receiver on 127.0.0.1 that answers 204.
 */
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 5_000);
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MS ?? 120_000);

async function main(): Promise<void> {
  let received = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const db = await benchDatabase();
  const ds = await new DataSource({
    type: 'postgres',
    url: db.url,
    migrations: [MessagingTables1764000000000, Merchant1764000000400],
    extra: { max: 40 },
  }).initialize();
  await ds.runMigrations();
  const config = checkedMerchantConfig(
    loadConfig(MerchantConfig, { ...process.env, BANGBANG_DEV: '1', WEBHOOK_ALLOW_LOCAL_HTTP: 'true', WEBHOOK_POLL_MS: '50' }),
  );
  const box = new SecretBox(config.WEBHOOK_SECRET_KEY);
  const sender = new WebhookSender(ds, box, config);
  try {
    await ds.query(`INSERT INTO partner_unit (id, org_path, kind, legal_name, display_name, licence_no, contact_name, contact_phone, coverage,
                      service_hours, max_concurrent_jobs, takes_free_jobs, status, status_reason)
                    VALUES ('00000000-0000-4000-8000-000000000001', '/nanchang/jinxing/jincheng/', 'merchant', 'Bench Ltd', 'Bench', 'L1', 'x', '13800000000',
                      '{/nanchang/jinxing/jincheng/}', '{"always":true,"windows":[]}', 5, true, 'active', 'bench')`);
    await ds.query(
      `INSERT INTO webhook_endpoint (id, unit_id, org_path, url, event_types, secret_sealed, enabled)
                    VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '/nanchang/jinxing/jincheng/', $1, '{job.offered}', $2, true)`,
      [url, box.seal(newWebhookSecret())],
    );
    const body = JSON.stringify({
      type: 'job.offered',
      timestamp: new Date().toISOString(),
      data: {
        offerId: 'x'.repeat(36),
        requestId: 'y'.repeat(36),
        categoryCode: 'water-electric-repair',
        orgPath: '/nanchang/jinxing/jincheng/',
        urgency: 'utilities',
        feePolicy: 'low_cost',
        expiresAt: new Date().toISOString(),
      },
    });
    await ds.query(
      `INSERT INTO webhook_delivery (id, message_id, endpoint_id, unit_id, org_path, event_type, body, status, next_attempt_at)
       SELECT gen_random_uuid(), 'msg_' || n, '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001',
              '/nanchang/jinxing/jincheng/', 'job.offered', $1, 'pending', now()
       FROM generate_series(1, $2) n`,
      [body, DELIVERIES],
    );

    const started = Date.now();
    await sender.onApplicationBootstrap();
    const delivered = async () =>
      (await ds.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE status = 'delivered'`))[0].n as number;
    while ((await delivered()) < DELIVERIES) {
      if (Date.now() - started > DEADLINE_MS) throw new Error(`only ${await delivered()} of ${DELIVERIES} delivered in ${DEADLINE_MS} ms`);
      await sleep(20);
    }
    const seconds = (Date.now() - started) / 1_000;
    const latencies: number[] = (await ds.query('SELECT latency_ms FROM webhook_attempt')).map((r: { latency_ms: number }) => r.latency_ms);
    process.stdout.write(
      `webhooks: ${DELIVERIES} deliveries (signed, POSTed, attempt and outcome recorded) in ${seconds.toFixed(2)} s = ${Math.round(DELIVERIES / seconds)} deliveries/s ` +
        `(concurrency ${config.WEBHOOK_CONCURRENCY}, batch ${config.WEBHOOK_BATCH_SIZE}); receiver saw ${received}\n`,
    );
    process.stdout.write(`${summarise('attempt latency (HTTP round trip)', latencies)}\n`);
  } finally {
    await sender.onModuleDestroy();
    await ds.destroy();
    await db.drop();
    receiver.closeAllConnections();
    receiver.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  },
);
