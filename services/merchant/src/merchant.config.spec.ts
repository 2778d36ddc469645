import { loadConfig } from '@bangbang/observability';
import { checkedMerchantConfig, MerchantConfig } from './merchant.config';

const load = (env: NodeJS.ProcessEnv) => checkedMerchantConfig(loadConfig(MerchantConfig, env));
const key = { WEBHOOK_SECRET_KEY: 'a-real-production-key-of-some-length' };

describe('merchant config', () => {
  it('refuses to start without a sealing key unless development is asked for explicitly', () => {
    expect(() => load({})).toThrow(/WEBHOOK_SECRET_KEY/);
    expect(() => load({ NODE_ENV: 'development' })).toThrow(/WEBHOOK_SECRET_KEY/);
    expect(load(key).WEBHOOK_SECRET_KEY).toBe(key.WEBHOOK_SECRET_KEY);
  });

  it('refuses local http for webhooks outside development', () => {
    expect(load(key).WEBHOOK_ALLOW_LOCAL_HTTP).toBe(false);
    expect(() => load({ WEBHOOK_ALLOW_LOCAL_HTTP: 'true', ...key })).toThrow(/WEBHOOK_ALLOW_LOCAL_HTTP/);
  });

  it('starts with the development key and local http under BANGBANG_DEV=1', () => {
    const config = load({ BANGBANG_DEV: '1', WEBHOOK_ALLOW_LOCAL_HTTP: 'true' });
    expect(config.WEBHOOK_ALLOW_LOCAL_HTTP).toBe(true);
    expect(config.WEBHOOK_SECRET_KEY.length).toBeGreaterThanOrEqual(16);
  });

  it('keeps one unit below the whole sender pool', () => {
    expect(load(key).WEBHOOK_UNIT_CONCURRENCY).toBeLessThan(load(key).WEBHOOK_CONCURRENCY);
    expect(() => load({ ...key, WEBHOOK_CONCURRENCY: '4' })).toThrow(/WEBHOOK_UNIT_CONCURRENCY/);
    expect(load({ ...key, WEBHOOK_CONCURRENCY: '4', WEBHOOK_UNIT_CONCURRENCY: '2' }).WEBHOOK_UNIT_CONCURRENCY).toBe(2);
  });

  it('scales the retry schedule from the environment', () => {
    expect(load({ ...key, WEBHOOK_SCHEDULE_SCALE: '0.001' }).WEBHOOK_SCHEDULE_SCALE).toBe(0.001);
  });
});
