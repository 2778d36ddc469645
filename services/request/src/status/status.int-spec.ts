import { waitFor } from '@bangbang/testing';
import { RequestHarness, startRequestService } from '../../test/harness';
import { FakeSmsGateway } from '../../test/sms-gateway';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { statusLinkKey, statusToken } from './status-link';

describe('the status link texted after an online booking', () => {
  const sms = new FakeSmsGateway();
  let h: RequestHarness;

  beforeAll(async () => {
    sms.up = true;
    h = await startRequestService({ SMS_GATEWAY_URL: await sms.start(), STATUS_LINK_BASE_URL: 'https://bangbang.example/m/status' });
  });

  afterAll(async () => {
    await h?.stop();
    await sms.stop();
  });

  const post = (url: string, payload: object) => h.app.inject({ method: 'POST', url, payload });
  const get = (url: string) => h.app.inject({ method: 'GET', url });

  /** Books a leak for a new household the way the site does and returns what the resident's phone received. */
  const book = async (phone: string) => {
    await h.household('jincheng', [phone]);
    expect((await post('/public/bookings/verification', { phone })).statusCode).toBe(202);
    const code = await waitFor(async () => sms.bookingCodes(`+86${phone}`)[0], { what: 'the booking code' });
    const booked = await post('/public/bookings', { phone, code, categoryCode: 'water-electric-repair', description: '厨房水龙头漏水' });
    expect(booked.statusCode).toBe(201);
    const [r] = await h.ds.query('SELECT id FROM service_request WHERE number = $1', [booked.json().number]);
    const texted = await waitFor(async () => sms.delivered.find((d) => d.to === `+86${phone}` && d.body.includes('办理进度')), {
      what: 'the status link texted',
    });
    const link = new RegExp(`(https://bangbang\\.example/m/status/${r.id})\\?token=([0-9a-z]+_[A-Za-z0-9_-]{22})$`).exec(texted.body);
    expect(link).not.toBeNull();
    return { id: r.id as string, number: booked.json().number as string, token: link![2] };
  };

  it('shows the stages of its own request without signing in, and keeps only a redacted copy of the text', async () => {
    const { id, number, token } = await book('13800001701');
    const res = await get(`/public/requests/${id}/status?token=${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      number,
      status: 'dispatching',
      categoryName: '水电维修',
      receivedAt: expect.any(String),
      preferredWindow: null,
      providerName: null,
      steps: [
        { status: 'received', at: expect.any(String) },
        { status: 'dispatching', at: expect.any(String) },
      ],
    });
    const [stored] = await h.ds.query(`SELECT body FROM notification WHERE request_id = $1 AND template = 'status_link'`, [id]);
    expect(stored.body).toContain('?token=[redacted]');
    expect(stored.body).not.toContain(token);
  });

  it('opens nothing with another request’s token, a changed token or an expired one, and names the field', async () => {
    const first = await book('13800001702');
    const second = await book('13800001703');
    const other = await get(`/public/requests/${second.id}/status?token=${first.token}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toMatch(/^token: /);
    const flipped = first.token.slice(0, -1) + (first.token.endsWith('A') ? 'B' : 'A');
    expect((await get(`/public/requests/${first.id}/status?token=${flipped}`)).statusCode).toBe(404);

    const { NOTIFICATION_KEY } = h.app.get<RequestConfig>(REQUEST_CONFIG);
    const expired = statusToken(statusLinkKey(NOTIFICATION_KEY), first.id, new Date(Date.now() - 1_000));
    const gone = await get(`/public/requests/${first.id}/status?token=${expired}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().message).toMatch(/^token: this link has expired/);

    const malformed = await get(`/public/requests/${first.id}/status?token=abc`);
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify(malformed.json())).toContain('token');
    expect((await get(`/public/requests/not-a-uuid/status?token=${first.token}`)).statusCode).toBe(400);
  });
});
