import { Webhook } from 'standardwebhooks';
import { SecretBox } from './secret-box';
import { newWebhookSecret, signedHeaders } from './signing';

describe('webhook signing, checked by the standardwebhooks package as a receiver would', () => {
  const body = JSON.stringify({ type: 'job.offered', timestamp: '2026-11-25T10:00:00.000Z', data: { offerId: 'x' } });

  it('makes whsec_ secrets of 32 random bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('produces headers the receiver library verifies', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], 'msg_1', body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('is refused by the receiver when the body or the secret differ', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], 'msg_1', body);
    expect(() => new Webhook(secret).verify(body.replace('x', 'y'), { ...headers })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
  });

  it('signs with both secrets during rotation, so either verifies', () => {
    const [old, fresh] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signedHeaders([fresh, old], 'msg_2', body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(old).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(fresh).verify(body, { ...headers })).not.toThrow();
  });

  it('keeps secrets sealed at rest and opens them with the same key only', () => {
    const secret = newWebhookSecret();
    const sealed = new SecretBox('key-one').seal(secret);
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(new SecretBox('key-one').open(sealed)).toBe(secret);
    expect(() => new SecretBox('key-two').open(sealed)).toThrow();
  });
});
