import { loadConfig } from '@bangbang/observability';
import { checkedMerchantConfig, MerchantConfig } from './merchant.config';

const load = (env: NodeJS.ProcessEnv) => checkedMerchantConfig(loadConfig(MerchantConfig, env));

describe('merchant config', () => {
  it('keeps local http for webhooks off unless asked for explicitly', () => {
    expect(load({}).WEBHOOK_ALLOW_LOCAL_HTTP).toBe(false);
    expect(load({ WEBHOOK_ALLOW_LOCAL_HTTP: 'true' }).WEBHOOK_ALLOW_LOCAL_HTTP).toBe(true);
  });

  it('refuses local http and the development sealing key in production', () => {
    const key = { WEBHOOK_SECRET_KEY: 'a-real-production-key-of-some-length' };
    expect(() => load({ NODE_ENV: 'production', WEBHOOK_ALLOW_LOCAL_HTTP: 'true', ...key })).toThrow(/WEBHOOK_ALLOW_LOCAL_HTTP/);
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_SECRET_KEY/);
    expect(load({ NODE_ENV: 'production', ...key }).NODE_ENV).toBe('production');
  });

  it('keeps one unit below the whole sender pool', () => {
    expect(load({}).WEBHOOK_UNIT_CONCURRENCY).toBeLessThan(load({}).WEBHOOK_CONCURRENCY);
    expect(() => load({ WEBHOOK_CONCURRENCY: '4' })).toThrow(/WEBHOOK_UNIT_CONCURRENCY/);
    expect(load({ WEBHOOK_CONCURRENCY: '4', WEBHOOK_UNIT_CONCURRENCY: '2' }).WEBHOOK_UNIT_CONCURRENCY).toBe(2);
  });

  it('scales the retry schedule from the environment', () => {
    expect(load({ WEBHOOK_SCHEDULE_SCALE: '0.001' }).WEBHOOK_SCHEDULE_SCALE).toBe(0.001);
  });
});
