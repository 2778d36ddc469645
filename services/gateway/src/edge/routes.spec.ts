import { isPublicRoute } from './routes';

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
    ['GET', '/api/merchant/publicity', false],
  ])('%s %s is public: %s', (method, path, expected) => {
    expect(isPublicRoute(method, path)).toBe(expected);
  });
});
