import { loadConfig } from '@bangbang/observability';
import { checkedRequestConfig, RequestConfig } from './request.config';

const load = (env: NodeJS.ProcessEnv) => checkedRequestConfig(loadConfig(RequestConfig, env));

describe('request config', () => {
  it('refuses to start without a key for queued messages unless development is asked for explicitly', () => {
    expect(() => load({})).toThrow(/NOTIFICATION_KEY/);
    expect(() => load({ NODE_ENV: 'development' })).toThrow(/NOTIFICATION_KEY/);
    expect(() => load({ NOTIFICATION_KEY: 'short' })).toThrow(/NOTIFICATION_KEY/);
    expect(load({ NOTIFICATION_KEY: 'a-real-key-of-some-length' }).NOTIFICATION_KEY).toBe('a-real-key-of-some-length');
  });

  it('starts with a development key under BANGBANG_DEV=1', () => {
    expect(load({ BANGBANG_DEV: '1' }).NOTIFICATION_KEY.length).toBeGreaterThanOrEqual(16);
  });
});
