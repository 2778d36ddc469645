import { RequestCreated } from '@bangbang/contracts';
import { RequestHarness, startRequestService } from '../../test/harness';

const BASE = '/open311/v2';
const REQUEST_FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
  'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
].sort();

describe('Open311 GeoReport v2', () => {
  let h: RequestHarness;
  let apiKey: string;
  let home: { id: string };

  beforeAll(async () => {
    h = await startRequestService();
    home = await h.household('jincheng', ['13812345678'], { lat: 31.5689, lng: 120.3017 });
    await h.household('yinxiu', ['13912345678']);
    const client = await h.call('districtAdmin', 'POST', '/open311-clients', { name: '金星街道微信公众号' });
    expect(client.statusCode).toBe(201);
    apiKey = client.json().apiKey;
    expect(client.json()).not.toHaveProperty('keyHash');
  });

  afterAll(() => h?.stop());

  const get = (url: string) => h.app.inject({ method: 'GET', url: `${BASE}/${url}` });
  const post = (form: Record<string, string>) =>
    h.app.inject({ method: 'POST', url: `${BASE}/requests.json`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

  it('only lets a district admin issue keys', async () => {
    expect((await h.call('jinchengAdmin', 'POST', '/open311-clients', { name: 'x app' })).statusCode).toBe(403);
    const listed = (await h.call('districtAdmin', 'GET', '/open311-clients')).json();
    expect(listed).toEqual([expect.objectContaining({ name: '金星街道微信公众号', orgPath: '/nanchang/', revokedAt: null })]);
  });

  it('answers discovery without a token', async () => {
    const res = await get('discovery.json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      changeset: expect.any(String),
      contact: expect.any(String),
      key_service: expect.any(String),
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: expect.stringMatching(/\/open311\/v2$/), changeset: expect.any(String), type: 'production', formats: ['application/json'] }],
    });
  });

  it('lists the catalogue as services, and defines each', async () => {
    const services = (await get('services.json?jurisdiction_id=nanchang')).json();
    expect(services).toHaveLength(8);
    expect(services[0]).toEqual({
      service_code: 'water-electric-repair', service_name: '水电维修', description: expect.any(String), metadata: false, type: 'realtime', keywords: 'Water and electrical repair', group: 'home',
    });
    expect((await get('services/pipe-unclogging.json')).json()).toEqual({ service_code: 'pipe-unclogging', attributes: [] });
    const unknown = await get('services/space-travel.json');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'service_code: no service space-travel' }]);
  });

  it('creates a request from a form with the api_key, and reads it back', async () => {
    const res = await post({ api_key: apiKey, service_code: 'pipe-unclogging', phone: '138-1234-5678', description: '厨房下水道堵了', 'attribute[floor]': '5', lat: '31.5', long: '120.3' });
    expect(res.statusCode).toBe(201);
    const [created] = res.json();
    expect(created).toEqual({ service_request_id: expect.stringMatching(/^R\d{8}-\d{6}$/), service_notice: expect.any(String), account_id: null });
    const id = created.service_request_id;
    const [event] = await h.events(RequestCreated, 1);
    expect(event.data).toMatchObject({ number: id, orgPath: '/nanchang/jinxing/jincheng/', categoryCode: 'pipe-unclogging' });

    const mine = (await get(`requests/${id}.json?api_key=${apiKey}`)).json();
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]).sort()).toEqual(REQUEST_FIELDS);
    expect(mine[0]).toMatchObject({
      service_request_id: id, status: 'open', status_notes: 'dispatching', service_code: 'pipe-unclogging', service_name: '管道疏通',
      description: '厨房下水道堵了', address: '金城社区12栋****', address_id: home.id, lat: 31.5689, long: 120.3017,
    });
    const stranger = (await get(`requests/${id}.json`)).json()[0];
    expect(stranger).toMatchObject({ service_request_id: id, status: 'open', description: null, lat: null, address_id: null, address: '金城社区' });

    const listed = (await get(`requests.json?service_request_id=${id}`)).json();
    expect(listed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    expect((await get('requests.json?status=closed')).json()).toEqual([]);
    expect((await get('requests.json?status=open&service_code=pipe-unclogging')).json()).toHaveLength(1);
  });

  it.each([
    ['a wrong api_key', { api_key: 'o311_wrong', service_code: 'pipe-unclogging', phone: '13812345678' }, 403, /Invalid api_key/],
    ['no service_code', { api_key: 'KEY', phone: '13812345678' }, 400, /service_code/],
    ['an unknown service_code', { api_key: 'KEY', service_code: 'space-travel', phone: '13812345678' }, 400, /^service_code: /],
    ['no household', { api_key: 'KEY', service_code: 'pipe-unclogging' }, 400, /^address_id: /],
    ['a malformed phone', { api_key: 'KEY', service_code: 'pipe-unclogging', phone: '12345' }, 400, /^phone: /],
    ['a household of an unknown id', { api_key: 'KEY', service_code: 'pipe-unclogging', address_id: '7c1e0d9a-0000-4000-8000-000000000000' }, 400, /^address_id: /],
    ['an oversized description', { api_key: 'KEY', service_code: 'pipe-unclogging', phone: '13812345678', description: 'x'.repeat(2001) }, 400, /description/],
    ['an unknown field', { api_key: 'KEY', service_code: 'pipe-unclogging', phone: '13812345678', priority: 'high' }, 400, /priority/],
  ])('refuses %s with GeoReport errors, storing nothing', async (_, form, status, message) => {
    const before = await h.count('service_request');
    const res = await post(Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v === 'KEY' ? apiKey : v])));
    expect(res.statusCode).toBe(status);
    const errors = res.json();
    expect(errors).toEqual(expect.arrayContaining([{ code: status, description: expect.stringMatching(message) }]));
    expect(errors.every((e: object) => Object.keys(e).sort().join() === 'code,description')).toBe(true);
    expect(await h.count('service_request')).toBe(before);
  });

  it('answers an unknown request id with a GeoReport 404, and stops taking a revoked key', async () => {
    expect((await get('requests/R20990101-000001.json')).json()).toEqual([{ code: 404, description: 'service_request_id: no request R20990101-000001' }]);
    const [client] = (await h.call('districtAdmin', 'GET', '/open311-clients')).json();
    expect((await h.call('districtAdmin', 'POST', `/open311-clients/${client.id}/revoke`)).statusCode).toBe(201);
    expect((await post({ api_key: apiKey, service_code: 'pipe-unclogging', phone: '13812345678' })).statusCode).toBe(403);
  });
});
