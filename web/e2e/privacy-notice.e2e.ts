import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '../../test/harness.js';
import { completeSinglePermitDraft } from '../../test/scenarios.js';
import { LANGUAGES, type Lang } from '../src/i18n/index.js';
import { audit, expectPage, newContext, signIn, startPortal, tr } from './support.js';

/**
 * Art. 28 of the agreement: the rights are stated on the application form itself (every step
 * links to them) and the GDPR Art. 13/14 information is given before filing and on the privacy
 * page, in the four languages.
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

const SINGLE_PERMIT_STEPS = ['identity', 'residence', 'employment', 'documents', 'fee', 'review'] as const;
const DPO = {
  flanders: 'dpo@flanders.example',
  wallonia: 'dpo@wallonia.example',
  brussels: 'dpo@brussels.example',
  ostbelgien: 'dpo@ostbelgien.example',
  dvz: 'dpo@dvz.example',
} as const;

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

/** The line of Art. 28 on a step: one link to the rights on the privacy page, in a new tab. */
async function expectRightsLine(page: Page, lang: Lang): Promise<void> {
  const link = page.locator('main .rights-line a');
  await expect.poll(() => link.count()).toBe(1);
  expect(await link.getAttribute('href')).toBe('/privacy#rights');
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.textContent()).toContain(tr(lang, 'form.rightsLink'));
  expect(await link.textContent()).toContain(tr(lang, 'form.rightsNewTab'));
}

/** The words every notice carries, whatever the procedure: basis, sources, retention, rights. */
function expectCommonNotice(notice: string, lang: Lang): void {
  for (const key of [
    'privacy.basis.body',
    'privacy.source.body',
    'privacy.retention.body',
    'privacy.retention.granted',
    'privacy.retention.closed',
    'privacy.retention.hold',
    'privacy.retention.deleted',
    'privacy.retention.draft',
    'privacy.rights.access',
    'privacy.rights.rectification',
    'privacy.rights.erasure',
    'privacy.rights.restriction',
    'privacy.rights.object',
    'privacy.rights.portability',
    'privacy.rights.notification',
    'privacy.rights.how',
    'privacy.rights.deadline',
    'privacy.purpose.register',
    'privacy.recipient.inspection',
    'privacy.complaint.body',
  ] as const) {
    expect(notice, key).toContain(tr(lang, key));
  }
  expect(notice).toMatch(/6(\(1\)\(c\)|, lid 1, c|, paragraphe 1, c| Abs\. 1 Buchst\. c)/);
  expect(notice).toContain('LIMOSA');
  expect(notice).toContain('KBO');
}

describe('the rights on the application form (Art. 28)', () => {
  for (const { lang, locale, postcode, region } of [
    { lang: 'en', locale: 'en-GB', postcode: '2000', region: 'flanders' },
    { lang: 'nl', locale: 'nl-BE', postcode: '5000', region: 'wallonia' },
  ] as const) {
    it(`links every step to the rights and shows the Art. 13/14 notice before filing (${lang})`, async () => {
      const employer = await platform.login('employer');
      const draft = await completeSinglePermitDraft(platform, employer, { postcode });
      const context = await newContext(browser, locale);
      const page = await context.newPage();
      await signIn(page, platform.url, 'employer');

      for (const step of SINGLE_PERMIT_STEPS) {
        await page.goto(`${platform.url}/dossiers/${draft.id}/edit/${step}`);
        await expectPage(page, lang);
        await expectRightsLine(page, lang);
        if (step !== 'review') await audit(page, `${lang}-art28-${step}`);
      }

      // The review step: the notice of this application, before the file button.
      const notice = page.locator('main .review-privacy');
      await expect.poll(() => notice.count()).toBe(1);
      const content = await text(page, 'main .review-privacy');
      expect(content).toContain(tr(lang, 'review.privacy.title'));
      expect(content).toContain(tr(lang, 'privacy.who.dossier'));
      // Controllers of a single permit: the region of the workplace and the Immigration Office.
      expect(content).toContain(tr(lang, `privacy.controller.${region}`));
      expect(content).toContain(tr(lang, 'privacy.controller.dvz'));
      expect(content).toContain(DPO[region]);
      expect(content).toContain(DPO.dvz);
      const other = region === 'flanders' ? 'wallonia' : 'flanders';
      expect(content).not.toContain(tr(lang, `privacy.controller.${other}`));
      expect(content).not.toContain(DPO[other]);
      expect(await page.locator(`main .review-privacy a[href="mailto:${DPO[region]}"]`).count()).toBe(1);
      // Sources of Art. 14 for a single permit: the ONSS databases.
      for (const source of ['dimona', 'limosa', 'dmfa', 'kbo'] as const)
        expect(content).toContain(tr(lang, `privacy.source.${source}`));
      expect(content).not.toContain(tr(lang, 'privacy.source.inasti'));
      // Recipients the single permit requires.
      for (const recipient of ['post', 'municipality', 'employment', 'inspection'] as const)
        expect(content).toContain(tr(lang, `privacy.recipient.${recipient}`));
      expect(content).not.toContain(tr(lang, 'privacy.recipient.counter'));
      expectCommonNotice(content, lang);

      const button = page.getByRole('button', { name: tr(lang, 'review.file') });
      const noticeBox = await notice.boundingBox();
      const buttonBox = await button.boundingBox();
      expect(noticeBox && buttonBox && noticeBox.y + noticeBox.height <= buttonBox.y).toBe(true);
      await audit(page, `${lang}-art28-review`);

      // The link opens the rights on the privacy page, in a new tab: the step keeps its input.
      const [popup] = await Promise.all([
        context.waitForEvent('page'),
        page.locator('main .rights-line a').click(),
      ]);
      await popup.waitForLoadState();
      expect(popup.url()).toBe(`${platform.url}/privacy#rights`);
      await expectPage(popup, lang);
      await popup.waitForSelector('#rights');
      expect(await text(popup, '#rights h2')).toBe(tr(lang, 'privacy.rights.title'));
      await expect.poll(() => popup.locator('#rights h2').isVisible()).toBe(true);
      expect(page.url()).toContain(`/edit/review`);
      await context.close();
    });
  }
});

describe('the privacy page', () => {
  for (const lang of LANGUAGES) {
    it(`gives the Art. 13/14 information of every procedure with each controller's DPO (${lang})`, async () => {
      const context = await newContext(browser, lang === 'en' ? 'en-GB' : `${lang}-BE`);
      const page = await context.newPage();
      await page.goto(`${platform.url}/privacy`);
      await expectPage(page, lang);
      expect(await text(page, 'main h1')).toBe(tr(lang, 'privacy.title'));
      const content = await text(page, 'main');
      expect(content).toContain(tr(lang, 'privacy.who.all'));
      for (const controller of ['flanders', 'wallonia', 'brussels', 'ostbelgien', 'dvz'] as const) {
        expect(content).toContain(tr(lang, `privacy.controller.${controller}`));
        expect(await page.locator(`main a[href="mailto:${DPO[controller]}"]`).count()).toBe(1);
      }
      // Every source and recipient, since no procedure narrows them.
      for (const source of ['dimona', 'limosa', 'dmfa', 'inasti', 'kbo'] as const)
        expect(content).toContain(tr(lang, `privacy.source.${source}`));
      for (const recipient of [
        'post',
        'municipality',
        'dvz',
        'otherRegion',
        'inspection',
        'employment',
        'counter',
      ] as const)
        expect(content).toContain(tr(lang, `privacy.recipient.${recipient}`));
      expect(content).toContain(tr(lang, 'privacy.processor.body'));
      expectCommonNotice(content, lang);
      // The anchor the form links to.
      expect(await page.locator('main section#rights').count()).toBe(1);
      // One h1, then h2 sections, none skipped.
      expect(await page.locator('main h3').count()).toBe(0);
      await audit(page, `${lang}-art28-privacy`);
      await context.close();
    });
  }
});
