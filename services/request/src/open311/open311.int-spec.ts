import { AuditRecorded, RequestCreatedV2Event } from '@bangbang/contracts';
import { Person, RequestHarness, startRequestService } from '../../test/harness';

const BASE = '/open311/v2';
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
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
    h.app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });

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
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: expect.stringMatching(/\/open311\/v2$/),
          changeset: expect.any(String),
          type: 'production',
          formats: ['application/json'],
        },
      ],
    });
  });

  it('lists the catalogue as services, and defines each', async () => {
    const services = (await get('services.json?jurisdiction_id=nanchang')).json();
    expect(services).toHaveLength(8);
    expect(services[0]).toEqual({
      service_code: 'water-electric-repair',
      service_name: '水电维修',
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: 'Water and electrical repair',
      group: 'home',
    });
    expect(services.filter((s: { metadata: boolean }) => !s.metadata).map((s: { service_code: string }) => s.service_code)).toEqual([
      'policy-consultation',
      'book-lending',
      'job-referral',
    ]);
    const definition = (await get('services/water-electric-repair.json')).json();
    expect(definition).toEqual({
      service_code: 'water-electric-repair',
      attributes: [
        {
          variable: true,
          code: 'problem',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: null,
          order: 1,
          description: expect.any(String),
          values: [
            { key: 'leak', name: '漏水' },
            { key: 'no_water', name: '停水' },
            { key: 'power_cut', name: '断电跳闸' },
            { key: 'socket_switch', name: '插座开关损坏' },
          ],
        },
        {
          variable: true,
          code: 'floor',
          datatype: 'number',
          required: false,
          datatype_description: null,
          order: 2,
          description: expect.any(String),
        },
      ],
    });
    expect((await get('services/book-lending.json')).json()).toEqual({ service_code: 'book-lending', attributes: [] });
    const unknown = await get('services/space-travel.json');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'service_code: no service space-travel' }]);
  });

  it('creates a request from a form with the api_key, and reads it back', async () => {
    const res = await post({
      api_key: apiKey,
      service_code: 'pipe-unclogging',
      phone: '138-1234-5678',
      description: '厨房下水道堵了',
      'attribute[floor]': '5',
      lat: '31.5',
      long: '120.3',
    });
    expect(res.statusCode).toBe(201);
    const [created] = res.json();
    expect(created).toEqual({
      service_request_id: expect.stringMatching(/^R\d{8}-\d{6}$/),
      service_notice: expect.any(String),
      account_id: null,
    });
    const id = created.service_request_id;
    const [event] = await h.events(RequestCreatedV2Event, 1);
    expect(event.data).toMatchObject({ number: id, orgPath: '/nanchang/jinxing/jincheng/', categoryCode: 'pipe-unclogging' });

    const mine = (await get(`requests/${id}.json?api_key=${apiKey}`)).json();
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]).sort()).toEqual(REQUEST_FIELDS);
    expect(mine[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: 'dispatching',
      service_code: 'pipe-unclogging',
      service_name: '管道疏通',
      description: '厨房下水道堵了',
      address: '金城社区12栋****',
      address_id: home.id,
      lat: 31.5689,
      long: 120.3017,
    });
    const stranger = (await get(`requests/${id}.json`)).json()[0];
    expect(stranger).toMatchObject({
      service_request_id: id,
      status: 'open',
      description: null,
      lat: null,
      address_id: null,
      address: '金城社区',
    });

    const listed = (await get(`requests.json?service_request_id=${id}`)).json();
    expect(listed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    expect((await get('requests.json?status=closed')).json()).toEqual([]);
    expect((await get('requests.json?status=open&service_code=pipe-unclogging')).json()).toHaveLength(1);
  });

  it.each([
    ['a wrong api_key', { api_key: 'o311_wrong', service_code: 'pipe-unclogging', phone: '13812345678' }, 403, /Invalid api_key/],
    ['no service_code', { api_key: 'KEY', phone: '13812345678' }, 400, /service_code/],
    ['an unknown service_code', { api_key: 'KEY', service_code: 'space-travel', phone: '13812345678' }, 400, /^service_code: /],
    ['no household and no address', { api_key: 'KEY', service_code: 'pipe-unclogging' }, 400, /^address_string: /],
    [
      'an unknown phone and no address',
      { api_key: 'KEY', service_code: 'pipe-unclogging', phone: '13700001111' },
      400,
      /^address_string: /,
    ],
    ['lat without long', { api_key: 'KEY', service_code: 'pipe-unclogging', lat: '31.5' }, 400, /^long: /],
    ['a latitude off the globe', { api_key: 'KEY', service_code: 'pipe-unclogging', lat: '131.5', long: '120.3' }, 400, /^lat: /],
    [
      'a missing required attribute',
      { api_key: 'KEY', service_code: 'water-electric-repair', phone: '13812345678' },
      400,
      /^attribute\[problem\]: required/,
    ],
    [
      "a value outside the attribute's list",
      { api_key: 'KEY', service_code: 'water-electric-repair', phone: '13812345678', 'attribute[problem]': 'fire' },
      400,
      /^attribute\[problem\]: must be one of/,
    ],
    [
      'an attribute the service does not ask',
      { api_key: 'KEY', service_code: 'book-lending', phone: '13812345678', 'attribute[floor]': '3' },
      400,
      /^attribute\[floor\]: book-lending asks no floor/,
    ],
    [
      "a jurisdiction outside the client's area",
      { api_key: 'KEY', service_code: 'pipe-unclogging', phone: '13812345678', jurisdiction_id: 'atlantis' },
      404,
      /^jurisdiction_id: /,
    ],
    ['a malformed phone', { api_key: 'KEY', service_code: 'pipe-unclogging', phone: '12345' }, 400, /^phone: /],
    [
      'a household of an unknown id',
      { api_key: 'KEY', service_code: 'pipe-unclogging', address_id: '7c1e0d9a-0000-4000-8000-000000000000' },
      400,
      /^address_id: /,
    ],
    [
      'an oversized description',
      { api_key: 'KEY', service_code: 'pipe-unclogging', phone: '13812345678', description: 'x'.repeat(2001) },
      400,
      /description/,
    ],
    ['an unknown field', { api_key: 'KEY', service_code: 'pipe-unclogging', phone: '13812345678', priority: 'high' }, 400, /priority/],
  ])('refuses %s with GeoReport errors, storing nothing', async (_, form, status, message) => {
    const before = [await h.count('service_request'), await h.count('household')];
    const res = await post(Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v === 'KEY' ? apiKey : v])));
    expect(res.statusCode).toBe(status);
    const errors = res.json();
    expect(errors).toEqual(expect.arrayContaining([{ code: status, description: expect.stringMatching(message) }]));
    expect(errors.every((e: object) => Object.keys(e).sort().join() === 'code,description')).toBe(true);
    expect([await h.count('service_request'), await h.count('household')]).toEqual(before);
  });

  const created = async (form: Record<string, string>) => {
    const res = await post({ api_key: apiKey, ...form });
    expect(res.statusCode).toBe(201);
    const [{ service_request_id: number, service_notice }] = res.json();
    const [event] = await h.events(RequestCreatedV2Event, 1, (d) => d.number === number);
    return { number, notice: service_notice as string, event: event.data };
  };
  const queue = async (person: Person, filter = 'true') => {
    const res = await h.call(person, 'GET', `/requests?provisional=${filter}`);
    expect(res.statusCode).toBe(200);
    return res.json() as Array<{ id: string; number: string; householdId: string; provisionalHousehold: boolean; orgPath: string }>;
  };

  it('takes a report from someone not registered, with only an address and a description, into the covering community as provisional', async () => {
    const { number, notice, event } = await created({
      service_code: 'pipe-unclogging',
      address_string: '无锡市梁溪区槐古新村8号楼2单元301',
      description: '楼道下水管堵了',
    });
    expect(notice).toMatch(/核实/);
    expect(event).toMatchObject({ orgPath: '/nanchang/jinxing/huaigu/', communityId: 'huaigu', categoryCode: 'pipe-unclogging' });
    expect(event).not.toHaveProperty('summary');

    const waiting = await queue('huaiguAdmin');
    expect(waiting.map((r) => r.number)).toEqual([number]);
    expect(waiting[0]).toMatchObject({ provisionalHousehold: true, status: 'dispatching', channel: 'open311', communityCode: 'huaigu' });
    expect(await queue('jinchengAdmin')).toEqual([]);
    const householdId = waiting[0].householdId;
    expect((await h.call('huaiguAdmin', 'GET', '/households/provisional')).json()).toEqual([
      expect.objectContaining({
        id: householdId,
        provisional: true,
        placedBy: 'community-name',
        residents: [],
        address: '无锡市梁溪区槐古新村8号楼****',
      }),
    ]);
    expect((await h.call('jinchengAdmin', 'POST', `/households/${householdId}/verify`, {})).statusCode).toBe(404);

    const verified = await h.call('huaiguAdmin', 'POST', `/households/${householdId}/verify`, {
      address: '无锡市梁溪区金星街道槐古社区槐古新村8号楼2单元301室',
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      provisional: false,
      verifiedBy: 'huaigu-admin',
      communityCode: 'huaigu',
      address: '槐古社区槐古新村8号楼****',
    });
    const [audit] = await h.events(AuditRecorded.request, 1, (d) => d.action === 'household.verified');
    expect(audit.data).toMatchObject({ actorId: 'huaigu-admin', resourceId: householdId });
    expect(await queue('huaiguAdmin')).toEqual([]);
    expect((await queue('huaiguAdmin', 'false')).map((r) => r.number)).toEqual([number]);
    expect((await h.call('huaiguAdmin', 'GET', `/requests/${waiting[0].id}`)).json()).toMatchObject({ provisionalHousehold: false });
    expect((await h.call('huaiguAdmin', 'POST', `/households/${householdId}/verify`, {})).statusCode).toBe(409);
  });

  it('places a reporter by the registered households near their point, keeps the answers, and files their next report on the same household', async () => {
    const form = {
      service_code: 'water-electric-repair',
      'attribute[problem]': 'leak',
      'attribute[floor]': '3',
      phone: '137-0000-1111',
      last_name: '陈',
      first_name: '红',
      description: '厨房水管漏水',
    };
    const first = await created({ ...form, lat: '31.5693', long: '120.3017' });
    expect(first.event).toMatchObject({ orgPath: '/nanchang/jinxing/jincheng/', location: { lat: 31.57, lng: 120.3 } });
    const [waiting] = (await queue('jinchengAdmin')).filter((r) => r.number === first.number);
    const detail = (await h.call('jinchengAdmin', 'GET', `/requests/${waiting.id}`)).json();
    expect(detail).toMatchObject({ provisionalHousehold: true, attributes: { problem: 'leak', floor: '3' } });
    const household = (await h.call('jinchengAdmin', 'GET', `/households/${waiting.householdId}`)).json();
    expect(household).toMatchObject({ provisional: true, placedBy: 'neighbours', residents: [{ name: '陈红', phones: ['137****1111'] }] });

    const again = await created({ ...form, address_string: '人民中路100号' });
    const [next] = (await queue('jinchengAdmin')).filter((r) => r.number === again.number);
    expect(next.householdId).toBe(waiting.householdId);

    const verified = await h.call('agent', 'POST', `/households/${waiting.householdId}/verify`, {
      residentName: '陈小红',
      lat: 31.5694,
      lng: 120.3018,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ provisional: false, verifiedBy: 'agent-1', residents: [{ name: '陈小红' }] });
  });

  it('leaves a report it cannot place in the district’s queue, for the district’s staff to place', async () => {
    const { number, event } = await created({ service_code: 'book-lending', address_string: '人民中路100号', description: '想借几本书' });
    expect(event).toMatchObject({ orgPath: '/nanchang/', communityId: 'nanchang' });
    const [waiting] = (await queue('districtAdmin')).filter((r) => r.number === number);
    expect(waiting).toMatchObject({ provisionalHousehold: true, orgPath: '/nanchang/' });
    expect((await h.call('jinchengAdmin', 'GET', '/requests')).json().map((r: { number: string }) => r.number)).not.toContain(number);
    expect((await h.call('jinchengAdmin', 'POST', `/households/${waiting.householdId}/verify`, {})).statusCode).toBe(404);

    const unplaced = await h.call('districtAdmin', 'POST', `/households/${waiting.householdId}/verify`, {});
    expect(unplaced.statusCode).toBe(400);
    expect(unplaced.json().message).toMatch(/^communityCode: /);
    const placed = await h.call('districtAdmin', 'POST', `/households/${waiting.householdId}/verify`, { communityCode: 'yinxiu' });
    expect(placed.json()).toMatchObject({ provisional: false, communityCode: 'yinxiu' });
    expect((await h.call('districtAdmin', 'GET', `/requests/${waiting.id}`)).json()).toMatchObject({
      provisionalHousehold: false,
      orgPath: '/nanchang/',
    });
  });

  it('answers an unknown request id with a GeoReport 404, and stops taking a revoked key', async () => {
    expect((await get('requests/R20990101-000001.json')).json()).toEqual([
      { code: 404, description: 'service_request_id: no request R20990101-000001' },
    ]);
    const [client] = (await h.call('districtAdmin', 'GET', '/open311-clients')).json();
    expect((await h.call('districtAdmin', 'POST', `/open311-clients/${client.id}/revoke`)).statusCode).toBe(201);
    expect((await post({ api_key: apiKey, service_code: 'pipe-unclogging', phone: '13812345678' })).statusCode).toBe(403);
  });
});
