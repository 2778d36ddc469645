import { redactSecrets } from '../notifications/templates';
import { checkStatusToken, statusLink, statusLinkKey, statusToken } from './status-link';

describe('the signed status link', () => {
  const key = statusLinkKey('a-notification-key-of-some-length');
  const id = '4a1f8f7e-0d3b-4a57-9a43-5f0f1b2c3d4e';
  const now = new Date('2026-11-27T06:00:00Z');
  const later = new Date('2026-12-27T06:00:00Z');

  it('opens its own request until it expires', () => {
    const token = statusToken(key, id, later);
    expect(checkStatusToken(key, id, token, now)).toBe('valid');
    expect(checkStatusToken(key, id, token, later)).toBe('expired');
  });

  it('opens no other request, and refuses a changed expiry, another key or garbage', () => {
    const token = statusToken(key, id, later);
    expect(checkStatusToken(key, id.replace('4a1f', '4a1e'), token, now)).toBe('invalid');
    const [expiry] = token.split('_', 1);
    const stretched = `${(parseInt(expiry, 36) + 86_400).toString(36)}_${token.slice(expiry.length + 1)}`;
    expect(checkStatusToken(key, id, stretched, now)).toBe('invalid');
    expect(checkStatusToken(statusLinkKey('another-notification-key-xx'), id, token, now)).toBe('invalid');
    expect(checkStatusToken(key, id, 'not-a-token', now)).toBe('invalid');
  });

  it('refuses every other spelling of its signature, even one that decodes to the same bytes', () => {
    const token = statusToken(key, id, later);
    const last = token.at(-1)!;
    // The last base64url character holds 2 bits of the signature and 4 of padding: flipping the lowest padding bit.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBytes = token.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
    expect(Buffer.from(sameBytes.split('_').slice(1).join('_'), 'base64url')).toEqual(
      Buffer.from(token.split('_').slice(1).join('_'), 'base64url'),
    );
    expect(checkStatusToken(key, id, sameBytes, now)).toBe('invalid');
  });

  it('leaves the stored copy of the message without the token', () => {
    const link = statusLink('https://bangbang.example/m/status/', id, statusToken(key, id, later));
    expect(link).toMatch(new RegExp(`^https://bangbang\\.example/m/status/${id}\\?token=[0-9a-z]+_[A-Za-z0-9_-]{22}$`));
    expect(redactSecrets(`查看进度：${link}`)).toBe(`查看进度：https://bangbang.example/m/status/${id}?token=[redacted]`);
  });
});
