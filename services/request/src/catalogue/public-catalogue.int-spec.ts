import { RequestHarness, startRequestService } from '../../test/harness';

describe('the residents’ site catalogue (public)', () => {
  let h: RequestHarness;

  beforeAll(async () => {
    h = await startRequestService();
  });

  afterAll(async () => {
    await h?.stop();
  });

  const get = (url: string) => h.app.inject({ method: 'GET', url });

  it('lists the categories without signing in, and without those the community switched off', async () => {
    const all = await get('/public/catalogue/categories');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toContainEqual({ code: 'policy-consultation', name: '政策咨询', kind: 'consultation', groupCode: 'community' });
    expect(all.json().map((c: { code: string }) => c.code)).toContain('book-lending');

    expect(
      (await h.call('jinchengAdmin', 'PUT', '/catalogue/communities/jincheng/categories/book-lending', { enabled: false })).statusCode,
    ).toBe(200);
    const jincheng = await get('/public/catalogue/categories?community=jincheng');
    expect(jincheng.json().map((c: { code: string }) => c.code)).not.toContain('book-lending');
    expect((await get('/public/catalogue/categories?community=huaigu')).json().map((c: { code: string }) => c.code)).toContain(
      'book-lending',
    );
  });

  it('names the field for a malformed or unknown community', async () => {
    const malformed = await get('/public/catalogue/categories?community=Not%20A%20Code');
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify(malformed.json())).toContain('community');
    const unknown = await get('/public/catalogue/categories?community=atlantis');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/^community: /);
  });

  it('lists the active communities with their street’s name', async () => {
    const res = await get('/public/catalogue/communities');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toContainEqual({
      code: 'jincheng',
      name: expect.any(String),
      orgPath: '/nanchang/jinxing/jincheng/',
      streetName: expect.stringMatching(/.+/),
    });
    expect(res.json().every((c: { orgPath: string }) => c.orgPath.split('/').length === 5)).toBe(true);
  });
});
