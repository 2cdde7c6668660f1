import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_MESSAGES } from '../../src/contract/field-messages.js';
import { enterpriseNumberFrom } from '../../test/browser.js';
import type { TestPlatform } from '../../test/harness.js';
import { filedSinglePermit, completeSinglePermitDraft } from '../../test/scenarios.js';
import { LANGUAGES, type Lang, type MessageKey } from '../src/i18n/index.js';
import { audit, expectPage, newContext, PDF, signIn, startPortal, tr } from './support.js';

/*
 * Wrong data refused next to the field where it is typed, and the fee page that says where to pay
 * (issue 13, items 2 and 3), in the browser with axe, in two languages.
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

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-DE', en: 'en-GB' };

/** A draft with everything filled, its proof of payment taken out again so the fee is still due. */
async function draftWithFeeDue() {
  const employer = await platform.login('employer');
  const draft = await completeSinglePermitDraft(platform, employer);
  const view = await employer.get(`/api/v1/dossiers/${draft.id}`);
  for (const d of view.body.documents as { id: string; type: string }[]) {
    if (d.type === 'fee_proof') await employer.delete(`/api/v1/dossiers/${draft.id}/documents/${d.id}`);
  }
  return draft.id;
}

async function open(page: Page, path: string, selector: string) {
  await page.goto(`${platform.url}${path}`);
  await page.waitForSelector(selector);
}

describe('checks at the source and paying the fee', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`in ${lang}`, async () => {
      const context = await newContext(browser, LOCALES[lang]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const id = await draftWithFeeDue();
      await page.goto(`${platform.url}/signin`);
      await signIn(page, platform.url, 'employer');

      // An expired passport: refused by the server, its catalogued message beside the field.
      await open(page, `/dossiers/${id}/edit/residence`, '#f-residence-passportExpiry');
      await page.fill('#f-residence-passportExpiry', '2020-06-30');
      await page.click('main form button[type=submit]');
      await page.waitForSelector('#f-residence-passportExpiry-error');
      expect(await page.locator('#f-residence-passportExpiry-error').textContent()).toContain(
        FIELD_MESSAGES.passport_expired[lang],
      );
      expect(await page.locator('.error-summary a[href="#f-residence-passportExpiry"]').count()).toBe(1);
      await expectPage(page, lang);
      await audit(page, `fee-checks-${lang}-01-passport-expired`);

      // Another company's enterprise number: refused as typed, nothing of that company filled in.
      await open(page, `/dossiers/${id}/edit/employment`, '#f-employment-employer-enterpriseNumber');
      expect(await page.inputValue('#f-employment-employer-enterpriseNumber')).toBe(enterpriseNumberFrom(1));
      const name = await page.inputValue('#f-employment-employer-name');
      await page.fill('#f-employment-employer-enterpriseNumber', enterpriseNumberFrom(2));
      await page.waitForSelector('#f-employment-employer-enterpriseNumber-error');
      expect(await page.locator('#f-employment-employer-enterpriseNumber-error').textContent()).toContain(
        FIELD_MESSAGES.enterprise_number_not_applicant[lang],
      );
      expect(await page.inputValue('#f-employment-employer-name')).toBe(name);
      await page.click('main form button[type=submit]');
      await page.waitForSelector('.error-summary a[href="#f-employment-employer-enterpriseNumber"]');
      await audit(page, `fee-checks-${lang}-02-enterprise-not-theirs`);

      // The fee: where to pay, with what, and the QR code a banking app reads.
      await open(page, `/dossiers/${id}/edit/fee`, '.fee-box');
      const box = (await page.locator('.fee-box').textContent()) ?? '';
      expect(box).toContain(tr(lang, 'fee.beneficiary'));
      expect(box).toContain('DEMO Immigration Office fee account');
      expect(box).toContain('BE54 0000 0000 0097');
      expect(box).toContain('DEMOBEBB');
      expect(box).toMatch(/\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+/);
      expect(box).toContain(tr(lang, 'fee.state.due'));
      const qr = page.locator('.payment-qr img');
      await expect.poll(() => qr.count()).toBe(1);
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      const alt = (await qr.getAttribute('alt')) ?? '';
      expect(alt).toContain('BE54 0000 0000 0097');
      expect(alt).toMatch(/\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+/);
      await expectPage(page, lang);
      await audit(page, `fee-checks-${lang}-03-fee-due`);

      // The proof of payment, uploaded here, moves the fee's state for the applicant.
      await page.locator('#upload-fee_proof').setInputFiles({ ...PDF, name: 'payment.pdf' });
      await page.waitForSelector('.doc-present #upload-fee_proof');
      await expect
        .poll(() => page.locator('.fee-box').textContent())
        .toContain(tr(lang, 'fee.state.proof_uploaded'));
      await audit(page, `fee-checks-${lang}-04-fee-proof`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('the examining authority sees where the fee stands and confirms it', async () => {
    const employer = await platform.login('employer');
    const { id } = await filedSinglePermit(platform, employer);
    const context = await newContext(browser, LOCALES.nl);
    const page = await context.newPage();
    await page.goto(`${platform.url}/signin`);
    await signIn(page, platform.url, 'flanders');
    await open(page, `/dossiers/${id}`, '.fee-panel');
    expect(await page.locator('.fee-panel').textContent()).toContain(tr('nl', 'fee.state.proof_uploaded'));
    await audit(page, 'fee-checks-nl-05-authority');
    await page.getByRole('button', { name: tr('nl', 'fee.confirm') }).click();
    await expect
      .poll(() => page.locator('.fee-panel').textContent())
      .toContain(tr('nl', 'fee.state.paid_confirmed'));
    const seen = await employer.get(`/api/v1/dossiers/${id}`);
    expect(seen.body.fee.state).toBe('paid_confirmed');
    await context.close();
  });

  it('every text of the fee page and the checks exists in all four languages', () => {
    const keys: MessageKey[] = [
      'fee.beneficiary',
      'fee.iban',
      'fee.bic',
      'fee.qr.title',
      'fee.qr.hint',
      'fee.qr.alt',
      'fee.noAccount',
      'fee.state.due',
      'fee.state.proof_uploaded',
      'fee.state.paid_confirmed',
      'fee.state.exempt',
      'fee.confirm',
      'check.passport_valid_for_stay',
      'finding.passport.expiresBeforeStayEnd',
      'finding.passport.expired',
      'f.residence.passportIssueDate',
    ];
    for (const lang of LANGUAGES) {
      for (const key of keys) {
        const text = tr(lang, key, {
          expiry: 'D',
          end: 'E',
          today: 'T',
          amount: 'A',
          beneficiary: 'B',
          iban: 'I',
          reference: 'R',
        });
        expect(text, `${lang} ${key}`).not.toBe(key);
        expect(text.length, `${lang} ${key}`).toBeGreaterThan(2);
      }
    }
    expect(new Set(keys.map((k) => tr('nl', k))).size).toBe(keys.length);
  });
});
