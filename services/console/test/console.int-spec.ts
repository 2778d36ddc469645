import { waitFor } from '@bangbang/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { District, Headers } from '../../gateway/test/district';

const ROOT = join(__dirname, '../../..');
const SCREENSHOTS = join(__dirname, '../screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KNOWN_PHONE = '13912345678';
const NEW_PHONE = '13700009999';
const KAFKA = { timeoutMs: 60_000 };
/** The shortest access token the gateway allows, so the console has to refresh during the test. */
const TOKEN_TTL_SECONDS = 60;
const PASSWORDS: Record<string, string> = {
  'hotline.agent': 'bangbang-demo-hotline-agent',
  'jincheng.admin': 'bangbang-demo-jincheng-admin',
  'district.auditor': 'bangbang-demo-district-auditor',
};

/**
 * The console in a real Chromium against the real stack: the six services in this process, the
 * gateway serving the console built from this checkout, the demo district seeded. The steps share
 * one agent's browser tab and run in order, as a shift would.
 */
describe('the web console in a browser', () => {
  let d: District;
  let browser: Browser;
  let agentTab: BrowserContext;
  let page: Page;
  let unit: Headers;
  let consoleDir: string;
  let newRequest: { id: string; number: string };

  const shot = (p: Page, name: string) => p.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const ok = (reply: { status: number; body: any }, status = 200) => {
    expect({ status: reply.status, body: reply.body }).toMatchObject({ status });
    return reply.body;
  };

  /** A fresh sign-in per use: the tokens here live only a minute. */
  const as = async (username: string): Promise<Headers> => {
    const res = ok(await d.api('POST', '/auth/login', {}, { username, password: PASSWORDS[username] }));
    return { authorization: `Bearer ${res.accessToken}` };
  };

  const signIn = async (p: Page, username: string, password = PASSWORDS[username]) => {
    await p.goto(`${d.gatewayUrl}/`);
    await p.getByLabel('用户名').fill(username);
    await p.getByLabel('密码').fill(password);
    await p.getByRole('button', { name: /登\s*录/ }).click();
  };

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'bangbang-console-'));
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'services/console/vite.config.mts', '--outDir', consoleDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT });
    mkdirSync(SCREENSHOTS, { recursive: true });
    [d, browser] = await Promise.all([
      District.start({ gateway: { CONSOLE_DIR: consoleDir, ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS) } }),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
    const agent = await as('hotline.agent');
    const admin = await as('jincheng.admin');
    await waitFor(async () => (await d.api('GET', '/api/request/catalogue/categories?community=jincheng', agent)).status === 200, { ...KAFKA, what: 'the request service to know Jincheng' });
    ok(await d.api('POST', '/api/request/households', agent, {
      communityCode: 'jincheng',
      address: '无锡市梁溪区金星街道金城社区12栋3单元502室',
      residents: [{ name: '王阿姨', phones: [KNOWN_PHONE], tags: ['elderly_living_alone'] }],
    }), 201);

    // A partner unit that takes water-and-power jobs through its API key, acting when the test says.
    const applied = ok(await d.api('POST', '/api/merchant/units', admin, {
      orgPath: '/nanchang/jinxing/jincheng/', kind: 'merchant', legalName: '无锡金城水电维修部', displayName: '金城水电', licenceNo: '92320213MA1E2E001',
      contactName: '王师傅', contactPhone: '13812345678', serviceHours: { always: true, windows: [] }, maxConcurrentJobs: 3, takesFreeJobs: true, reason: 'applied at the community office',
    }), 201);
    for (const to of ['verified', 'active']) ok(await d.api('POST', `/api/merchant/units/${applied.id}/status`, admin, { to, reason: 'licence checked on a site visit' }), 201);
    ok(await d.api('PUT', `/api/merchant/units/${applied.id}/offerings/water-electric-repair`, admin, { description: '水电维修', priceMinFen: 2_000, priceMaxFen: 6_000 }));
    const { apiKey } = ok(await d.api('POST', `/api/merchant/units/${applied.id}/api-keys`, admin), 201);
    unit = { 'x-api-key': apiKey };
    await waitFor(async () => (await d.api('GET', '/api/merchant/me', unit)).status === 200, { ...KAFKA, what: 'the gateway to know the API key' });
    await waitFor(async () => (await d.db('dispatch').query(`SELECT 1 FROM dispatch_provider WHERE provider_id = $1 AND active`, [applied.id])).length > 0, { ...KAFKA, what: 'dispatch to know the unit' });

    agentTab = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await agentTab.newPage();
  }, 240_000);

  afterAll(async () => {
    await agentTab?.close();
    await browser?.close();
    await d?.stop();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });

  it('serves the console at / with revalidated pages and immutable hashed assets, and deep links land in the app', async () => {
    const index = await fetch(`${d.gatewayUrl}/requests/anything`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${d.gatewayUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${d.gatewayUrl}/no-such-api`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('refuses a wrong password plainly, then signs the agent in to the workspace', async () => {
    await signIn(page, 'hotline.agent', 'wrong-password-123');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码不正确');
    await shot(page, '01-sign-in');
    await signIn(page, 'hotline.agent');
    await page.getByPlaceholder(/来电号码或后 4 位/).waitFor();
    expect(await page.getByText('话务员 李娜').count()).toBe(1);
    await page.getByTestId('live-status').filter({ hasText: '实时更新' }).waitFor();
  });

  it('pops the household of a known number, masked, and unmasks it with a stated purpose', async () => {
    await page.keyboard.press('F2');
    await page.keyboard.type(KNOWN_PHONE);
    await page.keyboard.press('Enter');
    const card = page.getByTestId('caller-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('王阿姨');
    expect(await card.textContent()).toContain('139****5678');
    expect(await card.textContent()).toContain('高龄空巢');
    expect(await card.textContent()).toContain('低偿服务');
    await shot(page, '02-screen-pop');
    await card.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByLabel('查看用途').fill('回拨居民确认诉求');
    await page.getByRole('button', { name: /查\s*看/ }).last().click();
    await card.getByText('139 1234 5678').waitFor();
    expect(await card.getByTestId('household-address').textContent()).toContain('502室');
  });

  it('registers an unknown caller inline and logs a repair that appears on the board at once', async () => {
    await page.getByRole('button', { name: '结束本次来电' }).click();
    await page.keyboard.press('F2');
    await page.keyboard.type(NEW_PHONE);
    await page.keyboard.press('Enter');
    await page.getByTestId('unknown-caller').waitFor();
    const form = page.getByTestId('register-household');
    await form.getByLabel('所属社区').click();
    await page.getByTitle('金城社区').click();
    await form.getByLabel('住址').fill('金城社区8栋1单元302室');
    await form.getByLabel('来电人称呼').fill('张先生');
    // The service's refusal lands under the field it names.
    await form.getByLabel('联系电话').fill('12345');
    await form.getByRole('button', { name: '登记并选为来电户' }).click();
    await form.locator('.ant-form-item-explain-error', { hasText: '12345 is not a phone number' }).waitFor();
    await shot(page, '03-register-household');
    await form.getByLabel('联系电话').fill(NEW_PHONE);
    await form.getByRole('button', { name: '登记并选为来电户' }).click();
    await page.getByTestId('caller-card').filter({ hasText: '张先生' }).waitFor();

    const intake = page.getByTestId('intake');
    await intake.getByLabel('服务类别').click();
    await page.getByTitle(/^水电维修/).click();
    const description = intake.getByLabel('诉求描述');
    await description.fill('厨房插座没电，跳闸推不上去');
    // The answer is lost on the way back: the form says so and keeps every word, and the resubmit
    // (same Idempotency-Key) logs nothing twice.
    await page.route('**/api/request/requests', async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    }, { times: 1 });
    await description.press('Enter');
    await intake.getByRole('alert').filter({ hasText: '网络连接失败' }).waitFor();
    expect(await description.inputValue()).toBe('厨房插座没电，跳闸推不上去');
    await description.press('Enter');
    const done = intake.getByText(/^已受理 R\d{8}-\d{6}$/);
    await done.waitFor();
    const number = (await done.textContent())!.replace('已受理 ', '');
    await page.getByTestId('caller-card').getByRole('link', { name: number }).waitFor();
    await shot(page, '04-intake-logged');
    const list = ok(await d.api('GET', '/api/request/requests', await as('hotline.agent')));
    expect(list.filter((r: { description: string }) => r.description === '厨房插座没电，跳闸推不上去').map((r: { number: string }) => r.number)).toEqual([number]);
    newRequest = list.find((r: { number: string }) => r.number === number);

    await page.getByRole('menuitem', { name: '工单看板' }).click();
    await page.locator(`[data-number="${number}"]`).waitFor();
  });

  it('moves the card on the board as the partner unit accepts and arrives, without a reload', async () => {
    const card = page.locator(`[data-number="${newRequest.number}"]`);
    const offer = await waitFor(async () => {
      const r = await d.api('GET', '/api/dispatch/offers', unit);
      return r.status === 200 && r.body.find((o: { requestId: string; status: string }) => o.requestId === newRequest.id && o.status === 'open');
    }, { ...KAFKA, what: 'the offer to reach the unit' });
    await page.getByTestId('column-dispatching').locator(`[data-number="${newRequest.number}"]`).waitFor();
    ok(await d.api('POST', `/api/dispatch/offers/${offer.offerId}/accept`, { ...unit, 'idempotency-key': `accept-${offer.offerId}` }));
    await page.getByTestId('column-assigned').locator(`[data-number="${newRequest.number}"]`).waitFor({ timeout: 30_000 });
    ok(await d.api('POST', `/api/dispatch/jobs/${newRequest.id}/on-site`, unit));
    await page.getByTestId('column-on_site').locator(`[data-number="${newRequest.number}"]`).waitFor({ timeout: 30_000 });
    await shot(page, '05-board');
    await card.getByRole('link').click();
    await page.getByTestId('request-status').filter({ hasText: '已上门' }).waitFor();
    await page.getByText('金城水电').first().waitFor();
    await shot(page, '06-request-detail');
  });

  it('takes the resident\'s complaint off the follow-up queue with the call\'s outcome', async () => {
    const agent = await as('hotline.agent');
    ok(await d.api('POST', `/api/dispatch/jobs/${newRequest.id}/complete`, unit, { priceChargedFen: 3_000, notes: '更换了漏电保护器' }));
    const code = await waitFor(async () => d.sms.signOffCodes(newRequest.number).at(-1), { ...KAFKA, what: 'the sign-off code' });
    ok(await d.api('POST', `/api/request/requests/${newRequest.id}/sign-off`, unit, { code, solved: true }));
    const link = await waitFor(async () => d.sms.ratingLinks(newRequest.id)[0], { ...KAFKA, what: 'the rating link' });
    const rated = await waitFor(async () => {
      const r = await d.api('POST', `/api/rating/public/ratings/${newRequest.id}`, {}, { token: link.token, team: 'dissatisfied', provider: 'satisfied', solved: true });
      return r.status !== 404 && r;
    }, { ...KAFKA, what: 'the rating service to accept the link' });
    expect(rated.status).toBe(201);
    await waitFor(async () => {
      const r = await d.api('GET', '/api/rating/follow-ups?status=open', agent);
      return r.status === 200 && r.body.some((f: { requestId: string }) => f.requestId === newRequest.id);
    }, { ...KAFKA, what: 'the complaint to be queued for a call back' });

    await page.getByRole('menuitem', { name: '回访队列' }).click();
    const row = page.locator('tr', { hasText: '不满意' });
    await row.waitFor();
    expect(await row.textContent()).toContain('水电维修');
    await shot(page, '09-follow-ups');
    await row.getByRole('button', { name: '记录回访' }).click();
    await page.getByLabel('回访记录').fill('居民反映师傅迟到半小时，已致歉');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('回访队列已清空').waitFor();
    const closed = ok(await d.api('GET', '/api/rating/follow-ups?status=closed', await as('hotline.agent')));
    expect(closed.find((f: { requestId: string }) => f.requestId === newRequest.id)).toMatchObject({ result: 'reached', notes: '居民反映师傅迟到半小时，已致歉' });
  });

  it('keeps the agent signed in when the access token expires, and across a reload', async () => {
    const refreshed = await page.waitForResponse((r) => r.url().endsWith('/auth/refresh') && r.status() === 200, { timeout: TOKEN_TTL_SECONDS * 1_000 });
    expect(refreshed.ok()).toBe(true);
    await page.getByRole('menuitem', { name: '坐席工作台' }).click();
    await page.getByTestId('caller-card').filter({ hasText: '张先生' }).waitFor();
    await page.reload();
    await page.getByTestId('caller-card').filter({ hasText: '张先生' }).waitFor();
    expect(await page.getByLabel('用户名').count()).toBe(0);
    await page.getByTestId('live-status').filter({ hasText: '实时更新' }).waitFor();
  });

  it('shows "not found" for a request outside the signed-in scope typed into the address bar', async () => {
    const agent = await as('hotline.agent');
    const huaigu = ok(await d.api('POST', '/api/request/households', agent, { communityCode: 'huaigu', address: '槐古社区3栋2单元101室', residents: [{ name: '李大爷', phones: ['13600001111'] }] }), 201);
    const elsewhere = ok(await d.api('POST', '/api/request/requests', agent, { householdId: huaigu.id, categoryCode: 'book-lending', description: '想借几本历史书' }), 201);
    const adminTab = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const admin = await adminTab.newPage();
    await signIn(admin, 'jincheng.admin');
    await admin.getByRole('menuitem', { name: '工单看板' }).waitFor();
    await admin.goto(`${d.gatewayUrl}/requests/${elsewhere.id}`);
    await admin.getByText('未找到该工单').waitFor();
    await shot(admin, '07-not-found');
    await admin.goto(`${d.gatewayUrl}/requests/${newRequest.id}`);
    await admin.getByTestId('request-number').filter({ hasText: newRequest.number }).waitFor();
    await adminTab.close();
  });

  it('gives the auditor the audit log and the administration pages to read, and signs out', async () => {
    const auditorToken = await as('district.auditor');
    await waitFor(async () => {
      const r = await d.api('GET', '/audit?resource=household', auditorToken);
      return r.status === 200 && r.body.items.some((i: { action: string }) => i.action === 'household.contact-read');
    }, { ...KAFKA, what: 'the unmasked read to reach the audit log' });
    const auditorTab = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const auditor = await auditorTab.newPage();
    await signIn(auditor, 'district.auditor');
    await auditor.getByRole('menuitem', { name: '审计日志' }).waitFor();
    expect(await auditor.getByRole('menuitem').allTextContents()).toEqual(['审计日志', '统计分析', '加盟单位', '志愿者', '积分奖励', '组织管理']);
    await auditor.getByText('household.contact-read').first().waitFor();
    await shot(auditor, '08-audit-log');
    await auditor.getByRole('button', { name: '退出登录' }).click();
    await auditor.getByLabel('用户名').waitFor();
    await auditorTab.close();
  });
});
