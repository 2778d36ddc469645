import { getLogger } from '@bangbang/observability';
import { District, freePort } from '../../services/gateway/test/district';
import { seedDistrict } from '../seed/district-seed';
import { DEFAULT_MIX } from './config';
import { SimulationReport, Simulator } from './simulator';

const HOUSEHOLDS = 120;

/**
 * A short run of the simulator against the whole district in this process, seeded as `npm start`
 * seeds it (fewer households): the request service texts the simulator's SMS gateway, the
 * merchant service delivers webhooks to its units' systems on loopback, offers time out in seconds.
 */
describe('the simulator of the people around the district', () => {
  let d: District;
  let sim: Simulator;
  let report: SimulationReport;

  beforeAll(async () => {
    const [smsPort, webhookPort] = [await freePort(), await freePort()];
    d = await District.start({
      request: { SMS_GATEWAY_URL: `http://127.0.0.1:${smsPort}/sms`, NOTIFY_RETRY_MAX_MS: '1000' },
      dispatch: { DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '3000', DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS: '4000' },
      rating: { FOLLOW_UP_AFTER_SECONDS: '5', FOLLOW_UP_POLL_MS: '500' },
    });
    // Some history, so the figures checked at the end hold imported past jobs and live ones together.
    const log = getLogger('simulator-test');
    await seedDistrict({ gatewayUrl: d.gatewayUrl, households: HOUSEHOLDS, history: 30, log: (line) => log.info(`seed: ${line}`) });
    sim = new Simulator({
      gatewayUrl: d.gatewayUrl,
      rate: 60,
      calls: 0,
      minutes: 0.4,
      seed: 42,
      timeFactor: 1 / 600,
      households: HOUSEHOLDS,
      smsPort,
      webhookPort,
      // Ends as soon as every request rests; the bound is for a CI machine running other suites alongside
      // (one such run took 416 s in all and still had two escalated jobs being offered at 180 s; on a
      // machine with half the raw limits, one still had three in the manual queue at 300 s, 551 s in all).
      drainSeconds: 600,
      mix: DEFAULT_MIX,
      quiet: true,
    });
    await sim.start();
    log.info('simulator connected; running');
    report = await sim.run();
    log.info({ did: report.did, saw: report.saw, finalStates: report.finalStates }, 'simulator run done');
  }, 960_000);

  afterAll(async () => {
    await sim?.close();
    await d?.stop();
  });

  it('loses and doubles nothing, and meets no answer its people did not expect', () => {
    expect({ lost: report.lost, duplicated: report.duplicated, problems: report.problems }).toEqual({
      lost: [],
      duplicated: [],
      problems: [],
    });
  });

  it('brings every request to an end state (or the escalation queue), through every channel', () => {
    expect(report.unfinished).toEqual([]);
    expect(Object.keys(report.finalStates).filter((s) => !['closed', 'signed_off', 'cancelled', 'escalated'].includes(s))).toEqual([]);
    expect(sim.requests.length).toBeGreaterThan(15);
    expect(new Set(sim.requests.map((r) => r.channel))).toEqual(new Set(['hotline', 'booking', 'open311']));
    expect(report.finalStates.signed_off ?? 0).toBeGreaterThan(0);
  });

  it('has units and volunteers take jobs, residents rate them, and points posted for every volunteer job', () => {
    expect(report.did['offers accepted (unit)']).toBeGreaterThan(0);
    expect(report.saw['webhook job.offered']).toBeGreaterThan(0);
    const ratings = Object.entries(report.did)
      .filter(([k]) => k.startsWith('ratings: '))
      .reduce((s, [, n]) => s + n, 0);
    expect(ratings).toBeGreaterThan(0);
    // The points check is part of `lost`/`duplicated` above: each signed-off volunteer job has exactly one ledger entry.
    expect(report.lost.filter((l) => l.startsWith('points'))).toEqual([]);
  });

  it("leaves the rating service's figures equal to a recompute", () => {
    expect(report.figuresEqual).toBe(true);
  });
});
