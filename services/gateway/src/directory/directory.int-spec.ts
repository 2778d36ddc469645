import { readTopic } from '@bangbang/testing';
import { bearer, startGateway, TestGateway } from '../../test/gateway-harness';

describe('directory through the gateway', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway();
    // A second community admin, of Huaigu, created by the street admin through the API.
    const res = await gw.app.inject({
      method: 'POST',
      url: '/users',
      headers: bearer(await gw.token('jinxing.admin')),
      payload: {
        username: 'huaigu.admin',
        password: 'pw-huaigu.admin-0123456789',
        displayName: '槐古管理员',
        role: 'community_admin',
        unitCode: 'huaigu',
      },
    });
    expect(res.statusCode).toBe(201);
  });

  afterAll(() => gw?.stop());

  const get = async (user: string, url: string) => gw.app.inject({ method: 'GET', url, headers: bearer(await gw.token(user)) });

  it('shows each role exactly its subtree', async () => {
    const codes = async (user: string) => (await get(user, '/directory/units')).json().map((u: { code: string }) => u.code);
    expect(await codes('district.admin')).toHaveLength(1 + 6 + 6);
    expect(await codes('jinxing.admin')).toEqual(['jinxing', 'huaigu', 'jincheng', 'jinhai', 'jinle', 'jinnan', 'yuemin']);
    expect(await codes('jincheng.admin')).toEqual(['jincheng']);
  });

  it('answers 404, not 403, when community A reads or changes community B', async () => {
    expect((await get('jincheng.admin', '/directory/units/jincheng')).statusCode).toBe(200);
    const read = await get('jincheng.admin', '/directory/units/huaigu');
    expect(read.statusCode).toBe(404);
    expect((await get('jincheng.admin', '/directory/units/no-such-unit')).json()).toEqual({
      ...read.json(),
      message: 'unit no-such-unit not found',
    });

    const token = await gw.token('huaigu.admin');
    const users = (await gw.app.inject({ method: 'GET', url: '/users', headers: bearer(token) })).json();
    const jinchengAdmin = (await get('jincheng.admin', '/auth/me')).json().id;
    expect(users.map((u: { username: string }) => u.username)).toEqual(['huaigu.admin']);
    expect((await get('huaigu.admin', `/users/${jinchengAdmin}`)).statusCode).toBe(404);
  });

  it('answers 404 when a street admin changes another street', async () => {
    const res = await gw.app.inject({
      method: 'PATCH',
      url: '/directory/units/yangming',
      headers: bearer(await gw.token('jinxing.admin')),
      payload: { nameZh: '改名', namePinyin: 'Gaiming' },
    });
    expect(res.statusCode).toBe(404);
    expect((await get('district.admin', '/directory/units/yangming')).json().nameZh).toBe('扬名街道');
  });

  it('answers 403 when a lower role calls a higher role action', async () => {
    const asCommunity = await gw.app.inject({
      method: 'POST',
      url: '/directory/units',
      headers: bearer(await gw.token('jincheng.admin')),
      payload: { code: 'newcomm', level: 'community', parentCode: 'jinxing', nameZh: '新社区', namePinyin: 'Xin Shequ' },
    });
    expect(asCommunity.statusCode).toBe(403);
    const streetMakesStreet = await gw.app.inject({
      method: 'POST',
      url: '/directory/units',
      headers: bearer(await gw.token('jinxing.admin')),
      payload: { code: 'newstreet', level: 'street', parentCode: 'nanchang', nameZh: '新街道', namePinyin: 'Xin Jiedao' },
    });
    expect(streetMakesStreet.statusCode).toBe(403);
    const streetRetiresItself = await gw.app.inject({
      method: 'POST',
      url: '/directory/units/jinxing/retire',
      headers: bearer(await gw.token('jinxing.admin')),
      payload: { reason: 'x' },
    });
    expect(streetRetiresItself.statusCode).toBe(403);
    const grantAbove = await gw.app.inject({
      method: 'POST',
      url: '/users',
      headers: bearer(await gw.token('jincheng.admin')),
      payload: { username: 'sneaky', password: 'pw-0123456789', displayName: 'x', role: 'street_admin', unitCode: 'jincheng' },
    });
    expect(grantAbove.statusCode).toBe(403);
    expect((await get('hotline.agent', '/audit')).statusCode).toBe(403);
    expect(await gw.ds.query(`SELECT code FROM org_unit WHERE code IN ('newcomm', 'newstreet')`)).toEqual([]);
  });

  it('names the field in a 400 and changes nothing', async () => {
    const res = await gw.app.inject({
      method: 'POST',
      url: '/directory/units',
      headers: bearer(await gw.token('district.admin')),
      payload: { code: 'Bad Code!', level: 'community', parentCode: 'jinxing', nameZh: '坏', namePinyin: 'Huai' },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().message)).toMatch(/code must be a lowercase slug/);
    expect(await gw.ds.query(`SELECT count(*)::int AS n FROM org_unit`)).toEqual([{ n: 13 }]);
  });

  it('refuses to retire a unit with active children, naming them', async () => {
    const res = await gw.app.inject({
      method: 'POST',
      url: '/directory/units/jinxing/retire',
      headers: bearer(await gw.token('district.admin')),
      payload: { reason: 'merger' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      'jinxing still has 6 active unit(s) under it (huaigu, jincheng, jinhai, jinle, jinnan, yuemin); retire them first',
    );
  });

  it('publishes creations, renames and retirements on Kafka, keyed by code, with the full state', async () => {
    const admin = bearer(await gw.token('jinxing.admin'));
    const created = await gw.app.inject({
      method: 'POST',
      url: '/directory/units',
      headers: admin,
      payload: { code: 'xinyuan', level: 'community', parentCode: 'jinxing', nameZh: '新苑社区', namePinyin: 'Xinyuan Shequ' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().path).toBe('/nanchang/jinxing/xinyuan/');
    const renamed = await gw.app.inject({
      method: 'PATCH',
      url: '/directory/units/xinyuan',
      headers: admin,
      payload: { nameZh: '新苑北社区', namePinyin: 'Xinyuanbei Shequ' },
    });
    expect(renamed.statusCode).toBe(200);
    const retired = await gw.app.inject({
      method: 'POST',
      url: '/directory/units/xinyuan/retire',
      headers: admin,
      payload: { reason: 'test' },
    });
    expect(retired.json().status).toBe('retired');

    // 13 units from the seed, then the three changes to xinyuan.
    const messages = await readTopic(`${gw.prefix}bangbang.directory`, 16);
    const xinyuan = messages.filter((m) => m.key === 'xinyuan');
    expect(xinyuan.map((m) => m.headers.ce_type)).toEqual([
      'bangbang.directory.unit-created.v1',
      'bangbang.directory.unit-renamed.v1',
      'bangbang.directory.unit-retired.v1',
    ]);
    expect(JSON.parse(xinyuan[2].value)).toEqual({
      code: 'xinyuan',
      level: 'community',
      parentCode: 'jinxing',
      path: '/nanchang/jinxing/xinyuan/',
      nameZh: '新苑北社区',
      namePinyin: 'Xinyuanbei Shequ',
      status: 'retired',
      reason: 'test',
    });
    const audited = await gw.ds.query(`SELECT action FROM audit_record WHERE resource_id = 'xinyuan' ORDER BY occurred_at`);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['unit.created', 'unit.renamed', 'unit.retired']);
  });
});
