import { isPublicRoute } from './routes';

describe('public routes', () => {
  it.each([
    ['GET', '/api/merchant/public/providers', true],
    ['GET', '/api/merchant/public/providers/42', true],
    ['POST', '/api/merchant/public/providers', false],
    ['POST', '/api/request/public/bookings', true],
    ['POST', '/api/request/public/bookings/x', true],
    ['POST', '/api/request/public/bookingsX', false],
    ['GET', '/api/request/requests', false],
    ['POST', '/api/rating/public/ratings', true],
    ['GET', '/api/merchant/publicity', false],
  ])('%s %s is public: %s', (method, path, expected) => {
    expect(isPublicRoute(method, path)).toBe(expected);
  });
});
