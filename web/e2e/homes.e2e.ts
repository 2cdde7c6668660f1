import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestPlatform } from '../../test/harness.js';
import { claimDossier, filedSinglePermit } from '../../test/scenarios.js';
import type { Lang } from '../src/i18n/index.js';
import { audit, expectPage, newContext, signIn, startPortal, tr } from './support.js';

// Issue 13, item 5: every role starts where its work is.

let platform: TestPlatform;
let browser: Browser;
let employer: Client, flanders: Client, worker: Client;
/** Filed: the region must decide on admissibility. */
let toCheck: { id: string; reference: string };
/** With DVZ: nothing for the region to do now. */
let withDvz: { id: string; reference: string };
/** The worker's, admissible: the region examines it. */
let examined: { id: string; reference: string };
/** The worker's, refused by the region: closed, with an appeal route. */
let refused: { id: string; reference: string };

const dossiers = (id: string) => `/api/v1/dossiers/${id}`;

async function admissible(id: string) {
  expect((await flanders.post(`${dossiers(id)}/admissibility`, { outcome: 'admissible' })).status).toBe(200);
}

beforeAll(async () => {
  ({ platform, browser } = await startPortal());
  [employer, flanders, worker] = await platform.loginAll(['employer', 'flanders', 'worker'] as const);
  toCheck = await filedSinglePermit(platform, employer);
  withDvz = await filedSinglePermit(platform, employer);
  await admissible(withDvz.id);
  const granted = await flanders.post(`${dossiers(withDvz.id)}/decisions`, {
    kind: 'work',
    outcome: 'granted',
    validFrom: '2027-02-01',
    validUntil: '2028-01-31',
  });
  expect(granted.status).toBe(201);
  const mine = await filedSinglePermit(platform, employer);
  await claimDossier(platform, worker, mine);
  await admissible(mine.id);
  examined = mine;
  const lost = await filedSinglePermit(platform, employer);
  await claimDossier(platform, worker, lost);
  await admissible(lost.id);
  const decided = await flanders.post(`${dossiers(lost.id)}/decisions`, {
    kind: 'work',
    outcome: 'refused',
    grounds: 'The salary is below the threshold for this category (test grounds).',
  });
  expect(decided.status).toBe(201);
  refused = lost;
  // Reads the worker's access log shows, on the day of the test.
  await flanders.get(dossiers(examined.id));
  await (await platform.login('dvz')).get(dossiers(examined.id));
});

afterAll(async () => {
  await browser.close();
  await platform.close();
});

async function as(username: string, locale: string, phone = false): Promise<Page> {
  const context = await newContext(browser, locale, phone);
  const page = await context.newPage();
  await signIn(page, platform.url, username);
  return page;
}

/** The references of the queue's rows, in the order shown, with whether an action is needed. */
async function queueRows(page: Page) {
  const rows = page.locator('.queue-table tbody tr');
  const out: { reference: string; needed: boolean }[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push({
      reference: (await row.locator('a').first().textContent()) ?? '',
      needed: (await row.locator('.action-needed').count()) > 0,
    });
  }
  return out;
}

describe('a home for each role', () => {
  it('the case officer lands on the queue: action needed first, no closed dossier unless asked', async () => {
    const lang: Lang = 'nl';
    const page = await as('flanders', 'nl-BE');
    expect(new URL(page.url()).pathname).toBe('/queue');
    await page.waitForSelector(`.queue-table a:text("${toCheck.reference}")`);
    expect(await page.locator('main h1').textContent()).toBe(tr(lang, 'queue.title'));
    // No applicant's entries in an authority's menu.
    expect(await page.locator('.main-nav a[href="/new"]').count()).toBe(0);
    expect(await page.locator('.main-nav a[href="/dossiers"]').count()).toBe(0);

    const rows = await queueRows(page);
    const references = rows.map((r) => r.reference);
    expect(references).toContain(withDvz.reference);
    expect(references).not.toContain(refused.reference);
    // Every dossier awaiting the region's act comes before those waiting for someone else.
    const firstWaiting = rows.findIndex((r) => !r.needed);
    expect(firstWaiting).toBeGreaterThan(0);
    expect(rows.slice(firstWaiting).every((r) => !r.needed)).toBe(true);
    const checkRow = page.locator('.queue-table tbody tr', { hasText: toCheck.reference });
    expect(await checkRow.textContent()).toContain(tr(lang, 'queue.action.declare_admissible'));
    const examinedRow = page.locator('.queue-table tbody tr', { hasText: examined.reference });
    expect(await examinedRow.textContent()).toContain(tr(lang, 'queue.action.decide_work'));
    const dvzRow = page.locator('.queue-table tbody tr', { hasText: withDvz.reference });
    expect(await dvzRow.textContent()).toContain(tr(lang, 'queue.action.none'));
    await expectPage(page, lang);
    await audit(page, 'nl-50-queue-action-needed');

    // The closed ones, behind the filter.
    await page.selectOption('#queue-stage', 'closed');
    await page.getByRole('button', { name: tr(lang, 'filter.apply') }).click();
    await page.waitForSelector(`.queue-table a:text("${refused.reference}")`);
    expect(await page.locator(`.queue-table a:text("${toCheck.reference}")`).count()).toBe(0);
    await audit(page, 'nl-51-queue-closed');
    await page.context().close();
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`the worker (${lang}, 390 px) sees the next step with its date, the grouped access log and the appeal route`, async () => {
      const page = await as('worker', lang === 'en' ? 'en-GB' : 'fr-BE', true);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.waitForSelector('.worker-dossiers .next-step');
      expect(await page.locator('main h1').textContent()).toBe(tr(lang, 'workerHome.title'));
      const card = page.locator('.worker-dossiers .card', { hasText: examined.reference });
      const before = (tr(lang, 'next.expected', { date: '\u0000' }).split('\u0000')[0] ?? '').trim();
      expect(await card.textContent()).toContain(before);
      expect(await page.locator('.main-nav a[href="/new"]').count()).toBe(0);
      await expectPage(page, lang);
      await audit(page, `${lang}-52-worker-home-phone`);

      // The dossier under examination: who examines it and by when, and who read the data.
      await page.goto(`${platform.url}/dossiers/${examined.id}`);
      await page.waitForSelector('.next-step');
      const next = (await page.locator('.next-step').textContent()) ?? '';
      expect(next).toContain(tr(lang, 'next.title'));
      expect(next).toContain(before);
      expect(next).toContain(tr(lang, 'next.admissible', { region: tr(lang, 'region.flanders') }));
      await page.waitForSelector('.access-day');
      expect(await page.locator('.access-day').count()).toBe(1);
      const orgs = page.locator('.access-day .access-org');
      // Each organisation once on the day however often it read: the region and DVZ among them.
      const who = await page.locator('.access-day .access-who').allTextContents();
      expect(new Set(who).size).toBe(who.length);
      expect(who.some((w) => w.includes(tr(lang, 'orgKind.regional_authority')))).toBe(true);
      expect(who.some((w) => w.includes(tr(lang, 'orgKind.dvz')))).toBe(true);
      expect(await orgs.first().textContent()).toContain(
        tr(lang, 'access.read', { what: '' }).replace(/[.\s:]+$/, ''),
      );
      await expectPage(page, lang);
      await audit(page, `${lang}-53-worker-next-step-phone`);

      // The refused dossier: the route of appeal, on the page.
      await page.goto(`${platform.url}/dossiers/${refused.id}`);
      await page.waitForSelector('.appeal-route');
      const appeal = (await page.locator('.appeal-route').textContent()) ?? '';
      expect(appeal).toContain(tr(lang, 'appeal.title'));
      expect(appeal).toContain(tr(lang, 'appeal.minister.flanders'));
      expect(appeal).toContain(String(30));
      expect(await page.locator('.next-step').textContent()).toContain(tr(lang, 'next.negative'));
      // Nothing wider than the phone.
      const width = await page.evaluate<number>(
        'document.querySelector(".appeal-route").getBoundingClientRect().width',
      );
      expect(width).toBeLessThanOrEqual(390);
      await expectPage(page, lang);
      await audit(page, `${lang}-54-worker-appeal-phone`);
      await page.context().close();
    });
  }

  it('the DPO opens the access log, the register and the audit verification, and takes over nothing', async () => {
    const lang: Lang = 'fr';
    const page = await as('dpo', 'fr-BE');
    expect(new URL(page.url()).pathname).toBe('/oversight');
    // The address changes before the page drawn for it: wait for its heading, not the sign-in's.
    await page.locator('main h1', { hasText: tr(lang, 'oversight.title') }).waitFor();
    expect(await page.locator('main h1').textContent()).toBe(tr(lang, 'oversight.title'));
    await page.getByRole('button', { name: tr(lang, 'oversight.audit.verify') }).click();
    await page.waitForSelector('.notice-success');
    expect(await page.locator('.notice-success').textContent()).toContain(tr(lang, 'oversight.audit.intact'));

    await page.waitForSelector('.oversight-log tbody tr');
    await page.fill('#log-reference', examined.reference);
    await page
      .locator('form[aria-labelledby="oversight-log-filters"]')
      .getByRole('button', { name: tr(lang, 'filter.apply') })
      .click();
    await expect
      .poll(async () => {
        const cells = await page.locator('.oversight-log tbody tr td:nth-child(2)').allTextContents();
        return cells.length > 0 && cells.every((c) => c === examined.reference);
      })
      .toBe(true);
    expect(await page.locator('.oversight-log').textContent()).toContain('Flor Flanders (demo)');
    expect(await page.locator('#oversight-register-title').count()).toBe(1);
    await expectPage(page, lang);
    await audit(page, 'fr-55-dpo-oversight');

    await page.goto(`${platform.url}/dossiers/${toCheck.id}`);
    await page.waitForSelector('.summary');
    expect(await page.getByRole('button', { name: tr(lang, 'assign.take') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: tr(lang, 'assign.takeOver') }).count()).toBe(0);
    await page.context().close();
  });

  it('the operator sees the platform’s health: counts, backlogs and job runs, no dossier', async () => {
    const lang: Lang = 'de';
    const page = await as('operator', 'de-DE');
    expect(new URL(page.url()).pathname).toBe('/platform');
    await page.waitForSelector('.health-jobs tbody tr');
    expect(await page.locator('main h1').textContent()).toBe(tr(lang, 'health.title'));
    const api = await (
      await platform.login('operator')
    ).get<{ jobs: unknown[] }>('/api/v1/operations/health');
    expect(api.body.jobs.length).toBeGreaterThan(3);
    expect(await page.locator('.health-jobs tbody tr').count()).toBe(api.body.jobs.length);
    const queues = (await page.locator('.health-queues').textContent()) ?? '';
    expect(queues).toContain(tr(lang, 'state.work_refused'));
    expect(await page.locator('.health-backlog tbody tr').count()).toBe(3);
    const main = (await page.locator('main').textContent()) ?? '';
    for (const d of [toCheck, refused]) expect(main).not.toContain(d.reference);
    expect(main).not.toContain('Voorbeeld-Exemple');
    await expectPage(page, lang);
    await audit(page, 'de-56-operator-health');
    await page.context().close();
  });
});
