import { isPublicAuthRoute, isPublicRoute, mayReadMetrics, normalisePath } from './routes';

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
    ['GET', '/api/request/public/catalogue/categories', true],
    ['GET', '/api/request/public/requests/0b7c/status', true],
    ['POST', '/api/request/public/requests/0b7c/status', false],
    ['GET', '/api/request/public/bookings/verification', false],
    ['GET', '/api/volunteer/public/teams', true],
    ['POST', '/api/volunteer/public/teams', false],
    ['GET', '/api/volunteer/teams', false],
  ])('%s %s is public: %s', (method, path, expected) => {
    expect(isPublicRoute(method, path)).toBe(expected);
  });
});

describe('public auth routes', () => {
  it.each([
    ['POST', '/auth/login', true],
    ['POST', '/auth/refresh', true],
    ['POST', '/auth/logout', true],
    ['POST', '/auth/volunteers', true],
    ['GET', '/auth/login', false],
    ['POST', '/auth/me', false],
    ['POST', '/auth/login/x', false],
  ])('%s %s is limited per client address alone: %s', (method, path, expected) => {
    expect(isPublicAuthRoute(method, path)).toBe(expected);
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

describe('the one path every check decides on', () => {
  it.each([
    ['/api/merchant/metrics', '/api/merchant/metrics'],
    ['/%61pi/merchant/metrics?x=%2F', '/api/merchant/metrics'],
    ['/%6Detrics', '/metrics'],
    ['/%6detrics', '/metrics'],
    ['/api/request/%E6%B0%B4', '/api/request/水'],
    ['/api/request/a%3Ab%40c', '/api/request/a:b@c'],
  ])('%s is %s', (url, path) => {
    expect(normalisePath(url)).toEqual({ path });
  });

  it.each([
    '/api/request/echo%2Fx',
    '/api/request/echo%2fx',
    '/api/request/echo%5Cx',
    '/api/request/echo%5cx',
    '/api/request/echo\\x',
    '/api/request/./echo',
    '/api/request/x/../echo',
    '/api/request/%2e%2e/echo',
    '/api/request/%2E/echo',
    '/api/request/.%2E/echo',
    '/api/merchant/public/%2e%2e/units',
    '/%252e%252e/metrics',
    '/%2561pi/merchant/metrics',
    '/api/request/echo%3Fx',
    '/api/request/echo%23x',
    '/api/request/echo%00',
    '/api/request/%E6%B0',
    '/api/request/..',
    'http://elsewhere/api/request/echo',
  ])('refuses %s', (url) => {
    expect(normalisePath(url)).toHaveProperty('refused');
  });
});
