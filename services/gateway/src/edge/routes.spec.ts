import { isPublicRoute, mayReadMetrics } from './routes';

describe('public routes', () => {
  it.each([
    ['GET', '/api/merchant/public/providers', true],
    ['GET', '/api/merchant/public/providers/42', true],
    ['POST', '/api/merchant/public/providers', false],
    ['GET', '/api/request/open311/v2/discovery.json', true],
    ['POST', '/api/request/open311/v2/requests.json', true],
    ['DELETE', '/api/request/open311/v2/requests.json', false],
    ['POST', '/api/request/open311/v2x/requests.json', false],
    ['POST', '/api/request/requests', false],
    ['GET', '/api/request/requests', false],
    ['POST', '/api/rating/public/ratings', true],
    ['POST', '/api/request/public/bookings', true],
    ['POST', '/api/request/public/bookings/verification', true],
    ['GET', '/api/request/public/bookings', false],
    ['POST', '/api/request/public/bookingsx', false],
    ['GET', '/api/merchant/publicity', false],
  ])('%s %s is public: %s', (method, path, expected) => {
    expect(isPublicRoute(method, path)).toBe(expected);
  });
});

describe('metrics', () => {
  it.each([
    ['127.0.0.1', true],
    ['::ffff:10.1.2.3', true],
    ['172.20.0.5', true],
    ['192.168.3.4', true],
    ['fd12:3456::1', true],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['2001:db8::1', false],
  ])('from %s: %s', (ip, allowed) => {
    expect(mayReadMetrics(ip)).toBe(allowed);
  });
});
