import { getLogger } from '@bangbang/observability';
import { waitFor } from '@bangbang/testing';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { District, Headers } from '../../gateway/test/district';
import { buildConsole, launchChromium, ok, shot } from './browser-kit';

const JINCHENG = '/nanchang/jinxing/jincheng/';
const RESIDENT_PHONE = '13912340017';
const KAFKA = { timeoutMs: 60_000 };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };
/** What the residents' home page may weigh on the wire, HTML, scripts, styles and data together. */
const HOME_BUDGET_BYTES = 120_000;
/** A slow phone on a slow connection: DevTools' "Fast 3G" and a CPU four times slower. */
const SLOW_3G = { offline: false, latency: 562.5, downloadThroughput: (1_600_000 * 0.9) / 8, uploadThroughput: (750_000 * 0.9) / 8 };
const CPU_SLOWDOWN = 4;

/**
 * The residents' site and the volunteers' app on a phone-sized Chromium against the real stack: a
 * resident chooses a provider by its scorecard, books with the texted code, follows the texted
 * status link and rates through the texted rating link; a volunteer takes an offer that arrives
 * while the app is open, does the job, earns points and redeems a reward.
 */
describe('the mobile sites in a browser', () => {
  const log = getLogger('mobile-sites');
  let d: District;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let built: { dir: string; remove(): void } | undefined;
  let admin: Headers;
  let agent: Headers;
  let unit: Headers;
  let unitId: string;
  let booked: { id: string; number: string };
  let householdId: string;
  /** The volunteer the app's test signs up, and the haircut they do. */
  let volunteerId: string;
  let haircutId: string;

  /** Nothing may stick out sideways on a 360-px screen. */
  const fitsWidth = async (p: Page) => expect(await p.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

  beforeAll(async () => {
    built = await buildConsole();
    [d, browser] = await Promise.all([District.start({ gateway: { CONSOLE_DIR: built.dir } }, { residentsSite: true }), launchChromium()]);
    agent = await d.login('hotline.agent');
    admin = await d.login('jincheng.admin');
    await waitFor(
      async () =>
        (await d.api('GET', '/api/request/public/catalogue/communities')).body.some?.((c: { code: string }) => c.code === 'jincheng'),
      { ...KAFKA, what: 'the request service to know Jincheng' },
    );
    ({ id: householdId } = ok(
      await d.api('POST', '/api/request/households', agent, {
        communityCode: 'jincheng',
        address: '无锡市梁溪区金星街道金城社区6栋2单元201室',
        residents: [{ name: '陈奶奶', phones: [RESIDENT_PHONE], tags: ['elderly_living_alone'] }],
      }),
      201,
    ));
    const applied = ok(
      await d.api('POST', '/api/merchant/units', admin, {
        orgPath: JINCHENG,
        kind: 'merchant',
        legalName: '无锡金城便民水电服务部',
        displayName: '金城便民水电',
        licenceNo: '92320213MA1E2E017',
        contactName: '周师傅',
        contactPhone: '13812340017',
        serviceHours: { always: true, windows: [] },
        maxConcurrentJobs: 3,
        takesFreeJobs: true,
        reason: 'applied at the community office',
      }),
      201,
    );
    unitId = applied.id;
    for (const to of ['verified', 'active'])
      ok(await d.api('POST', `/api/merchant/units/${unitId}/status`, admin, { to, reason: 'licence checked on a site visit' }), 201);
    ok(
      await d.api('PUT', `/api/merchant/units/${unitId}/offerings/water-electric-repair`, admin, {
        description: '水电维修',
        priceMinFen: 3_000,
        priceMaxFen: 8_000,
      }),
    );
    const { apiKey } = ok(await d.api('POST', `/api/merchant/units/${unitId}/api-keys`, admin), 201);
    unit = { 'x-api-key': apiKey };
    await waitFor(async () => (await d.api('GET', '/api/merchant/me', unit)).status === 200, {
      ...KAFKA,
      what: 'the gateway to know the API key',
    });
    await waitFor(
      async () => (await d.db('dispatch').query('SELECT 1 FROM dispatch_provider WHERE provider_id = $1 AND active', [unitId])).length > 0,
      { ...KAFKA, what: 'dispatch to know the unit' },
    );
    phone = await browser.newContext(PHONE);
    page = await phone.newPage();
  }, 240_000);

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await d?.stop();
    built?.remove();
  });

  it('serves the residents’ site at /m/ and the volunteers’ app at /v/, deep links included, without the console’s antd', async () => {
    for (const path of ['/m/', '/m/status/anything', '/v', '/v/points']) {
      const res = await fetch(`${d.gatewayUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toContain(path.startsWith('/m') ? '居民服务' : '志愿者');
      const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
      for (const script of scripts) expect(await (await fetch(`${d.gatewayUrl}${script}`)).text()).not.toContain('ant-btn');
    }
  });

  it('loads the home page within its weight budget on a slow phone, and shows the hotline, who is free and the prices', async () => {
    const slow = await browser.newContext(PHONE);
    const tab = await slow.newPage();
    const cdp = await slow.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const urls = new Map<string, string>();
    const sizes = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) =>
      urls.set(e.requestId, new URL(e.request.url).pathname),
    );
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) =>
      sizes.set(urls.get(e.requestId) ?? e.requestId, e.encodedDataLength),
    );
    const started = Date.now();
    await tab.goto(`${d.gatewayUrl}/m/`);
    await tab.getByTestId('hotline').waitFor();
    const firstPaintMs = Date.now() - started;
    await tab.getByTestId('category').filter({ hasText: '30–80 元' }).waitFor();
    const interactiveMs = Date.now() - started;
    const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
    log.info(
      {
        bytesTransferred: bytes,
        requests: Object.fromEntries(sizes),
        hotlineShownMs: firstPaintMs,
        interactiveWithDataMs: interactiveMs,
        network: 'Fast 3G (1.44 Mbit/s, 562 ms RTT)',
        cpuSlowdown: CPU_SLOWDOWN,
      },
      'residents home page on a throttled phone',
    );
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(HOME_BUDGET_BYTES);
    await slow.close();

    await page.goto(`${d.gatewayUrl}/m/`);
    expect(await page.getByTestId('hotline').getAttribute('href')).toBe('tel:051012345');
    await page.getByText('独居的高龄老人').waitFor();
    await page.getByTestId('category').filter({ hasText: '政策咨询' }).filter({ hasText: '电话解答 免费' }).waitFor();
    await page.getByTestId('category').filter({ hasText: '水电维修' }).filter({ hasText: '30–80 元' }).waitFor();
    await fitsWidth(page);
    await shot(page, 'm01-home');
    await page.getByRole('button', { name: '大字' }).click();
    expect(await page.evaluate<string>('getComputedStyle(document.documentElement).fontSize')).toBe('22px');
    await fitsWidth(page);
    await shot(page, 'm02-home-large-type');
    await page.getByRole('button', { name: '标准字' }).click();
  });

  it('lets a resident choose a provider by scorecard, book with the texted code and follow the texted status link', async () => {
    await page.goto(`${d.gatewayUrl}/m/providers`);
    await page.getByLabel('社区').selectOption({ label: '金星街道 金城社区' });
    await page.getByLabel('服务项目').selectOption({ label: '水电维修' });
    const card = page.getByTestId('provider').filter({ hasText: '金城便民水电' });
    await card.waitFor();
    expect(await card.textContent()).toContain('30–80 元');
    expect(await card.textContent()).toContain('接免费服务');
    await fitsWidth(page);
    await shot(page, 'm03-providers');
    await card.getByRole('link', { name: '选这家预约' }).click();

    await page.getByText('您选的服务方：金城便民水电').waitFor();
    expect(await page.getByLabel('服务项目').inputValue()).toBe('water-electric-repair');
    await page.getByLabel('手机号').fill(RESIDENT_PHONE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('验证码已用短信发给您').waitFor();
    const code = await waitFor(async () => d.sms.bookingCodes(`+86${RESIDENT_PHONE}`)[0], { what: 'the booking code texted' });
    await page.getByLabel('验证码').fill(code === '000000' ? '111111' : '000000');
    await page.getByLabel('问题描述').fill('卫生间水龙头关不紧，一直滴水');
    await page.getByRole('button', { name: '明天上午' }).click();
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByRole('alert').filter({ hasText: '验证码不对或已过期' }).waitFor();
    await page.getByLabel('验证码').fill(code);
    await fitsWidth(page);
    await shot(page, 'm04-book');
    await page.getByRole('button', { name: '提交预约' }).click();
    const number = (await page.getByTestId('request-number').textContent())!;
    expect(number).toMatch(/^R\d{8}-\d{6}$/);
    await shot(page, 'm05-booked');
    const [request] = ok(await d.api('GET', '/api/request/requests', agent)).filter((r: { number: string }) => r.number === number);
    expect(request).toMatchObject({ channel: 'booking', chosenProviderId: unitId, preferredWindow: { from: expect.any(String) } });
    booked = { id: request.id, number };

    const texted = await waitFor(async () => d.sms.delivered.find((m) => m.body.includes(`单号${number}办理进度`)), {
      what: 'the status link texted',
    });
    const link = /(https?:\/\/\S+\/m\/status\/\S+)$/.exec(texted.body)![1];
    expect(link.startsWith(`${d.gatewayUrl}/m/status/${booked.id}?token=`)).toBe(true);
    await page.goto(link);
    await page.getByTestId('status').filter({ hasText: '正在找师傅' }).waitFor();
    await page.getByText(`单号 ${number}`).waitFor();
    await fitsWidth(page);
    await shot(page, 'm06-status');

    const offer = await waitFor(
      async () => {
        const r = await d.api('GET', '/api/dispatch/offers', unit);
        return (
          r.status === 200 && r.body.find((o: { requestId: string; status: string }) => o.requestId === booked.id && o.status === 'open')
        );
      },
      { ...KAFKA, what: 'the offer to reach the chosen unit' },
    );
    ok(await d.api('POST', `/api/dispatch/offers/${offer.offerId}/accept`, unit));
    const statusUrl = link.replace('/m/status/', '/api/request/public/requests/').replace('?token', '/status?token');
    await waitFor(async () => ((await (await fetch(statusUrl)).json()) as { status: string }).status === 'assigned', {
      ...KAFKA,
      what: 'the request to be assigned',
    });
    await page.reload();
    await page.getByTestId('status').filter({ hasText: '已有人接单' }).waitFor();
    await page.getByText('服务方：金城便民水电').waitFor();
    await shot(page, 'm07-status-assigned');
  });

  it('lets the resident rate through the texted link, once, and the scorecard shows it', async () => {
    ok(await d.api('POST', `/api/dispatch/jobs/${booked.id}/on-site`, unit));
    ok(await d.api('POST', `/api/dispatch/jobs/${booked.id}/complete`, unit, { priceChargedFen: 0, notes: '换了阀芯' }));
    const code = await waitFor(async () => d.sms.signOffCodes(booked.number).at(-1), { ...KAFKA, what: 'the sign-off code' });
    ok(await d.api('POST', `/api/request/requests/${booked.id}/sign-off`, unit, { code, solved: true }));
    const link = await waitFor(async () => d.sms.ratingLinks(booked.id)[0], { ...KAFKA, what: 'the rating link' });
    expect(link.url.startsWith(`${d.gatewayUrl}/m/rate/${booked.id}?token=`)).toBe(true);

    await page.goto(link.url);
    await page.getByRole('group', { name: '对帮帮团' }).getByRole('button', { name: '满意', exact: true }).click();
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('group', { name: '对服务方' }).getByRole('button', { name: '满意', exact: true }).click();
    await page.getByRole('button', { name: '解决了' }).click();
    await page.getByRole('button', { name: '准时' }).click();
    await page.getByRole('button', { name: '干净整洁' }).click();
    await page.getByLabel('留言').fill('周师傅来得很快，谢谢！');
    await fitsWidth(page);
    await shot(page, 'm08-rate');
    // The rating service learns of the sign-off from the bus a moment after the text goes out.
    await waitFor(
      async () => {
        await page.getByRole('button', { name: '提交评价' }).click();
        return page
          .getByText('感谢您的评价！')
          .or(page.getByRole('alert'))
          .first()
          .waitFor()
          .then(() => page.getByText('感谢您的评价！').isVisible());
      },
      { ...KAFKA, what: 'the rating to be accepted' },
    );
    await shot(page, 'm09-thanks');

    await page.goto(link.url);
    await page.getByRole('group', { name: '对帮帮团' }).getByRole('button', { name: '满意', exact: true }).click();
    await page.getByRole('group', { name: '对服务方' }).getByRole('button', { name: '满意', exact: true }).click();
    await page.getByRole('button', { name: '解决了' }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByRole('alert').filter({ hasText: '这个链接已经用过了' }).waitFor();

    await waitFor(async () => (await d.api('GET', `/api/rating/public/providers/${unitId}/scorecard`)).body.ratingsCount === 1, {
      ...KAFKA,
      what: 'the scorecard to count the rating',
    });
    await page.goto(`${d.gatewayUrl}/m/providers?category=water-electric-repair`);
    const card = page.getByTestId('provider').filter({ hasText: '金城便民水电' });
    await card.filter({ hasText: '（1 人评价）' }).waitFor();
    expect(await card.textContent()).toContain('准时 1');
    await shot(page, 'm10-providers-rated');
  });

  it('lets a volunteer sign up and apply in the app, then take an offer that arrives live, do the job, earn points and redeem a reward', async () => {
    const account = { username: 'chen.haircut', password: 'jincheng-mobile-2026' };
    const app = await browser.newContext(PHONE);
    const v = await app.newPage();
    await v.goto(`${d.gatewayUrl}/v/`);
    await v.getByRole('button', { name: '还没有账号？注册志愿者' }).click();
    await v.getByLabel('名字', { exact: true }).fill('陈美发');
    await v.getByLabel('注册手机号').fill('13700001717');
    await v.getByLabel('所在社区').selectOption({ label: '金星街道 金城社区' });
    await v.getByLabel('新用户名').fill(account.username);
    await v.getByLabel('新密码').fill(account.password);
    await fitsWidth(v);
    await shot(v, 'v01-sign-up');
    await v.getByRole('button', { name: '注册并登录' }).click();

    await v.getByRole('link', { name: '我的' }).click();
    const form = v.getByTestId('application');
    await form.getByRole('button', { name: '上门理发' }).click();
    await form.getByLabel('上门理发证书名称').fill('美发师职业资格证书');
    await form.getByLabel('上门理发证书编号').fill('MF3202001717');
    await form.getByLabel('上门理发证书有效期').fill(new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10));
    await fitsWidth(v);
    await shot(v, 'v02-apply');
    await form.getByRole('button', { name: '提交申请' }).click();
    await v.getByText('审核中').waitFor();
    const volunteer = { authorization: `Bearer ${ok(await d.api('POST', '/auth/login', {}, account)).accessToken}` };
    ({ id: volunteerId } = ok(await d.api('GET', '/auth/me', volunteer)));
    expect(ok(await d.api('GET', '/api/volunteer/me', volunteer)).specialties).toEqual([
      expect.objectContaining({ categoryCode: 'home-haircut', valid: true }),
    ]);
    ok(await d.api('POST', `/api/volunteer/volunteers/${volunteerId}/approve`, admin, { reason: '证书核验无误' }));
    // The reload's restore meets no network once: the app says it is reconnecting, keeps the
    // session, and carries on by itself when the next try gets through.
    let offline = true;
    await v.route('**/auth/refresh', (route) => {
      if (!offline) return route.continue();
      offline = false;
      return route.abort('internetdisconnected');
    });
    try {
      await v.reload();
      await v.getByText('网络连接中断，正在重新连接…').waitFor();
      await fitsWidth(v);
      await shot(v, 'v02b-reconnecting');
      await v.getByText('已通过').waitFor();
    } finally {
      await v.unroute('**/auth/refresh');
    }
    await v.getByText('还需完成的培训').waitFor();
    await v.getByText('安全知识').waitFor();
    await fitsWidth(v);
    await shot(v, 'v03-me-training-missing');

    const starts = new Date(Date.now() + 2 * 86_400_000);
    ok(
      await d.api('POST', '/api/volunteer/activities', admin, {
        title: '金城社区敬老院陪伴',
        place: '金城社区敬老院',
        unitPath: JINCHENG,
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
        capacity: 10,
        pointsPerHour: 5,
      }),
      201,
    );
    await v.getByRole('link', { name: '活动' }).click();
    const activity = v.getByTestId('activity').filter({ hasText: '金城社区敬老院陪伴' });
    await activity.getByRole('button', { name: '我要报名' }).click();
    await activity.getByText('我已报名').waitFor();
    expect(await activity.textContent()).toContain('已报名 1/10 人');
    await fitsWidth(v);
    await shot(v, 'v04-activities');

    const today = new Date().toISOString().slice(0, 10);
    for (const module of ['ethos', 'procedure', 'skills', 'safety'])
      ok(await d.api('POST', `/api/volunteer/volunteers/${volunteerId}/training`, admin, { module, completedOn: today }));
    await waitFor(
      async () =>
        (
          await d
            .db('dispatch')
            .query(`SELECT 1 FROM dispatch_provider WHERE provider_id = $1 AND active AND 'home-haircut' = ANY (categories)`, [volunteerId])
        ).length > 0,
      { ...KAFKA, what: 'dispatch to know the trained volunteer' },
    );

    await v.getByRole('link', { name: '接单' }).click();
    await v.getByTestId('live').filter({ hasText: '新的派单会自动出现' }).waitFor();
    await v.getByText('现在没有新的派单。').waitFor();
    // No reload: offers come over the live stream. The first is declined, the second taken.
    const offer = v.getByTestId('offer').filter({ hasText: '上门理发' });
    const declined = ok(
      await d.api('POST', '/api/request/requests', agent, { householdId, categoryCode: 'home-haircut', description: '陈奶奶想周末剪短发' }),
      201,
    );
    await offer.waitFor({ timeout: 60_000 });
    await offer.getByRole('button', { name: '不接' }).click();
    await v.getByText('现在没有新的派单。').waitFor();
    await waitFor(
      async () => {
        const r = await d.api('GET', '/api/volunteer/me/offers?status=declined', volunteer);
        return r.status === 200 && r.body.some((o: { requestId: string }) => o.requestId === declined.id);
      },
      { ...KAFKA, what: 'the declined offer in the volunteer’s history' },
    );
    const haircut = ok(
      await d.api('POST', '/api/request/requests', agent, {
        householdId,
        categoryCode: 'home-haircut',
        description: '陈奶奶腿脚不便，想在家理发',
      }),
      201,
    );
    haircutId = haircut.id;
    await offer.waitFor({ timeout: 60_000 });
    expect(await offer.textContent()).toMatch(/还剩 \d+ (分 \d+ )?秒/);
    expect(await offer.textContent()).toContain('低价服务');
    await fitsWidth(v);
    await shot(v, 'v05-offer');
    await offer.getByRole('button', { name: '接单' }).click();
    const job = v.getByTestId('job').filter({ hasText: haircut.number });
    await job.getByTestId('contact').filter({ hasText: '6栋2单元201室' }).waitFor();
    expect(await job.textContent()).toContain('陈奶奶');
    await shot(v, 'v06-job-contact');
    await job.getByRole('button', { name: '我已到达' }).click();
    await job.getByRole('button', { name: '服务完成' }).click();
    await job.getByLabel('确认码').waitFor();
    const code = await waitFor(async () => d.sms.signOffCodes(haircut.number).at(-1), { ...KAFKA, what: 'the sign-off code' });
    await job.getByLabel('确认码').fill(code);
    await job.getByRole('button', { name: '提交确认码' }).click();
    // Dispatch drops a signed-off job from the volunteer's list; the page keeps saying it was confirmed.
    await v
      .getByTestId('confirmed')
      .filter({ hasText: `单号 ${haircut.number} 居民已确认` })
      .waitFor();
    await shot(v, 'v07-job-signed-off');

    const earned = await waitFor(
      async () => {
        const r = await d.api('GET', '/api/volunteer/me/points', volunteer);
        return r.status === 200 && r.body.balance > 0 && r.body.balance;
      },
      { ...KAFKA, what: 'points for the signed-off job' },
    );
    ok(await d.api('POST', '/api/volunteer/rewards', admin, { unitPath: JINCHENG, name: '洗衣液一瓶', costPoints: earned, stock: 5 }), 201);
    await v.getByRole('link', { name: '积分' }).click();
    await v
      .getByTestId('balance')
      .filter({ hasText: String(earned) })
      .waitFor();
    await v.getByTestId('movement').filter({ hasText: '上门服务' }).waitFor();
    await v
      .getByTestId('ranking')
      .filter({ hasText: `我排第 1 名，本月 ${earned} 分` })
      .waitFor();
    const reward = v.getByTestId('reward').filter({ hasText: '洗衣液一瓶' });
    await fitsWidth(v);
    await shot(v, 'v08-points');
    await reward.getByRole('button', { name: '兑换' }).click();
    await v.getByText('兑换成功').waitFor();
    await v.getByTestId('balance').filter({ hasText: /^0$/ }).waitFor();
    await v.getByTestId('movement').filter({ hasText: '兑换礼品' }).waitFor();
    expect(await reward.textContent()).toContain('还剩 4 件');
    await shot(v, 'v09-redeemed');
    expect(ok(await d.api('GET', '/api/volunteer/me/points', volunteer)).balance).toBe(0);
    await app.close();
  });

  it('shows a volunteer team beside the partner units, scored by what residents said of its members', async () => {
    const team = ok(await d.api('POST', '/api/volunteer/teams', admin, { name: '绿叶舟理发队', unitPath: JINCHENG }), 201);
    ok(await d.api('PUT', `/api/volunteer/teams/${team.id}/members/${volunteerId}`, admin, { role: 'leader' }));
    const link = await waitFor(async () => d.sms.ratingLinks(haircutId)[0], { ...KAFKA, what: 'the haircut’s rating link' });
    const token = new URL(link.url).searchParams.get('token');
    await waitFor(
      async () =>
        (
          await d.api(
            'POST',
            `/api/rating/public/ratings/${haircutId}`,
            {},
            {
              token,
              team: 'satisfied',
              provider: 'satisfied',
              solved: true,
              tags: ['polite', 'tidy'],
            },
          )
        ).status === 201,
      { ...KAFKA, what: 'the haircut’s rating to be accepted' },
    );
    await waitFor(
      async () => {
        const r = await d.api('GET', `/api/volunteer/public/teams?community=${JINCHENG}&category=home-haircut`);
        return r.status === 200 && r.body[0]?.scorecard.ratingsCount === 1;
      },
      { ...KAFKA, what: 'the team’s scorecard to count the rating' },
    );

    await page.goto(`${d.gatewayUrl}/m/providers`);
    await page.getByLabel('社区').selectOption({ label: '金星街道 金城社区' });
    await page.getByLabel('服务项目').selectOption({ label: '上门理发' });
    const card = page.getByTestId('provider').filter({ hasText: '绿叶舟理发队' });
    await card.filter({ hasText: '（1 人评价）' }).waitFor();
    const text = await card.textContent();
    for (const words of ['志愿服务队', '礼貌 1', '1 名志愿者', '价格：不收费', '接免费服务']) expect(text).toContain(words);
    // Water repairs: the unit serves them, the team's only member cuts hair.
    await page.getByLabel('服务项目').selectOption({ label: '水电维修' });
    await page.getByTestId('provider').filter({ hasText: '金城便民水电' }).waitFor();
    expect(await page.getByTestId('provider').filter({ hasText: '绿叶舟理发队' }).count()).toBe(0);
    await page.getByLabel('服务项目').selectOption({ label: '全部服务' });
    await card.waitFor();
    await page.getByTestId('provider').filter({ hasText: '金城便民水电' }).waitFor();
    await fitsWidth(page);
    await shot(page, 'm11-providers-team');
    await card.getByRole('link', { name: '预约志愿服务' }).click();
    await page.getByRole('button', { name: '获取验证码' }).waitFor();
  });
});
