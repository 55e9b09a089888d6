import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (installed by .ci/run); CHROMIUM_PATH overrides. A missing browser fails the suite, never skips it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots land here (gitignored) for people to look at. */
export const ARTIFACTS = path.resolve('tests/artifacts');

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches headless Chromium with the flags this machine needs (no background network); Playwright gives each launch a fresh profile. */
export async function launchChromium(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
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
  return {
    browser,
    close: () => browser.close(),
  };
}

/** What a page did wrong: console errors, uncaught exceptions, failed requests, and any request leaving our origin. */
export interface PageProblems {
  errors: string[];
  foreign: string[];
}

/**
 * A page on a fresh context of `viewport` size that may only reach `origin`: every other request
 * is aborted and recorded, so a page that needs the internet fails its test.
 */
export async function openPage(
  session: BrowserSession,
  origin: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; context: BrowserContext; problems: PageProblems }> {
  const context = await session.browser.newContext({ viewport });
  const problems: PageProblems = { errors: [], foreign: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    problems.foreign.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  // A step that cannot happen fails within seconds, naming its locator.
  page.setDefaultTimeout(10_000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (e) => problems.errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (req) =>
    problems.errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, context, problems };
}

export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/** Saves what `page` shows to tests/artifacts/<name>.png. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
