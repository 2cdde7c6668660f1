import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_MESSAGES } from '../../src/contract/field-messages.js';
import { enterpriseNumberFrom } from '../../test/browser.js';
import type { TestPlatform } from '../../test/harness.js';
import type { Lang } from '../src/i18n/index.js';
import { audit, expectPage, newContext, PDF, signIn, startPortal, tr, uploadAllMissing } from './support.js';

let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  ({ platform, browser } = await startPortal());
});

afterAll(async () => {
  await browser.close();
  await platform.close();
});

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-DE', en: 'en-GB' };

/** Saves the section shown and waits for the next step's page. */
async function saveAndContinue(page: Page, nextStep: string) {
  await Promise.all([
    page.waitForURL(new RegExp(`/edit/${nextStep}$`)),
    page.click('main form button[type=submit]'),
  ]);
  await page.waitForSelector('main h1');
}

async function fileSinglePermit(page: Page, lang: Lang, serial: number) {
  const base = platform.url;
  const shots = lang === 'en' || lang === 'nl';
  // First visit: the language follows the browser's preference.
  await page.goto(`${base}/`);
  await expectPage(page, lang);
  expect(await page.locator('main h1').textContent()).toBe(tr(lang, 'home.title'));
  if (shots) await audit(page, `${lang}-01-home`);

  await page.goto(`${base}/signin`);
  await expectPage(page, lang);
  if (shots) await audit(page, `${lang}-02-sign-in`);
  await signIn(page, base, 'employer');
  await expectPage(page, lang);
  if (shots) await audit(page, `${lang}-03-dossiers`);

  // The guide: plain questions, a proposal with its reason, the region from the postcode.
  await page.goto(`${base}/new`);
  await page.check('#q-who');
  await page.check('#q-duration');
  await page.check('#q-kind');
  await page.check('#q-abroad');
  await page.check('#q-posted-no');
  await page.fill('#q-postcode', '2000');
  await expect.poll(() => page.locator('.region-answer').textContent()).toContain('Antwerpen');
  await expect.poll(() => page.locator('.proposal').textContent()).toContain(tr(lang, 'why.single_permit'));
  await expectPage(page, lang);
  if (shots) await audit(page, `${lang}-04-guide`);
  await Promise.all([page.waitForURL(/\/edit\/identity$/), page.click('main form button[type=submit]')]);
  await page.waitForSelector('#f-identity-givenNames');

  // Identity: first a wrong value, to see the server's schema refuse it on the page.
  await page.fill('#f-identity-givenNames', `Demo ${lang.toUpperCase()}`);
  await page.fill('#f-identity-familyName', `Voorbeeld-${String(serial)}`);
  await page.fill('#f-identity-birthDate', '1994-03-15');
  await page.fill('#f-identity-birthPlace', 'Demo City');
  await page.selectOption('#f-identity-birthCountry', 'IN');
  await page.check('#f-identity-sex-X');
  await page.selectOption('#f-identity-nationality', 'FR');
  await page.fill('#f-identity-address-street', 'Example Road');
  await page.fill('#f-identity-address-number', String(serial));
  await page.fill('#f-identity-address-postcode', '00000');
  await page.fill('#f-identity-address-municipality', 'Demo City');
  await page.selectOption('#f-identity-address-country', 'IN');
  await page.click('main form button[type=submit]');
  await page.waitForSelector('.error-summary');
  expect(await page.locator('.error-summary a[href="#f-identity-nationality"]').count()).toBe(1);
  // The message is the server's catalogued one, in the language shown.
  expect(await page.locator('#f-identity-nationality-error').textContent()).toContain(
    FIELD_MESSAGES.eu_national[lang],
  );
  await expectPage(page, lang);
  if (shots) await audit(page, `${lang}-05-identity-error`);
  await page.selectOption('#f-identity-nationality', 'IN');
  await saveAndContinue(page, 'residence');

  await page.fill('#f-residence-passportNumber', `DEMO${String(serial).padStart(5, '0')}`);
  await page.selectOption('#f-residence-passportIssuingCountry', 'IN');
  await page.fill('#f-residence-passportExpiry', '2031-12-31');
  await page.fill('#f-residence-email', `worker${String(serial)}@example.org`);
  await page.fill('#f-residence-phone', '+32 470 00 00 00');
  await expect.poll(() => page.isChecked('#f-residence-abroad')).toBe(true);
  await expect.poll(() => page.locator('#f-residence-visaPost option').count()).toBeGreaterThan(1);
  await page.selectOption('#f-residence-visaPost', { index: 1 });
  if (shots) await audit(page, `${lang}-06-residence`);
  await saveAndContinue(page, 'employment');

  // The guide's answers are reused: workplace postcode and employer name are already there.
  expect(await page.inputValue('#f-employment-workplace-postcode')).toBe('2000');
  expect(await page.inputValue('#f-employment-employer-name')).toContain('Demo Employer');
  // Once-only: the enterprise number fills the name and registered seat from the KBO (its fake).
  await page.fill('#f-employment-employer-enterpriseNumber', enterpriseNumberFrom(1));
  await expect.poll(() => page.locator('.lookup').textContent()).toBe(tr(lang, 'employer.lookupDone'));
  expect(await page.inputValue('#f-employment-employer-name')).toContain('(fictitious)');
  expect(await page.inputValue('#f-employment-employer-seatAddress-street')).toBe('Fictieve straat');
  expect(await page.inputValue('#f-employment-employer-seatAddress-postcode')).toMatch(/^\d{4}$/);
  // With a number, the registration data is not asked.
  expect(await page.locator('#f-employment-registration-legalForm').count()).toBe(0);
  await page.fill('#f-employment-employer-email', 'hr@example.org');
  await page.fill('#f-employment-employer-phone', '+32 3 000 00 00');
  await page.fill('#f-employment-onssNumber', '1234567');
  await page.fill('#f-employment-workplace-street', 'Voorbeeldstraat');
  await page.fill('#f-employment-workplace-number', '1');
  await page.fill('#f-employment-jobTitle', 'Software engineer');
  await page.fill('#f-employment-iscoCode', '2512');
  await page.fill('#f-employment-startDate', '2027-02-01');
  await page.fill('#f-employment-hoursPerWeek', '38');
  await page.fill('#f-employment-grossMonthlySalaryCents', '5200');
  if (shots) await audit(page, `${lang}-07-employment`);
  await saveAndContinue(page, 'documents');

  await page.waitForSelector('.doc-list');
  // Health and criminal documents are marked as such (the worker is abroad).
  expect(await page.locator('.tag-health').count()).toBeGreaterThan(0);
  expect(await page.locator('.tag-criminal').count()).toBeGreaterThan(0);
  if (shots) await audit(page, `${lang}-08-documents-empty`);
  await uploadAllMissing(page);
  await expectPage(page, lang);
  if (shots) await audit(page, `${lang}-09-documents-done`);
  await Promise.all([page.waitForURL(/\/edit\/fee$/), page.click('main .actions a.button')]);

  await page.waitForSelector('#upload-fee_proof');
  expect(await page.inputValue('#f-fee-structuredReference')).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
  expect(await page.locator('.fee-box').textContent()).toContain('358');
  await page.locator('#upload-fee_proof').setInputFiles({ ...PDF, name: 'payment.pdf' });
  await page.waitForSelector('.doc-present #upload-fee_proof');
  await page.fill('#f-fee-paidAt', '2026-11-20');
  if (shots) await audit(page, `${lang}-10-fee`);
  await saveAndContinue(page, 'review');

  await page.waitForSelector('.notice-success');
  await expectPage(page, lang);
  if (shots) await audit(page, `${lang}-11-review`);
  await Promise.all([
    page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/),
    page.getByRole('button', { name: tr(lang, 'review.file') }).click(),
  ]);
  await page.waitForSelector('main .notice-success .notice-title');
  const heading = await page.locator('main h1').textContent();
  const reference = /SW-\d{4}-\d{6}/.exec(heading ?? '')?.[0];
  expect(reference, heading ?? '').toBeDefined();
  expect(heading).toBe(tr(lang, 'filed.title', { reference: reference ?? '' }));
  await expectPage(page, lang);
  if (shots) await audit(page, `${lang}-12-filed`);
  return { id: /\/dossiers\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '', reference: reference ?? '' };
}

describe('an employer files a complete single permit', () => {
  for (const [i, lang] of (['nl', 'fr', 'de', 'en'] as const).entries()) {
    it(`in ${lang}`, async () => {
      const context = await newContext(browser, LOCALES[lang]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const { id, reference } = await fileSinglePermit(page, lang, 700 + i);
      const employer = await platform.login('employer');
      const dossier = await employer.get(`/api/v1/dossiers/${id}`);
      expect(dossier.body.state).toBe('filed');
      expect(dossier.body.region).toBe('flanders');
      expect(dossier.body.language).toBe(lang);
      if (lang === 'en') {
        // The inbox (Art. 20 §5): the "filed" message, unread in the menu, leading to the dossier.
        await page.goto(`${platform.url}/messages`);
        await expectPage(page, lang);
        const link = page.locator(`.inbox a[href="/dossiers/${id}"]`);
        await expect.poll(() => link.count()).toBe(1);
        expect(await link.locator('xpath=ancestor::article//h2').textContent()).toContain(
          `Application ${reference} filed`,
        );
        expect(await page.locator('[data-testid="unread-count"]').count()).toBe(1);
        await audit(page, 'en-13-messages');
        await link.click();
        await expect.poll(() => page.url()).toMatch(new RegExp(`/dossiers/${id}$`));
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
