import { createHash } from 'node:crypto';
import { hashRatingToken, newRatingToken, ratingLink, redactRatingToken } from './rating-link';

describe('rating link', () => {
  const requestId = '0b7d6b0e-2a8f-4f57-8f0e-0c1d7f5e9a11';

  it('makes unguessable URL-safe tokens of 32 random bytes', () => {
    const tokens = new Set(Array.from({ length: 200 }, newRatingToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
  });

  it('hashes to the lower-case hex SHA-256 the rating service checks', () => {
    const token = newRatingToken();
    expect(hashRatingToken(token)).toBe(createHash('sha256').update(token, 'utf8').digest('hex'));
    expect(hashRatingToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('builds the page URL under the configured base, with or without a trailing slash', () => {
    expect(ratingLink('https://bb.example/api/rating/public/', requestId, 'abc_-1')).toBe(
      `https://bb.example/api/rating/public/rate/${requestId}?token=abc_-1`,
    );
    expect(ratingLink('http://127.0.0.1:3000/api/rating/public', requestId, 'x')).toBe(
      `http://127.0.0.1:3000/api/rating/public/rate/${requestId}?token=x`,
    );
  });

  it('redacts the token and nothing else of a sent message', () => {
    const token = newRatingToken();
    const body = `【帮帮团】单号R20261125-000001请评价：${ratingLink('http://h/p', requestId, token)} 7天内有效`;
    const kept = redactRatingToken(body);
    expect(kept).not.toContain(token);
    expect(kept).toBe(`【帮帮团】单号R20261125-000001请评价：http://h/p/rate/${requestId}?token=[redacted] 7天内有效`);
    expect(redactRatingToken('单号R1签字确认码042917')).toBe('单号R1签字确认码042917');
  });
});
