import { AuditRecorded, RequestImported } from '@bangbang/contracts';
import { RequestHarness, startRequestService } from '../../test/harness';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

const record = (ref: string, over: object = {}) => ({
  externalRef: ref,
  phone: '13812340001',
  categoryCode: 'pipe-unclogging',
  description: '厨房下水道堵了',
  receivedAt: ago(24 * 60),
  acceptedAt: ago(24 * 60 - 0.5),
  providerId: 'm-0042',
  providerKind: 'merchant',
  signedOffAt: ago(24 * 60 - 3),
  solved: true,
  rating: { team: 'satisfied', provider: 'basically_satisfied', solved: true, tags: ['punctual'], ratedAt: ago(24 * 60 - 20) },
  ...over,
});

describe('importing a district’s past requests from its previous hotline system', () => {
  let h: RequestHarness;

  beforeAll(async () => {
    h = await startRequestService();
    await h.household('jincheng', ['13812340001'], { name: '王阿姨' });
  });

  afterAll(() => h?.stop());

  it('makes each record a closed request with its own dates, and one imported fact at the original times', async () => {
    const sent = record('HX-1');
    const res = await h.call('districtAdmin', 'POST', '/history-imports', {
      source: 'old-hotline',
      records: [sent, record('HX-2', { rating: undefined, solved: false })],
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ source: 'old-hotline', imported: 2, alreadyImported: 0 });
    const first = view.records[0];
    expect(first.number).toBe(
      `R${new Date(Date.now() + 8 * HOUR - 60 * 24 * HOUR).toISOString().slice(0, 10).replaceAll('-', '')}-${first.number.slice(-6)}`,
    );

    const detail = (await h.call('agent', 'GET', `/requests/${first.requestId}`)).json();
    expect(detail.status).toBe('closed');
    expect(Date.parse(detail.receivedAt)).toBe(Date.parse(sent.receivedAt));
    expect(detail.timeline.map((t: { action: string; to: string }) => `${t.action}→${t.to}`)).toEqual([
      'receive→received',
      'assign→assigned',
      'sign_off→signed_off',
      'close→closed',
    ]);

    const [fact] = await h.events(RequestImported, 1, (d) => d.requestId === first.requestId);
    expect(fact.data).toMatchObject({
      source: 'old-hotline',
      externalRef: 'HX-1',
      providerId: 'm-0042',
      solved: true,
      importedBy: 'district-admin',
      rating: { team: 'satisfied', provider: 'basically_satisfied' },
    });
    expect(Date.parse(fact.data.responseDueAt) - Date.parse(fact.data.receivedAt)).toBeGreaterThan(0);
    const audits = await h.events(AuditRecorded.request, 1, (d) => d.action === 'history.imported');
    expect(audits[0].data).toMatchObject({
      actorId: 'district-admin',
      resourceType: 'import_source',
      resourceId: 'old-hotline',
      purpose: '2 past request(s)',
    });
  });

  it('leaves a record imported before as it was: a second import adds nothing', async () => {
    const before = await h.count('service_request');
    const res = await h.call('districtAdmin', 'POST', '/history-imports', {
      source: 'old-hotline',
      records: [record('HX-1'), record('HX-3')],
    });
    expect(res.json()).toMatchObject({
      imported: 1,
      alreadyImported: 1,
      records: [
        { externalRef: 'HX-1', outcome: 'already_imported' },
        { externalRef: 'HX-3', outcome: 'imported' },
      ],
    });
    expect(await h.count('service_request')).toBe(before + 1);
  });

  it('is for the district admin alone', async () => {
    for (const who of ['agent', 'jinchengAdmin', 'auditor', 'plumber'] as const) {
      expect((await h.call(who, 'POST', '/history-imports', { source: 'old-hotline', records: [record('HX-9')] })).statusCode).toBe(403);
    }
  });

  it('refuses a story out of order, in the future, for an unknown caller or a consultation, naming the record and field, and imports nothing of that call', async () => {
    const before = await h.count('service_request');
    const bad = async (over: object, field: RegExp) => {
      const res = await h.call('districtAdmin', 'POST', '/history-imports', {
        source: 'old-hotline',
        records: [record('HX-10'), record('HX-11', over)],
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toMatch(field);
    };
    await bad({ acceptedAt: ago(24 * 61) }, /records\.1\.acceptedAt: before receivedAt/);
    await bad(
      { signedOffAt: new Date(Date.now() + HOUR).toISOString(), rating: undefined },
      /records\.1\.signedOffAt: must be in the past/,
    );
    await bad({ phone: '13900000000' }, /records\.1\.phone: no household/);
    await bad({ categoryCode: 'policy-consultation' }, /records\.1\.categoryCode/);
    await bad({ providerKind: 'plumber' }, /providerKind/);
    const twice = await h.call('districtAdmin', 'POST', '/history-imports', {
      source: 'old-hotline',
      records: [record('HX-12'), record('HX-12')],
    });
    expect(twice.statusCode).toBe(400);
    expect(await h.count('service_request')).toBe(before);
  });
});
