import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseNumberFrom } from '../../test/browser.js';
import type { TestPlatform } from '../../test/harness.js';
import type { Lang } from '../src/i18n/index.js';
import { audit, expectPage, newContext, PDF, startPortal, tr } from './support.js';

/*
 * How much a newcomer has to do to file a complete single permit (docs/usability.md): the journey
 * of an employer who has never used the platform, from the front page to the filing confirmation,
 * with every value typed or chosen, every upload and every click counted by the wrappers below.
 * What the platform fills in itself (the guide's answers, the enterprise's name and seat from the
 * KBO, the structured communication) is not counted: that is the point of it.
 *
 * The same journey on a 390 × 844 phone checks that the header stays compact and that the first
 * field of each step is on the first screen, without scrolling.
 */

let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  ({ platform, browser } = await startPortal());
});

afterAll(async () => {
  await browser.close();
  await platform.close();
});

/** The previous count (docs/usability.md, issue 4): the figures this journey must not exceed. */
const PREVIOUS = { values: 37, uploads: 7 };

const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const HEADER_MAX_PX = 120;

/** The person's actions on the page, each counted as it is done. */
class Journey {
  values = 0;
  uploads = 0;
  clicks = 0;
  /** User name and password: counted apart, the previous count had no sign-in. */
  signInValues = 0;
  readonly steps: { step: string; firstFieldBottom: number; headerHeight: number }[] = [];
  readonly reported: { what: string; bottom: number }[] = [];

  constructor(
    readonly page: Page,
    readonly lang: Lang,
    readonly phone: boolean,
  ) {}

  async type(selector: string, value: string) {
    await this.page.fill(selector, value);
    this.values += 1;
  }

  async choose(selector: string, option: string | { index: number }) {
    await this.page.selectOption(selector, option);
    this.values += 1;
  }

  async tick(selector: string) {
    await this.page.check(selector);
    this.values += 1;
  }

  async upload(selector: string, name = PDF.name) {
    await this.page.locator(selector).setInputFiles({ ...PDF, name });
    this.uploads += 1;
  }

  async click(selector: string) {
    await this.page.click(selector);
    this.clicks += 1;
  }

  /** A click that leads to another page: waits for its address. */
  async clickTo(selector: string, url: RegExp) {
    await Promise.all([this.page.waitForURL(url), this.page.click(selector)]);
    this.clicks += 1;
  }

  /** On a phone: where an element ends on the page, for the record (docs/usability.md). */
  async report(what: string, selector: string) {
    if (!this.phone) return;
    const bottom = await this.page.evaluate<number>(
      `document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect().bottom + window.scrollY`,
    );
    this.reported.push({ what, bottom: Math.round(bottom) });
  }

  /** On a phone: the header's height and the bottom of the step's first field, before any scrolling. */
  async firstScreen(step: string, firstField: string) {
    if (!this.phone) return;
    await this.page.waitForSelector(firstField);
    const measured = await this.page.evaluate<{ header: number; field: number; scrolled: number }>(`(() => {
      const header = document.querySelector('.site-header').getBoundingClientRect();
      const field = document.querySelector(${JSON.stringify(firstField)}).getBoundingClientRect();
      return { header: header.height, field: field.bottom + window.scrollY, scrolled: window.scrollY };
    })()`);
    this.steps.push({ step, firstFieldBottom: Math.round(measured.field), headerHeight: measured.header });
    // What the person sees first, for people to review (test-results/screenshots/).
    await this.page.screenshot({ path: join(SCREENSHOTS, `${this.lang}-usability-390-${step}.png`) });
    expect(measured.header, `header height on ${step}`).toBeLessThanOrEqual(HEADER_MAX_PX);
    expect(measured.field, `first field of ${step} on the first screen`).toBeLessThanOrEqual(PHONE.height);
  }
}

async function fileAsNewcomer(j: Journey, serial: number): Promise<string> {
  const { page, lang } = j;
  const base = platform.url;
  const date = (iso: string) => {
    const [y, m, d] = iso.split('-');
    return lang === 'de' ? `${d ?? ''}.${m ?? ''}.${y ?? ''}` : `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
  };

  // The front page, as a stranger: the employer's way in leads to the guide.
  await page.goto(`${base}/`);
  await expectPage(page, lang);
  await j.clickTo('main a[href="/new"]', /\/new$/);

  await j.firstScreen('guide', '#q-who');
  await j.tick('#q-who');
  await j.tick('#q-duration');
  await j.tick('#q-kind');
  await j.tick('#q-abroad');
  await j.tick('#q-posted-no');
  await j.type('#q-postcode', '2000');
  await expect.poll(() => page.locator('.region-answer').textContent()).toContain('Antwerpen');
  await expect.poll(() => page.locator('.proposal').textContent()).toContain(tr(lang, 'why.single_permit'));

  // Not signed in yet: the guide sends to the sign-in page and brings the answers back.
  await j.clickTo('main a[href="/signin"]', /\/signin$/);
  await j.firstScreen('sign-in', '#username');
  await page.fill('#username', 'employer');
  await page.fill('#password', 'demo');
  j.signInValues += 2;
  await j.clickTo('main form button[type=submit]', /\/new$/);
  await expect.poll(() => page.isChecked('#q-posted-no')).toBe(true);
  await j.clickTo('main form button[type=submit]', /\/edit\/identity$/);

  await j.firstScreen('identity', '#f-identity-givenNames');
  await j.type('#f-identity-givenNames', `Demo ${lang.toUpperCase()}`);
  await j.type('#f-identity-familyName', `Nieuwkomer-${String(serial)}`);
  await j.type('#f-identity-birthDate', date('1994-03-15'));
  await j.type('#f-identity-birthPlace', 'Demo City');
  await j.choose('#f-identity-birthCountry', 'IN');
  await j.tick('#f-identity-sex-X');
  await j.choose('#f-identity-nationality', 'IN');
  await j.type('#f-identity-address-street', 'Example Road');
  await j.type('#f-identity-address-number', String(serial));
  await j.type('#f-identity-address-postcode', '00000');
  await j.type('#f-identity-address-municipality', 'Demo City');
  await j.choose('#f-identity-address-country', 'IN');
  await j.clickTo('main form button[type=submit]', /\/edit\/residence$/);

  await j.firstScreen('residence', '#f-residence-passportNumber');
  await j.type('#f-residence-passportNumber', `NEW${String(serial).padStart(6, '0')}`);
  await j.choose('#f-residence-passportIssuingCountry', 'IN');
  await j.type('#f-residence-passportExpiry', date('2031-12-31'));
  await j.type('#f-residence-email', `newcomer${String(serial)}@example.org`);
  await j.type('#f-residence-phone', '+32 470 00 00 00');
  await expect.poll(() => page.isChecked('#f-residence-abroad')).toBe(true);
  await expect.poll(() => page.locator('#f-residence-visaPost option').count()).toBeGreaterThan(1);
  await j.choose('#f-residence-visaPost', { index: 1 });
  await j.clickTo('main form button[type=submit]', /\/edit\/employment$/);

  await j.firstScreen('employment', 'main form input:not([type=hidden]), main form select');
  await j.type('#f-employment-employer-enterpriseNumber', enterpriseNumberFrom(1));
  await expect.poll(() => page.locator('.lookup').textContent()).toBe(tr(lang, 'employer.lookupDone'));
  await j.type('#f-employment-employer-email', 'hr@example.org');
  await j.type('#f-employment-employer-phone', '+32 3 000 00 00');
  await j.type('#f-employment-onssNumber', '1234567');
  await j.type('#f-employment-workplace-street', 'Voorbeeldstraat');
  await j.type('#f-employment-workplace-number', '1');
  await j.type('#f-employment-jobTitle', 'Software engineer');
  await j.type('#f-employment-iscoCode', '2512');
  await j.type('#f-employment-startDate', date('2027-02-01'));
  await j.type('#f-employment-hoursPerWeek', '38');
  await j.type('#f-employment-grossMonthlySalaryCents', '5200');
  await j.clickTo('main form button[type=submit]', /\/edit\/documents$/);

  await page.waitForSelector('.doc-list');
  // A document is a group (its name, what it is, the file to choose): the first one begins on screen.
  await j.firstScreen('documents', 'main .doc-list .doc-title');
  for (let i = 0; i < 20; i++) {
    const missing = page.locator('.doc-missing input[type=file]');
    if ((await missing.count()) === 0) break;
    const id = (await missing.first().getAttribute('id')) ?? '';
    await j.upload(`#${id}`);
    await page.waitForSelector(`.doc-present #${id}`);
  }
  await j.clickTo('main .actions a.button', /\/edit\/fee$/);

  // Paying comes first: what to pay and to whom begins on the first screen; the proof is uploaded
  // after paying, below the payment details (its place is reported, not asserted).
  await j.firstScreen('fee', 'main .fee-box dd');
  await j.report('fee proof', '#upload-fee_proof');
  await j.upload('#upload-fee_proof', 'payment.pdf');
  await page.waitForSelector('.doc-present #upload-fee_proof');
  await j.type('#f-fee-paidAt', date('2026-11-20'));
  await j.clickTo('main form button[type=submit]', /\/edit\/review$/);

  await page.waitForSelector('.notice-success');
  await Promise.all([
    page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/),
    page.getByRole('button', { name: tr(lang, 'review.file') }).click(),
  ]);
  j.clicks += 1;
  await page.waitForSelector('main .notice-success .notice-title');
  return /\/dossiers\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
}

async function expectFiled(id: string, lang: Lang) {
  const dossier = await (await platform.login('employer')).get(`/api/v1/dossiers/${id}`);
  expect(dossier.body).toMatchObject({ state: 'filed', region: 'flanders', language: lang });
}

describe('filing a single permit as a newcomer', () => {
  it('counts the values, uploads and clicks it takes, and asks no more than before', async () => {
    const context = await newContext(browser, 'en-GB');
    const journey = new Journey(await context.newPage(), 'en', false);
    const id = await fileAsNewcomer(journey, 801);
    await expectFiled(id, 'en');
    const figures = {
      values: journey.values,
      uploads: journey.uploads,
      clicks: journey.clicks,
      signInValues: journey.signInValues,
    };
    // The figures docs/usability.md reports, in the test's output.
    console.log(`usability: ${JSON.stringify(figures)} (previous count: ${JSON.stringify(PREVIOUS)})`);
    expect(figures.values).toBeLessThanOrEqual(PREVIOUS.values);
    expect(figures.uploads).toBeLessThanOrEqual(PREVIOUS.uploads);
    expect(figures.uploads).toBeGreaterThan(0);
    await context.close();
  });

  it('on a 390 px phone: a compact header, and each step’s first field on the first screen', async () => {
    const context = await newContext(browser, 'nl-BE', true);
    const journey = new Journey(await context.newPage(), 'nl', true);
    const id = await fileAsNewcomer(journey, 802);
    await expectFiled(id, 'nl');
    console.log(`usability at 390 px: ${JSON.stringify(journey.steps)} ${JSON.stringify(journey.reported)}`);
    expect(journey.steps.map((s) => s.step)).toEqual([
      'guide',
      'sign-in',
      'identity',
      'residence',
      'employment',
      'documents',
      'fee',
    ]);
    await context.close();
  });
});

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-DE', en: 'en-GB' };

describe('the compact header and the sign-in page on a phone', () => {
  for (const lang of ['nl', 'fr', 'de', 'en'] as const) {
    it(`in ${lang}: language and menu behind one button, every demo account described`, async () => {
      const context = await newContext(browser, LOCALES[lang], true);
      const page = await context.newPage();
      await page.goto(`${platform.url}/signin`);
      await expectPage(page, lang);
      const toggle = page.locator('.menu-toggle');
      const header = await page.locator('.site-header').boundingBox();
      expect(header?.height ?? Infinity).toBeLessThanOrEqual(HEADER_MAX_PX);
      // Closed: the languages and the menu are not shown, the button says so.
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#site-languages').isVisible()).toBe(false);
      expect(await page.locator('#site-menu').isVisible()).toBe(false);
      expect(
        await page
          .locator('#username')
          .boundingBox()
          .then((b) => (b?.y ?? Infinity) < 844),
      ).toBe(true);

      // Every demo account, applicants and authorities alike, has its own description.
      const accounts = page.locator('.demo-accounts li');
      const demo = (await platform.anonymous().get('/api/v1/rules/platform')).body.demoAccounts as unknown[];
      expect(await accounts.count()).toBe(demo.length);
      for (const text of await accounts.allTextContents()) {
        expect(text).not.toContain(tr(lang, 'signIn.demo.other'));
      }
      expect(await page.locator('main').textContent()).toContain(tr(lang, 'signIn.demo.dpo'));
      await audit(page, `${lang}-usability-sign-in-phone`);

      // By keyboard: the button opens the menu; Escape closes it and gives the focus back.
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => page.locator('#site-languages').isVisible()).toBe(true);
      expect(await page.locator('#site-menu').isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate<string | null>('document.activeElement.closest("#site-languages") && "in"'),
      ).toBe('in');
      await audit(page, `${lang}-usability-menu-open`);
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate<boolean>('document.activeElement.classList.contains("menu-toggle")')).toBe(
        true,
      );
      expect(await page.locator('#site-menu').isVisible()).toBe(false);

      // Choosing a language from the menu changes the page's language.
      const other: Lang = lang === 'en' ? 'nl' : 'en';
      await toggle.click();
      await page.click(`.languages button[lang=${other}]`);
      await expectPage(page, other);
      await context.close();
    });
  }

  it('on a wide screen the languages and the menu show without the button', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await page.goto(`${platform.url}/signin`);
    await expectPage(page, 'en');
    expect(await page.locator('.menu-toggle').isVisible()).toBe(false);
    expect(await page.locator('#site-languages').isVisible()).toBe(true);
    expect(await page.locator('#site-menu').isVisible()).toBe(true);
    await audit(page, 'en-usability-sign-in-wide');
    await context.close();
  });
});
