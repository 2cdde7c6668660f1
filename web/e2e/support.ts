import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PDF, WEB_ROOT } from '../../test/browser.js';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { translate, type Lang, type MessageKey, type Vars } from '../src/i18n/index.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** A platform on a fresh database, in demo mode (demo accounts shown, outbox hint), serving web/dist. */
export async function startPortal(): Promise<{ platform: TestPlatform; browser: Browser }> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` first (npm run test:browser does).');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const platform = await startPlatform({ demo: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { platform, browser };
}

/** A fresh browser profile whose preferred language is `locale`; axe is injected despite the page's CSP. */
export async function newContext(browser: Browser, locale = 'en-GB', phone = false): Promise<BrowserContext> {
  return browser.newContext({
    locale,
    bypassCSP: true,
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    ...(phone && { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
  });
}

export const tr = (lang: Lang, key: MessageKey, vars?: Vars) => translate(lang, key, vars);

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page as it is (WCAG 2.1 A and AA rules) and fails on any serious or
 * critical violation; saves a screenshot under test-results/screenshots/ for people to review.
 */
export async function audit(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  // Page-side code is passed as text: these tests are type-checked for Node, without the DOM library.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate<unknown[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  })()`);
  const serious = (violations as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map(
      (v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    `axe on ${name}`,
  ).toEqual([]);
}

/** Every page: the language shown is the one <html lang> names, and it has a title and a skip link. */
export async function expectPage(page: Page, lang: Lang): Promise<void> {
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  // The page renders once its data has come; its heading says it is there.
  await expect.poll(() => page.locator('main h1').count()).toBe(1);
  expect(await page.title()).toContain(tr(lang, 'app.name'));
  expect(await page.locator('a.skip-link[href="#main"]').count()).toBe(1);
}

export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.fill('#username', username);
  await page.fill('#password', 'demo');
  // Each role lands on its own home (web/src/lib/homes.ts); the worker's is the front page.
  await Promise.all([
    page.waitForURL(/\/(dossiers|search|queue|oversight|platform|deliveries)?$/),
    page.click('main form button[type=submit]'),
  ]);
}

/** A whole one-page PDF (fictitious): the upload checks read its structure, not only its first bytes. */
export const PDF = { name: 'document.pdf', mimeType: 'application/pdf', buffer: DEMO_PDF };

/** Uploads a file for every required document still missing on the page, one after the other. */
export async function uploadAllMissing(page: Page): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const missing = page.locator('.doc-missing input[type=file]');
    const count = await missing.count();
    if (count === 0) return;
    const id = await missing.first().getAttribute('id');
    await missing.first().setInputFiles(PDF);
    await page.waitForSelector(`.doc-present #${id ?? ''}`);
  }
  throw new Error('documents kept missing');
}
