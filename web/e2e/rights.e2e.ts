import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '../../test/harness.js';
import { admissibleSinglePermit } from '../../test/exchange.js';
import { claimDossier } from '../../test/scenarios.js';
import { audit, expectPage, newContext, signIn, startPortal, tr } from './support.js';

let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  ({ platform, browser } = await startPortal());
});

afterAll(async () => {
  await browser.close();
  await platform.close();
});

describe('the rights of the person concerned (Art. 29)', () => {
  it('a worker asks for a rectification and an export, the DPO sees the due dates and answers, the worker receives both', async () => {
    const [employer, flanders, dvz, worker] = await platform.loginAll([
      'employer',
      'flanders',
      'dvz',
      'worker',
    ] as const);
    const draft = await admissibleSinglePermit(platform, { employer, flanders, dvz });
    await claimDossier(platform, worker, draft);

    // The worker asks, in English.
    const workerContext = await newContext(browser, 'en-GB');
    const page = await workerContext.newPage();
    await signIn(page, platform.url, 'worker');
    await page.goto(`${platform.url}/my-rights`);
    await expectPage(page, 'en');
    await page.waitForSelector(`#rights-dossier option[value="${draft.id}"]`, { state: 'attached' });
    await audit(page, 'en-40-my-rights');
    await page.selectOption('#rights-kind', 'rectification');
    await page.selectOption('#rights-dossier', draft.id);
    await page.check('#rights-concerns-work');
    await page.selectOption('#rights-field', 'identity.familyName');
    await page.fill('#rights-value', 'Voorbeeld-Exemplaar');
    await page.fill('#rights-details', 'My family name is misspelt (demo).');
    await page.click('main form button[type=submit]');
    await page.waitForSelector('article[data-kind="rectification"]');
    await page.selectOption('#rights-kind', 'access');
    await page.fill('#rights-details', '');
    await page.click('main form button[type=submit]');
    await page.waitForSelector('article[data-kind="access"]');
    const acknowledgement = (await page.locator('article[data-kind="access"]').textContent()) ?? '';
    expect(acknowledgement).toContain(tr('en', 'rights.acknowledged'));
    await audit(page, 'en-41-my-rights-filed');

    // The DPO of the region sees the due dates, in French, and answers both.
    const dpoContext = await newContext(browser, 'fr-BE');
    const dpoPage = await dpoContext.newPage();
    await signIn(dpoPage, platform.url, 'dpo');
    await dpoPage.goto(`${platform.url}/rights-requests`);
    await expectPage(dpoPage, 'fr');
    await dpoPage.waitForSelector('article[data-kind="rectification"]');
    const due =
      (await dpoPage.locator('article[data-kind="rectification"] [data-testid=due]').textContent()) ?? '';
    expect(due).toMatch(/2026/);
    await audit(dpoPage, 'fr-42-rights-work-list');
    await dpoPage
      .locator('article[data-kind="rectification"]')
      .getByRole('button', { name: tr('fr', 'rights.work.send') })
      .click();
    await dpoPage.waitForSelector(`text=${tr('fr', 'rights.work.answered')}`);
    await dpoPage
      .locator('article[data-kind="access"]')
      .getByRole('button', { name: tr('fr', 'rights.work.send') })
      .first()
      .click();
    await expect.poll(() => dpoPage.locator('article[data-kind="access"] form').count()).toBe(0);
    await audit(dpoPage, 'fr-43-rights-answered');

    // The worker reads the answers and downloads the export.
    await page.reload();
    await page.waitForSelector('article[data-kind="rectification"] [data-testid=answer]');
    expect(await page.locator('article[data-kind="rectification"]').textContent()).toContain(
      tr('en', 'rights.answer.granted', { date: '' })
        .replace(/\s*\.$/, '')
        .split(' ')[0] ?? '',
    );
    const exported = await page.request.get(`${platform.url}/api/v1/me/export?format=json`);
    expect(exported.status()).toBe(200);
    const data = (await exported.json()) as {
      dossiers: { dossier: { id: string; sections: { identity?: { familyName?: string } } } }[];
    };
    const mine = data.dossiers.find((d) => d.dossier.id === draft.id);
    expect(mine?.dossier.sections.identity?.familyName).toBe('Voorbeeld-Exemplaar');
    const pdf = await page.request.get(`${platform.url}/api/v1/me/export?format=pdf`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await audit(page, 'en-44-my-rights-answered');
    await workerContext.close();
    await dpoContext.close();
  });
});
