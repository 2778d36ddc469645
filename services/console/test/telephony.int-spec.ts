import { waitFor } from '@bangbang/testing';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { District, Headers } from '../../gateway/test/district';
import { buildConsole, launchChromium, ok, shot } from './browser-kit';

const KNOWN_PHONE = '13912342121';
const NEW_PHONE = '13700002121';
const QUEUED_PHONE = '13600002121';
const EXTENSION = '8021';
const KAFKA = { timeoutMs: 60_000 };

/**
 * The console with a phone system in a real Chromium against the real stack: the test plays the
 * PBX, posting CTI events with its token. An agent's extension rings and the caller's household
 * pops; a caller who hangs up in the queue becomes a callback on the board; the callback is done
 * and the figures count it.
 */
describe('the console with a phone system, in a browser', () => {
  let d: District;
  let browser: Browser;
  let tab: BrowserContext;
  let page: Page;
  let built: { dir: string; remove(): void } | undefined;
  let cti: string;
  let agent: Headers;
  let districtAdmin: Headers;

  /** The PBX reporting one event, as JSON with its token. */
  const pbx = async (event: object) => {
    const res = await fetch(`${d.gatewayUrl}/cti/pbx/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cti-token': cti },
      body: JSON.stringify(event),
    });
    expect(res.status).toBe(202);
  };

  beforeAll(async () => {
    built = await buildConsole();
    [d, browser] = await Promise.all([District.start({ gateway: { CONSOLE_DIR: built.dir } }), launchChromium()]);
    agent = await d.login('hotline.agent');
    districtAdmin = await d.login('district.admin');
    await waitFor(async () => (await d.api('GET', '/api/request/catalogue/categories?community=jincheng', agent)).status === 200, {
      ...KAFKA,
      what: 'the request service to know Jincheng',
    });
    ok(
      await d.api('POST', '/api/request/households', agent, {
        communityCode: 'jincheng',
        address: '无锡市梁溪区金星街道金城社区21栋1单元101室',
        residents: [{ name: '孙大爷', phones: [KNOWN_PHONE], tags: ['elderly_living_alone'] }],
      }),
      201,
    );
    ({ token: cti } = ok(await d.api('POST', '/cti/tokens', districtAdmin, { name: '测试 PBX' }), 201));
    tab = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await tab.newPage();
    await page.goto(`${d.gatewayUrl}/`);
    await page.getByLabel('用户名').fill('hotline.agent');
    await page.getByLabel('密码').fill('bangbang-demo-hotline-agent');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await tab?.close();
    await browser?.close();
    await d?.stop();
    built?.remove();
  });

  it('pops the caller’s household when the agent’s extension rings, locks it on answer, and opens the new-household form for an unknown number', async () => {
    await page.getByRole('menuitem', { name: '坐席工作台' }).click();
    await page.getByLabel('分机号').fill(EXTENSION);
    await page.getByRole('button', { name: '设为我的分机' }).click();
    await page.getByTestId('my-extension').getByText(EXTENSION, { exact: true }).waitFor();
    await page.getByRole('menuitem', { name: '工单看板' }).click();

    await pbx({ event: 'newCall', callId: 'pbx-known', direction: 'in', from: KNOWN_PHONE, to: '051012345' });
    await pbx({ event: 'ringing', callId: 'pbx-known', extension: EXTENSION });
    // The ring brings the agent from the board to the workspace, the household already found.
    await page.getByTestId('screen-pop').getByTestId('call-state').filter({ hasText: '振铃中' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('caller-card').getByText('孙大爷').waitFor();
    expect(new URL(page.url()).pathname).toBe('/workspace');
    await pbx({ event: 'answer', callId: 'pbx-known', extension: EXTENSION });
    await page.getByTestId('call-state').filter({ hasText: '通话中' }).waitFor({ timeout: 30_000 });
    await shot(page, '32-call-screen-pop');
    await pbx({ event: 'hangup', callId: 'pbx-known', cause: 'normal' });
    await page.getByTestId('call-state').filter({ hasText: '通话已结束' }).waitFor({ timeout: 30_000 });

    await pbx({ event: 'newCall', callId: 'pbx-new', direction: 'in', from: NEW_PHONE, to: '051012345' });
    await pbx({ event: 'ringing', callId: 'pbx-new', extension: EXTENSION });
    await page.getByTestId('screen-pop').filter({ hasText: NEW_PHONE }).waitFor({ timeout: 30_000 });
    await page.getByTestId('unknown-caller').waitFor();
    await shot(page, '33-call-unknown-number');
    await pbx({ event: 'answer', callId: 'pbx-new', extension: EXTENSION });
    await pbx({ event: 'hangup', callId: 'pbx-new', cause: 'normal' });
    const calls = await waitFor(
      async () => {
        const r = await d.api('GET', '/api/request/calls', agent);
        return r.status === 200 && r.body.filter((c: { outcome: string | null }) => c.outcome === 'answered').length === 2 && r.body;
      },
      { ...KAFKA, what: 'both calls logged as answered' },
    );
    expect(calls.map((c: { answeredExtension: string }) => c.answeredExtension)).toEqual([EXTENSION, EXTENSION]);
  });

  it('puts a caller who hung up in the queue on the board as a callback, and calling back counts in the figures', async () => {
    await pbx({ event: 'newCall', callId: 'pbx-queued', direction: 'in', from: QUEUED_PHONE, to: '051012345' });
    await pbx({ event: 'hangup', callId: 'pbx-queued', cause: 'abandoned' });
    await page.getByRole('menuitem', { name: '工单看板' }).click();
    const row = page.getByTestId('callbacks').locator('tr.ant-table-row', { hasText: QUEUED_PHONE });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain('排队中挂断');
    expect(await row.textContent()).toMatch(/剩 \d+/);
    await shot(page, '34-callback-queue');

    const [callback] = ok(await d.api('GET', '/api/request/callbacks', agent)).filter((b: { number: string }) => b.number === QUEUED_PHONE);
    await pbx({ event: 'newCall', callId: 'pbx-back', direction: 'out', from: EXTENSION, to: QUEUED_PHONE, callbackId: callback.id });
    await pbx({ event: 'answer', callId: 'pbx-back', extension: EXTENSION });
    await row.getByRole('button', { name: /回\s*拨/ }).click();
    await page.getByTestId('return-call').filter({ hasText: '已记录回拨通话' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('回拨说明').fill('已联系，居民说水管的事已经自己处理好了');
    await page.getByRole('button', { name: '完成回拨' }).click();
    await row.waitFor({ state: 'detached' });
    const done = ok(await d.api('GET', '/api/request/callbacks?status=all', agent)).find((b: { id: string }) => b.id === callback.id);
    expect(done).toMatchObject({ status: 'done', returnCallId: expect.any(String), note: expect.stringContaining('已联系') });

    const admin = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const a = await admin.newPage();
    await a.goto(`${d.gatewayUrl}/`);
    await a.getByLabel('用户名').fill('district.admin');
    await a.getByLabel('密码').fill('bangbang-demo-district-admin');
    await a.getByRole('button', { name: /登\s*录/ }).click();
    await a.getByRole('menuitem', { name: '统计分析' }).click();
    await a.getByRole('tab', { name: '话务统计' }).click();
    const totals = a.getByTestId('call-totals');
    await totals
      .locator('.ant-statistic', { hasText: '按时回拨' })
      .filter({ hasText: /^按时回拨1$/ })
      .waitFor({ timeout: 30_000 });
    await totals.locator('.ant-statistic', { hasText: '接通率' }).filter({ hasText: '66.7%' }).waitFor();
    expect(await a.getByTestId('call-trend-chart').locator('canvas').count()).toBe(1);
    // Per street by the caller's household, named as the org tree names it, not by its code.
    await a.getByRole('cell', { name: '金星街道', exact: true }).waitFor();
    expect(await a.getByRole('cell', { name: 'jinxing', exact: true }).count()).toBe(0);
    await shot(a, '35-call-figures');
    await admin.close();
  });
});
