import { waitFor } from '@bangbang/testing';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Browser, chromium, Page } from 'playwright-core';
import { passwordFor } from '../../../deploy/seed/district-data';
import { seedDistrict } from '../../../deploy/seed/district-seed';
import { DEFAULT_MIX } from '../../../deploy/simulator/config';
import { Simulator } from '../../../deploy/simulator/simulator';
import { District, freePort, Headers, Reply } from '../../gateway/test/district';
import { chinaMonth, pct } from '../src/figures/figures-data';

const ROOT = join(__dirname, '../../..');
const SCREENSHOTS = join(__dirname, '../screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOUSEHOLDS = 60;
const KAFKA = { timeoutMs: 60_000 };

/**
 * The administration pages in a real Chromium against the real stack: the demo district seeded
 * through the gateway as `npm start` seeds it (fewer households), a short history of requests
 * taken through their whole story by the simulator so the figures are not empty, then the district,
 * community and auditor at their pages.
 */
describe('the administration console in a browser', () => {
  let d: District;
  let sim: Simulator;
  let browser: Browser;
  let consoleDir: string;
  const month = chinaMonth();

  const shot = (p: Page, name: string) => p.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const ok = (reply: Reply, status = 200) => {
    expect({ status: reply.status, body: reply.body }).toMatchObject({ status });
    return reply.body;
  };
  const as = async (username: string): Promise<Headers> => {
    const res = ok(await d.api('POST', '/auth/login', {}, { username, password: passwordFor(username) }));
    return { authorization: `Bearer ${res.accessToken}` };
  };
  const open = async (username: string): Promise<Page> => {
    const tab = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const p = await tab.newPage();
    await p.goto(`${d.gatewayUrl}/`);
    await p.getByLabel('用户名').fill(username);
    await p.getByLabel('密码').fill(passwordFor(username));
    await p.getByRole('button', { name: /登\s*录/ }).click();
    await p.getByRole('button', { name: '退出登录' }).waitFor();
    return p;
  };

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'bangbang-console-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    const [smsPort, webhookPort] = [await freePort(), await freePort()];
    // The gateway decides at start whether it serves a console, so the build comes first.
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'services/console/vite.config.mts', '--outDir', consoleDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT });
    [d, browser] = await Promise.all([
      District.start({
        gateway: { CONSOLE_DIR: consoleDir },
        request: { SMS_GATEWAY_URL: `http://127.0.0.1:${smsPort}/sms`, NOTIFY_RETRY_MAX_MS: '1000' },
        dispatch: { DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '3000', DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS: '4000' },
      }),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
    await seedDistrict({ gatewayUrl: d.gatewayUrl, households: HOUSEHOLDS });
    sim = new Simulator({ gatewayUrl: d.gatewayUrl, rate: 0, minutes: 0, seed: 7, timeFactor: 1 / 600, households: HOUSEHOLDS, history: 24, smsPort, webhookPort, drainSeconds: 60, mix: DEFAULT_MIX, quiet: true });
    await sim.start();
    await sim.run();
    await sim.close();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await d?.stop();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });

  it("shows the district admin every street's month on one page, equal to the rating service's figures", async () => {
    const admin = await as('district.admin');
    await waitFor(async () => {
      const r = await d.api('GET', `/api/rating/figures?level=district&month=${month}`, admin);
      return r.status === 200 && r.body[0]?.counts.ratings > 0;
    }, { ...KAFKA, what: 'ratings to reach the figures' });
    const page = await open('district.admin');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    const table = page.getByTestId('month-rates');
    const streets: Array<{ code: string; name: string; responseRate: number | null; resolutionRate: number | null; teamSatisfaction: number | null; composite: number | null; counts: { breaches: number } }> = ok(
      await d.api('GET', `/api/rating/figures?level=street&month=${month}`, admin),
    );
    expect(streets.length).toBe(6);
    expect(streets.some((s) => s.composite !== null)).toBe(true);
    for (const s of streets) {
      const row = table.locator(`tr[data-row-key="${s.code}"] td`);
      await row.first().filter({ hasText: s.name }).waitFor();
      expect(await row.allTextContents()).toEqual([s.name, pct(s.responseRate), pct(s.resolutionRate), pct(s.teamSatisfaction), pct(s.composite), expect.any(String), expect.any(String), expect.any(String), String(s.counts.breaches)]);
    }
    expect(await page.getByTestId('month-rates-chart').locator('canvas').count()).toBe(1);
    await page.getByTestId('trends').locator('tbody tr').first().waitFor();
    await shot(page, '10-figures');
    const csv = page.waitForEvent('download');
    await table.getByRole('button', { name: '导出 CSV' }).click();
    const file = await (await csv).createReadStream();
    const text = (await new Response(file as unknown as ReadableStream).text()).replace(/^\uFEFF/, '');
    for (const s of streets) expect(text).toContain(`${s.name},${pct(s.responseRate)},${pct(s.resolutionRate)},${pct(s.teamSatisfaction)},${pct(s.composite)}`);

    await page.getByRole('tab', { name: '对比' }).click();
    await page.getByTestId('compare').locator('tbody tr').first().waitFor();
    await shot(page, '11-figures-compare');
    await page.getByRole('tab', { name: '超时统计' }).click();
    await page.getByTestId('breaches-by-category').locator('tbody tr').first().waitFor();
    await shot(page, '12-figures-breaches');
    await page.getByRole('tab', { name: '红黑榜' }).click();
    await page.getByTestId('red-list').locator('tbody tr').first().waitFor();
    await shot(page, '13-figures-rankings');
    await page.getByRole('tab', { name: '服务方评分' }).click();
    await page.getByTestId('providers').locator('tbody tr').first().waitFor();
    await shot(page, '14-figures-providers');
    await page.context().close();
  });
});
