import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Browser, chromium, Page } from 'playwright-core';

const ROOT = join(__dirname, '../../..');
export const SCREENSHOTS = join(__dirname, '../screenshots');

/**
 * The console as it ships, built into a directory of its own for the gateway to serve
 * (`CONSOLE_DIR`). Jest sets NODE_ENV=test, which would bundle React's development build.
 */
export async function buildConsole(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'bangbang-console-'));
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--config', 'services/console/vite.config.mts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  mkdirSync(SCREENSHOTS, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Debian's Chromium, headless, with nothing that reaches for the network this machine does not have. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The next call to `url` reaches the platform, but its answer is lost on the way back to the page. */
export const loseNextAnswer = (p: Page, url: string) =>
  p.route(
    url,
    async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    },
    { times: 1 },
  );

/**
 * The whole page, saved under the name the README's screenshot list uses. Animations are run to
 * their end first, so a dialog closing or a tab's table fading in is shown as it settles.
 */
export const shot = (p: Page, name: string) =>
  p.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });

/** The body of a reply that must have `status`; a wrong status fails the test showing the body. */
export function ok(reply: { status: number; body: any }, status = 200): any {
  expect({ status: reply.status, body: reply.body }).toMatchObject({ status });
  return reply.body;
}
