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

  it('scales the retry schedule from the environment', () => {
    expect(load({ WEBHOOK_SCHEDULE_SCALE: '0.001' }).WEBHOOK_SCHEDULE_SCALE).toBe(0.001);
  });
});
