import { ConfigError, loadConfig } from '@bangbang/observability';
import { MessagingConfig } from './messaging.config';

describe('MessagingConfig consumer timings', () => {
  it('defaults to a session a crashed member gives up in seconds, with three heartbeats in it', () => {
    const c = loadConfig(MessagingConfig, {});
    expect(c.CONSUMER_SESSION_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    expect(c.CONSUMER_HEARTBEAT_MS * 3).toBeLessThanOrEqual(c.CONSUMER_SESSION_TIMEOUT_MS);
  });

  it('refuses a heartbeat above a third of the session, naming the variable', () => {
    expect(() => loadConfig(MessagingConfig, { CONSUMER_SESSION_TIMEOUT_MS: '6000', CONSUMER_HEARTBEAT_MS: '3000' })).toThrow(
      /CONSUMER_HEARTBEAT_MS: CONSUMER_HEARTBEAT_MS must be at most a third/,
    );
  });

  it('refuses a session below the broker minimum', () => {
    expect(() => loadConfig(MessagingConfig, { CONSUMER_SESSION_TIMEOUT_MS: '3000', CONSUMER_HEARTBEAT_MS: '500' })).toThrow(ConfigError);
  });
});
