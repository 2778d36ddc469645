import { JobAssigned } from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { RequestHarness, startRequestService } from '../../test/harness';

const BASE = '/open311/v2';
const DAY = 86_400_000;

type Row = {
  service_request_id: string;
  address: string | null;
  agency_responsible: string | null;
  description: string | null;
  lat: number | null;
};

/** What GeoReport v2 shows to a stranger (no api_key) and to the client that filed a request. */
describe('Open311 public reads', () => {
  let h: RequestHarness;
  let keyA: string;
  let keyB: string;
  let repair: string;
  let byVolunteer: string;
  let haircut: string;
  let old: string;
  let yinxiu: string;

  const get = (url: string) => h.app.inject({ method: 'GET', url: `${BASE}/${url}` });
  const post = (form: Record<string, string>) =>
    h.app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
  const file = async (key: string, phone: string, service_code: string, attributes: Record<string, string> = {}) => {
    const res = await post({ api_key: key, service_code, phone, description: `${service_code} 请上门`, ...attributes });
    expect(res.statusCode).toBe(201);
    return res.json()[0].service_request_id as string;
  };
  const ids = (rows: Row[]) => rows.map((r) => r.service_request_id).sort();
  const idOf = async (number: string) => (await h.ds.query('SELECT id FROM service_request WHERE number = $1', [number]))[0].id as string;

  beforeAll(async () => {
    h = await startRequestService();
    await h.household('jincheng', ['13812345678'], { lat: 31.5689, lng: 120.3017 });
    await h.household('yinxiu', ['13912345678']);
    const issue = async (name: string) => (await h.call('districtAdmin', 'POST', '/open311-clients', { name })).json().apiKey as string;
    keyA = await issue('金星街道微信公众号');
    keyB = await issue('扬名街道小程序');
    repair = await file(keyA, '13812345678', 'water-electric-repair', { 'attribute[problem]': 'leak' });
    byVolunteer = await file(keyA, '13812345678', 'appliance-repair', { 'attribute[appliance]': 'fridge' });
    haircut = await file(keyA, '13812345678', 'home-haircut', { 'attribute[mobility]': 'bedridden' });
    old = await file(keyA, '13812345678', 'pipe-unclogging');
    yinxiu = await file(keyB, '13912345678', 'pipe-unclogging');
    await h.ds.query("UPDATE service_request SET received_at = received_at - interval '200 days' WHERE number = $1", [old]);

    const volunteerJob = await idOf(byVolunteer);
    await h.produce(JobAssigned, volunteerJob, {
      requestId: volunteerJob,
      orgPath: '/nanchang/jinxing/jincheng/',
      categoryCode: 'appliance-repair',
      at: new Date().toISOString(),
      providerId: 'v-0007',
      providerKind: 'volunteer',
      providerName: '张建国',
      responseDueAt: new Date(Date.now() + DAY).toISOString(),
    });
    await waitFor(
      async () => (await h.ds.query(`SELECT 1 FROM service_request WHERE number = $1 AND status = 'assigned'`, [byVolunteer])).length > 0,
      { what: 'the volunteer assigned' },
    );
  });

  afterAll(() => h?.stop());

  it('shows a stranger the community, never the building or the flat', async () => {
    const [r] = (await get(`requests/${repair}.json`)).json();
    expect(r).toMatchObject({
      service_request_id: repair,
      address: '金城社区',
      lat: null,
      long: null,
      description: null,
      address_id: null,
    });
    const listed: Row[] = (await get('requests.json')).json();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((x) => x.address === '金城社区' || x.address === '隐秀社区')).toBe(true);
  });

  it('never names a volunteer to a stranger, while the filing client sees who is coming', async () => {
    const [stranger] = (await get(`requests/${byVolunteer}.json`)).json();
    expect(stranger.agency_responsible).toBe('志愿者');
    expect(JSON.stringify((await get('requests.json')).json())).not.toContain('张建国');
    const [own] = (await get(`requests/${byVolunteer}.json?api_key=${keyA}`)).json();
    expect(own.agency_responsible).toBe('张建国');
  });

  it('keeps sensitive categories (home care) from strangers altogether', async () => {
    expect(ids((await get('requests.json')).json())).not.toContain(haircut);
    const one = await get(`requests/${haircut}.json`);
    expect(one.statusCode).toBe(404);
    expect(one.json()).toEqual([{ code: 404, description: `service_request_id: no request ${haircut}` }]);
    expect((await get(`requests/${haircut}.json?api_key=${keyA}`)).json()[0]).toMatchObject({
      service_request_id: haircut,
      service_code: 'home-haircut',
    });
  });

  it('bounds the date range to 90 days', async () => {
    const wide = await get('requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z');
    expect(wide.statusCode).toBe(400);
    expect(wide.json()).toEqual([{ code: 400, description: expect.stringMatching(/^start_date: .*90 days/) }]);
    const backwards = await get('requests.json?start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z');
    expect(backwards.statusCode).toBe(400);
    expect(ids((await get('requests.json')).json())).not.toContain(old);
    const longAgo = new Date(Date.now() - 201 * DAY).toISOString();
    expect(ids((await get(`requests.json?start_date=${longAgo}&api_key=${keyA}`)).json())).toEqual([old]);
  });

  it('serves a bounded page, page_size at most 100', async () => {
    expect((await get('requests.json?page_size=1000')).statusCode).toBe(400);
    const first: Row[] = (await get('requests.json?page_size=2')).json();
    const second: Row[] = (await get('requests.json?page_size=2&page=2')).json();
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(ids([...first, ...second])).toEqual([repair, byVolunteer, yinxiu].sort());
    expect((await get('requests.json?page=0')).statusCode).toBe(400);
  });

  it('honours jurisdiction_id: the requests of that street or community only, an unknown one is 404', async () => {
    expect(ids((await get('requests.json?jurisdiction_id=yangming')).json())).toEqual([yinxiu]);
    expect(ids((await get('requests.json?jurisdiction_id=jincheng')).json())).toEqual([repair, byVolunteer].sort());
    expect(ids((await get('requests.json?jurisdiction_id=nanchang')).json())).toEqual([repair, byVolunteer, yinxiu].sort());
    expect((await get(`requests/${yinxiu}.json?jurisdiction_id=jincheng`)).statusCode).toBe(404);
    const unknown = await get('requests.json?jurisdiction_id=atlantis');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'jurisdiction_id: no jurisdiction atlantis' }]);
    expect((await get('services.json?jurisdiction_id=atlantis')).statusCode).toBe(404);
  });

  it('gives full detail only to the client that filed the request, and only its own requests', async () => {
    const mine: Row[] = (await get(`requests.json?api_key=${keyB}`)).json();
    expect(ids(mine)).toEqual([yinxiu]);
    expect(mine[0].description).toBe('pipe-unclogging 请上门');
    const others = await get(`requests/${repair}.json?api_key=${keyB}`);
    expect(others.statusCode).toBe(404);
    expect(
      (await get(`requests.json?service_request_id=${repair},${yinxiu}&api_key=${keyB}`)).json().map((r: Row) => r.service_request_id),
    ).toEqual([yinxiu]);
    const wrong = await get('requests.json?api_key=o311_not-a-key');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toEqual([{ code: 403, description: expect.stringMatching(/^api_key: /) }]);
  });
});
