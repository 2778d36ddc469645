import { waitFor } from '@bangbang/testing';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { District, Headers } from '../../gateway/test/district';
import { PartnerUnitSystem } from './partner-unit';
import { buildConsole, launchChromium, loseNextAnswer, ok, shot } from './browser-kit';

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
  let unit: PartnerUnitSystem;
  let built: { dir: string; remove(): void } | undefined;
  let newRequest: { id: string; number: string };
  let known: { id: string };

  /** A fresh sign-in per use: the tokens here live only a minute. */
  const as = async (username: string): Promise<Headers> => {
    const res = ok(await d.api('POST', '/auth/login', {}, { username, password: PASSWORDS[username] }));
    return { authorization: `Bearer ${res.accessToken}` };
  };

  /** A request logged by the agent through the API, for the steps that start from the detail page. */
  const logRequest = async (categoryCode: string, description: string): Promise<{ id: string; number: string }> =>
    ok(await d.api('POST', '/api/request/requests', await as('hotline.agent'), { householdId: known.id, categoryCode, description }), 201);

  const statusOf = async (id: string): Promise<string> =>
    ok(await d.api('GET', `/api/request/requests/${id}`, await as('hotline.agent'))).status;

  const signIn = async (p: Page, username: string, password = PASSWORDS[username]) => {
    await p.goto(`${d.gatewayUrl}/`);
    await p.getByLabel('用户名').fill(username);
    await p.getByLabel('密码').fill(password);
    await p.getByRole('button', { name: /登\s*录/ }).click();
  };

  beforeAll(async () => {
    built = await buildConsole();
    [d, browser] = await Promise.all([
      District.start({ gateway: { CONSOLE_DIR: built.dir, ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS) } }),
      launchChromium(),
    ]);
    const agent = await as('hotline.agent');
    const admin = await as('jincheng.admin');
    await waitFor(async () => (await d.api('GET', '/api/request/catalogue/categories?community=jincheng', agent)).status === 200, {
      ...KAFKA,
      what: 'the request service to know Jincheng',
    });
    known = ok(
      await d.api('POST', '/api/request/households', agent, {
        communityCode: 'jincheng',
        address: '无锡市梁溪区金星街道金城社区12栋3单元502室',
        residents: [{ name: '王阿姨', phones: [KNOWN_PHONE], tags: ['elderly_living_alone'] }],
      }),
      201,
    );
    // The community admin has checked her subsistence-allowance certificate: her services are free.
    ok(
      await d.api('POST', `/api/request/households/${known.id}/eligibility`, admin, {
        reason: 'subsistence_allowance',
        evidence: '低保证 梁民低保字2026第0311号',
        validUntil: new Date(Date.now() + 300 * 86_400_000).toISOString(),
      }),
      201,
    );
    // A partner unit whose own system takes water-and-power jobs as they are offered and leaves
    // pipe jobs open (for the agent to assign by hand); it visits when the test says.
    unit = await PartnerUnitSystem.start(d, admin, {
      displayName: '金城水电',
      offers: ['water-electric-repair', 'pipe-unclogging'],
      accepts: ['water-electric-repair'],
    });

    agentTab = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await agentTab.newPage();
  }, 240_000);

  afterAll(async () => {
    await unit?.stop();
    await agentTab?.close();
    await browser?.close();
    await d?.stop();
    built?.remove();
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

  it('pops the household of a known number, masked, and unmasks it with a stated purpose, the fee reason with it', async () => {
    await page.keyboard.press('F2');
    // A string: it runs in the page, and this file is compiled without the DOM's types.
    await page.waitForFunction(`document.activeElement?.getAttribute('aria-label') === '来电号码'`);
    await page.keyboard.type(KNOWN_PHONE);
    await page.keyboard.press('Enter');
    const card = page.getByTestId('caller-card');
    await card.waitFor({ timeout: KAFKA.timeoutMs });
    expect(await card.textContent()).toContain('王阿姨');
    expect(await card.textContent()).toContain('139****5678');
    expect(await card.textContent()).toContain('高龄空巢');
    expect(await card.getByTestId('fee-policy').textContent()).toBe('免费服务已登记免费服务资格（原因在查看完整信息后显示）');
    await card.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByLabel('查看用途').fill('回拨居民确认诉求');
    await page
      .getByRole('button', { name: /查\s*看/ })
      .last()
      .click();
    await card.getByText('139 1234 5678').waitFor();
    expect(await card.getByTestId('household-address').textContent()).toContain('502室');
    expect(await card.getByTestId('fee-policy').textContent()).toMatch(/^免费服务低保户，有效期至 \d{4}-\d{2}-\d{2}$/);
    await shot(page, '02-screen-pop');
  });

  it('registers an unknown caller inline and logs a repair with the unit the resident chose, on the board at once', async () => {
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
    // The service's refusal lands under the field it names, in Chinese.
    await form.getByLabel('联系电话').fill('12345');
    await form.getByRole('button', { name: '登记并选为来电户' }).click();
    await form.locator('.ant-form-item-explain-error', { hasText: '不是有效的电话号码（手机号，或带区号的座机）' }).waitFor();
    await shot(page, '03-register-household');
    await form.getByLabel('联系电话').fill(NEW_PHONE);
    // The answer is lost on the way back: the form says so, and the resubmit registers nobody twice.
    await loseNextAnswer(page, '**/api/request/households');
    await form.getByRole('button', { name: '登记并选为来电户' }).click();
    await form.getByRole('alert').filter({ hasText: '网络连接失败' }).waitFor();
    await shot(page, '03b-register-answer-lost');
    await form.getByRole('button', { name: '登记并选为来电户' }).click();
    const card = page.getByTestId('caller-card').filter({ hasText: '张先生' });
    await card.waitFor();
    expect(ok(await d.api('GET', `/api/request/callers?phone=${NEW_PHONE}`, await as('hotline.agent')))).toHaveLength(1);
    expect(await card.getByTestId('fee-policy').textContent()).toBe('低偿服务未登记免费服务资格');

    const intake = page.getByTestId('intake');
    await intake.getByLabel('服务类别').click();
    await page.getByTitle(/^水电维修/).click();
    // The units covering Jincheng for this category, with their price and scorecard.
    const choice = intake.getByTestId('provider-choice');
    await choice.getByText('金城水电').waitFor();
    await choice.getByText('暂无评价').waitFor();
    expect(await choice.textContent()).toContain('¥20–60');
    await choice.getByText('金城水电').click();
    const description = intake.getByLabel('诉求描述');
    await description.fill('厨房插座没电，跳闸推不上去');
    // The answer is lost on the way back: the form says so and keeps every word, and the resubmit
    // (same Idempotency-Key) logs nothing twice.
    await loseNextAnswer(page, '**/api/request/requests');
    await description.press('Enter');
    await intake.getByRole('alert').filter({ hasText: '网络连接失败' }).waitFor();
    expect(await description.inputValue()).toBe('厨房插座没电，跳闸推不上去');
    // The request was logged all the same: the caller's card shows it among the open ones.
    await page
      .getByTestId('caller-card')
      .getByRole('link', { name: /^R\d{8}-\d{6}$/ })
      .waitFor({ timeout: KAFKA.timeoutMs });
    await shot(page, '04-intake');
    await description.press('Enter');
    const done = intake.getByText(/^已受理 R\d{8}-\d{6}$/);
    await done.waitFor();
    const number = (await done.textContent())!.replace('已受理 ', '');
    await page.getByTestId('caller-card').getByRole('link', { name: number }).waitFor();
    await shot(page, '05-intake-logged');
    const list = ok(await d.api('GET', '/api/request/requests', await as('hotline.agent')));
    const logged = list.filter((r: { description: string }) => r.description === '厨房插座没电，跳闸推不上去');
    expect(logged.map((r: { number: string; chosenProviderId: string }) => [r.number, r.chosenProviderId])).toEqual([[number, unit.id]]);
    newRequest = logged[0];

    await page.getByRole('menuitem', { name: '工单看板' }).click();
    await page.locator(`[data-number="${number}"]`).waitFor();
  });

  it("moves the card on the board to assigned and to done as the unit's system acts, without a reload", async () => {
    // The unit's system got the offer by webhook and accepted it through its API key.
    await page.getByTestId('column-assigned').locator(`[data-number="${newRequest.number}"]`).waitFor({ timeout: KAFKA.timeoutMs });
    await unit.arrive(newRequest.id);
    await page.getByTestId('column-on_site').locator(`[data-number="${newRequest.number}"]`).waitFor({ timeout: KAFKA.timeoutMs });
    await unit.complete(newRequest.id);
    await page.getByTestId('column-completed').locator(`[data-number="${newRequest.number}"]`).waitFor({ timeout: KAFKA.timeoutMs });
    await shot(page, '06-board');
    await page.locator(`[data-number="${newRequest.number}"]`).getByRole('link').click();
    await page.getByTestId('request-status').filter({ hasText: '已完工' }).waitFor();
    await page.getByText('金城水电').first().waitFor();
    expect(await page.getByText('居民指定').count()).toBe(1);
    await shot(page, '07-request-detail');
    expect(unit.problems).toEqual([]);
  });

  it('calls the resident back from the follow-up queue; "not solved" sends the job back for a redo', async () => {
    await unit.signOff(newRequest);
    const link = await waitFor(async () => d.sms.ratingLinks(newRequest.id)[0], { ...KAFKA, what: 'the rating link' });
    const rated = await waitFor(
      async () => {
        const r = await d.api(
          'POST',
          `/api/rating/public/ratings/${newRequest.id}`,
          {},
          { token: link.token, team: 'dissatisfied', provider: 'satisfied', solved: true },
        );
        return r.status !== 404 && r;
      },
      { ...KAFKA, what: 'the rating service to accept the link' },
    );
    expect(rated.status).toBe(201);
    await waitFor(
      async () => {
        const r = await d.api('GET', '/api/rating/follow-ups?status=open', await as('hotline.agent'));
        return r.status === 200 && r.body.some((f: { requestId: string }) => f.requestId === newRequest.id);
      },
      { ...KAFKA, what: 'the complaint to be queued for a call back' },
    );

    await page.getByRole('menuitem', { name: '回访队列' }).click();
    const row = page.locator('tr', { hasText: '不满意' });
    await row.waitFor();
    expect(await row.textContent()).toContain('水电维修');
    await row.getByRole('button', { name: '记录回访' }).click();
    const script = page.getByTestId('call-script');
    await script.getByText(`工单 ${newRequest.number}`, { exact: false }).waitFor();
    await script.getByText('居民此前评价：对帮帮团不满意，对服务方满意，已解决').waitFor();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('基本满意').first().click();
    await dialog.getByText('满意', { exact: true }).nth(1).click();
    await dialog.getByText('未解决（返工重办）').click();
    await page.getByLabel('回访记录').fill('插座又跳闸了，居民要求再来看看');
    await shot(page, '10-follow-ups');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    // This call is closed; the resident's "not solved" queues the next call-back, after the redo.
    await page.locator('tr', { hasText: '未解决' }).waitFor();
    expect(await page.locator('tr', { hasText: '不满意' }).count()).toBe(0);
    const closed = ok(await d.api('GET', '/api/rating/follow-ups?status=closed', await as('hotline.agent')));
    expect(closed.find((f: { requestId: string }) => f.requestId === newRequest.id)).toMatchObject({
      result: 'reached',
      notes: '插座又跳闸了，居民要求再来看看',
    });
    const rating = ok(await d.api('GET', `/api/rating/ratings/${newRequest.id}`, await as('hotline.agent')));
    expect(rating.rating).toMatchObject({ team: 'basically_satisfied', provider: 'satisfied', solved: false, channel: 'follow_up_call' });
    // The redo reaches the request service, dispatch offers the job to the same unit again, and it takes it.
    await page.goto(`${d.gatewayUrl}/requests/${newRequest.id}`);
    await page.getByTestId('request-status').filter({ hasText: '已派单' }).waitFor({ timeout: KAFKA.timeoutMs });
    expect((await page.getByText('返工').count()) > 0).toBe(true);
  });

  it('assigns a job by hand from the ranked candidates, then cancels it for the resident', async () => {
    const pipe = await logRequest('pipe-unclogging', '卫生间下水道堵了');
    await waitFor(
      async () => {
        const r = await d.api('GET', '/api/dispatch/offers', unit.headers);
        return (
          r.status === 200 && r.body.some((o: { requestId: string; status: string }) => o.requestId === pipe.id && o.status === 'open')
        );
      },
      { ...KAFKA, what: 'the pipe job to be offered to the unit' },
    );
    await page.goto(`${d.gatewayUrl}/requests/${pipe.id}`);
    await page.getByTestId('request-status').filter({ hasText: '派单中' }).waitFor();
    await page.getByRole('button', { name: '人工派单' }).click();
    const candidates = page.getByTestId('candidates');
    await candidates.getByText('1. 金城水电').waitFor();
    expect(await candidates.textContent()).toMatch(/服务质量 \d+/);
    await candidates.getByText('1. 金城水电').click();
    await page.getByLabel('派单原因').fill('居民点名要金城水电');
    await shot(page, '11-manual-assignment');
    // The dialog's own answer first: a refusal shows there, and would otherwise only time out below.
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/dispatch/jobs/${pipe.id}/assign`));
    await page
      .getByRole('button', { name: /派\s*单/ })
      .last()
      .click();
    const answer = await answered;
    expect({ status: answer.status(), body: await answer.json() }).toMatchObject({ status: 200 });
    await page.getByTestId('request-status').filter({ hasText: '已派单' }).waitFor({ timeout: KAFKA.timeoutMs });
    const job = ok(await d.api('GET', `/api/dispatch/jobs/${pipe.id}`, await as('hotline.agent')));
    expect(job).toMatchObject({ state: 'assigned', provider: { id: unit.id, name: '金城水电' } });

    await page.getByRole('button', { name: '取消工单' }).click();
    await page.getByLabel('原因').fill('居民自己疏通好了');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('request-status').filter({ hasText: '已取消' }).waitFor();
    await page.getByText('居民要求取消：居民自己疏通好了').waitFor();
    expect(await statusOf(pipe.id)).toBe('cancelled');
  });

  it('reopens a signed-off job for a redo from its detail page', async () => {
    const repair = await logRequest('water-electric-repair', '卫生间灯不亮');
    await waitFor(
      async () => (await d.api('GET', `/api/dispatch/jobs/${repair.id}`, await as('hotline.agent'))).body?.state === 'assigned',
      { ...KAFKA, what: 'the unit to take the job' },
    );
    await unit.visit(repair);
    await page.goto(`${d.gatewayUrl}/requests/${repair.id}`);
    await page.getByTestId('request-status').filter({ hasText: '已签字确认' }).waitFor({ timeout: KAFKA.timeoutMs });
    await page.getByRole('button', { name: '返工重办' }).click();
    await page.getByLabel('原因').fill('居民来电：灯又不亮了');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page
      .getByTestId('request-status')
      .filter({ hasText: /派单中|已派单/ })
      .waitFor({ timeout: KAFKA.timeoutMs });
    expect(['dispatching', 'assigned']).toContain(await statusOf(repair.id));
    await shot(page, '12-redo');
    expect(unit.problems).toEqual([]);
  });

  it('keeps the agent signed in when the access token expires, and across a reload', async () => {
    const refreshed = await page.waitForResponse((r) => r.url().endsWith('/auth/refresh') && r.status() === 200, {
      timeout: TOKEN_TTL_SECONDS * 1_000,
    });
    expect(refreshed.ok()).toBe(true);
    await page.getByRole('menuitem', { name: '坐席工作台' }).click();
    await page.getByTestId('caller-card').filter({ hasText: '张先生' }).waitFor();
    await page.reload();
    await page.getByTestId('caller-card').filter({ hasText: '张先生' }).waitFor();
    expect(await page.getByLabel('用户名').count()).toBe(0);
    await page.getByTestId('live-status').filter({ hasText: '实时更新' }).waitFor();
  });

  it('signs back in after a reload whose refresh the gateway took but whose answer was lost on the way', async () => {
    let refreshes = 0;
    await page.route('**/auth/refresh', async (route) => {
      if (refreshes++ > 0) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    try {
      const retried = page.waitForResponse((r) => r.url().endsWith('/auth/refresh'), { timeout: 30_000 });
      await page.reload();
      // Until the retry the agent is told the console is reconnecting, not asked to sign in again.
      await page.getByText('网络连接中断，正在重新连接…').waitFor();
      expect(await page.getByLabel('用户名').count()).toBe(0);
      await shot(page, '07b-reconnecting');
      // The console tries the same refresh token again a few seconds later; the gateway knows it
      // was used a moment ago and answers with another pair rather than ending the session.
      expect((await retried).status()).toBe(200);
      await page.getByTestId('caller-card').filter({ hasText: '张先生' }).waitFor();
      expect(refreshes).toBe(2);
      expect(await page.getByLabel('用户名').count()).toBe(0);
    } finally {
      await page.unroute('**/auth/refresh');
    }
  });

  it('shows "not found" for a request outside the signed-in scope typed into the address bar', async () => {
    const agent = await as('hotline.agent');
    const huaigu = ok(
      await d.api('POST', '/api/request/households', agent, {
        communityCode: 'huaigu',
        address: '槐古社区3栋2单元101室',
        residents: [{ name: '李大爷', phones: ['13600001111'] }],
      }),
      201,
    );
    const elsewhere = ok(
      await d.api('POST', '/api/request/requests', agent, {
        householdId: huaigu.id,
        categoryCode: 'book-lending',
        description: '想借几本历史书',
      }),
      201,
    );
    const adminTab = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const admin = await adminTab.newPage();
    await signIn(admin, 'jincheng.admin');
    await admin.getByRole('menuitem', { name: '工单看板' }).waitFor();
    await admin.goto(`${d.gatewayUrl}/requests/${elsewhere.id}`);
    await admin.getByText('未找到该工单').waitFor();
    await shot(admin, '08-not-found');
    await admin.goto(`${d.gatewayUrl}/requests/${newRequest.id}`);
    await admin.getByTestId('request-number').filter({ hasText: newRequest.number }).waitFor();
    await adminTab.close();
  });

  it('gives the auditor the audit log and the administration pages to read, and signs out', async () => {
    const auditorToken = await as('district.auditor');
    await waitFor(
      async () => {
        const r = await d.api('GET', '/audit?resource=household', auditorToken);
        return r.status === 200 && r.body.items.some((i: { action: string }) => i.action === 'household.contact-read');
      },
      { ...KAFKA, what: 'the unmasked read to reach the audit log' },
    );
    const auditorTab = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const auditor = await auditorTab.newPage();
    await signIn(auditor, 'district.auditor');
    await auditor.getByRole('menuitem', { name: '审计日志' }).waitFor();
    expect(await auditor.getByRole('menuitem').allTextContents()).toEqual([
      '审计日志',
      '统计分析',
      '加盟单位',
      '志愿者',
      '积分奖励',
      '组织管理',
    ]);
    await auditor.getByText('household.contact-read').first().waitFor();
    // Actors by name, from the staff accounts the auditor may read.
    await auditor.getByTestId('audit-actor').filter({ hasText: '李娜（hotline.agent）' }).first().waitFor();
    const agentId = ok(await d.api('GET', '/auth/me', await as('hotline.agent'))).id;
    expect(await auditor.getByTestId('audit-actor').allTextContents()).not.toContain(agentId);
    expect(await auditor.getByText('查看住户完整信息').count()).toBeGreaterThan(0);
    await shot(auditor, '09-audit-log');
    await auditor.getByRole('button', { name: '退出登录' }).click();
    await auditor.getByLabel('用户名').waitFor();
    await auditorTab.close();
  });
});
