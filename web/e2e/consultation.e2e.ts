import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestPlatform } from '../../test/harness.js';
import { admissibleSinglePermit, workGrantedSinglePermit } from '../../test/exchange.js';
import { claimDossier, completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';
import type { Lang } from '../src/i18n/index.js';
import { audit, expectPage, newContext, signIn, startPortal, tr } from './support.js';

let platform: TestPlatform;
let browser: Browser;
let employer: Client, flanders: Client, dvz: Client, worker: Client;

beforeAll(async () => {
  ({ platform, browser } = await startPortal());
  [employer, flanders, dvz, worker] = await platform.loginAll([
    'employer',
    'flanders',
    'dvz',
    'worker',
  ] as const);
});

afterAll(async () => {
  await browser.close();
  await platform.close();
});

/** A signed-in page of one demo account, in a fresh browser profile preferring `locale`. */
async function as(username: string, locale: string): Promise<Page> {
  const context = await newContext(browser, locale);
  const page = await context.newPage();
  await signIn(page, platform.url, username);
  return page;
}

async function openDossier(page: Page, id: string): Promise<void> {
  await page.goto(`${platform.url}/dossiers/${id}`);
  await page.waitForSelector('.summary');
}

/** Submits an act's form, confirms it, and waits for the dossier to reach `state`. */
async function perform(page: Page, lang: Lang, act: string, state: string): Promise<void> {
  const section = page.locator(`#${act}`);
  await section.locator('form button[type=submit]').click();
  await page.waitForSelector(`#${act} .confirm h4:focus`);
  await section.getByRole('button', { name: tr(lang, 'acts.confirm.yes') }).click();
  await page.waitForSelector(`.summary .state-${state}`);
}

/** The fixed words of a text with one placeholder, before it: what a page shows whatever the value. */
const before = (lang: Lang, key: Parameters<typeof tr>[1], name: string) =>
  (tr(lang, key, { [name]: '\u0000' }).split('\u0000')[0] ?? '').trim();

const GROUNDS = 'GROUNDS-e2e: the offered salary is below the threshold for this category';

describe('a refusal, a withdrawal and a consultation across parties, in the browser', () => {
  it('a region takes the dossier and refuses; the worker reads the grounds, the employer and DVZ only the fact', async () => {
    // Filed in Dutch in Flanders: the letters are authentic in Dutch, and no copy is needed.
    const dutchEmployer = await platform.login('employer', 'nl');
    const filed = await admissibleSinglePermit(platform, { employer: dutchEmployer, flanders, dvz });
    await filedSinglePermit(platform, employer); // another in the region's queue

    const region = await as('flanders', 'nl-BE');
    await openDossier(region, filed.id);
    await region.getByRole('button', { name: tr('nl', 'assign.take') }).click();
    await region.waitForSelector(`text=${tr('nl', 'assign.taken')}`);
    expect(await region.locator('.assignment').textContent()).toContain(before('nl', 'assign.me', 'date'));
    await region.click('.main-nav a[href="/queue"]');
    await region.selectOption('#queue-assigned', 'me');
    await region.locator('.filters button[type=submit]').click();
    const mine = region.locator('.queue-table tbody tr');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.first().textContent()).toContain(filed.reference);
    expect(await mine.first().textContent()).toContain(tr('nl', 'queue.assignee.me'));
    await audit(region, 'nl-40-region-queue-mine');
    // Searching the queue by reference, whoever handles it.
    await region.selectOption('#queue-assigned', '');
    await region.locator('.filters button[type=submit]').click();
    await expect.poll(() => mine.count()).toBeGreaterThan(1);
    await region.fill('#queue-q', filed.reference);
    await region.locator('.filters button[type=submit]').click();
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.first().textContent()).toContain(filed.reference);

    await openDossier(region, filed.id);
    await region.check('#decision-work-outcome-refused');
    await region.fill('#decision-work-grounds', GROUNDS);
    await expectPage(region, 'nl');
    await audit(region, 'nl-41-region-refusal');
    await perform(region, 'nl', 'act-decision-work', 'work_refused');
    await region.context().close();

    const owner = await as('employer', 'fr-BE');
    await openDossier(owner, filed.id);
    const ownerDecisions = (await owner.locator('.decisions').textContent()) ?? '';
    expect(ownerDecisions).toContain(before('fr', 'decision.negativeFact', 'date'));
    expect(ownerDecisions).not.toContain('GROUNDS-e2e');
    expect(await owner.content()).not.toContain('GROUNDS-e2e');
    // The employer downloads the notice of the refusal, not the letter with its grounds.
    const notice = owner.locator('.decision-negative a.letter-link').first();
    expect(await notice.textContent()).toContain(before('fr', 'decision.notice', 'language'));
    const noticePdf = await owner.request.get(`${platform.url}${(await notice.getAttribute('href')) ?? ''}`);
    expect(noticePdf.headers()['content-type']).toBe('application/pdf');
    await audit(owner, 'fr-42-employer-refusal-fact');
    await owner.context().close();

    const residence = await as('dvz', 'de-BE');
    await openDossier(residence, filed.id);
    await residence.waitForSelector('.decisions .decision-negative');
    expect(await residence.content()).not.toContain('GROUNDS-e2e');
    await expectPage(residence, 'de');
    await audit(residence, 'de-43-dvz-refusal-fact');
    await residence.context().close();

    await claimDossier(platform, worker, filed);
    const person = await as('worker', 'en-GB');
    await openDossier(person, filed.id);
    const grounds = person.locator('.decisions');
    await expect.poll(() => grounds.textContent()).toContain(GROUNDS);
    expect(await grounds.textContent()).toContain(tr('en', 'decision.grounds'));
    // The letter in Dutch, the language of the region and of the dossier, downloadable.
    const letters = person.locator('.decision-negative a.letter-link');
    expect(await letters.count()).toBe(1);
    const letter = await person.request.get(
      `${platform.url}${(await letters.first().getAttribute('href')) ?? ''}`,
    );
    expect(letter.status()).toBe(200);
    expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await audit(person, 'en-44-worker-refusal-grounds');
    // The same decision waits in the worker's own inbox, whole.
    await expect.poll(() => person.locator('[data-testid=unread-count]').count()).toBe(1);
    await person.click('.main-nav a[href="/messages"]');
    const refusal = person.locator('.inbox .message', { hasText: GROUNDS });
    await refusal.waitFor();
    await expectPage(person, 'en');
    await audit(person, 'en-44b-worker-inbox');
    await refusal.getByRole('button', { name: tr('en', 'inbox.markRead') }).click();
    await person.locator('.inbox .message-unread', { hasText: GROUNDS }).waitFor({ state: 'detached' });
    await person.context().close();
  });

  it('a withdrawal of the single permit reaches the region’s public employment service', async () => {
    const granted = await workGrantedSinglePermit(platform, { employer, flanders, dvz });
    const region = await as('flanders', 'en-GB');
    await openDossier(region, granted.id);
    await region.waitForSelector('#act-later');
    await region.check('#later-which');
    // Without grounds the act is not sent.
    await region.locator('#act-later form button[type=submit]').click();
    await region.waitForSelector('#act-later .error-summary');
    await region.fill('#later-grounds', 'The employment ended before the start date (fictitious).');
    await audit(region, 'en-45-region-withdrawal');
    await perform(region, 'en', 'act-later', 'work_withdrawn');
    await region.context().close();

    const pes = await as('pes', 'nl-BE');
    await pes.click('.main-nav a[href="/deliveries"]');
    const row = pes.locator(`.deliveries-table tr[data-reference="${granted.reference}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(tr('nl', 'delivery.event.single_permit_withdrawn'));
    await expectPage(pes, 'nl');
    await audit(pes, 'nl-46-pes-deliveries');
    await row
      .getByRole('button', { name: tr('nl', 'deliveries.ack.for', { reference: granted.reference }) })
      .click();
    await pes.waitForSelector(`text=${tr('nl', 'deliveries.ackedNow', { reference: granted.reference })}`);
    await pes.context().close();
  });

  it('an inspector finds the dossier by NISS and the read shows in the worker’s access log with its purpose', async () => {
    const filed = await filedSinglePermit(platform, employer);
    await claimDossier(platform, worker, filed);
    const purpose = 'Contrôle CTRL-2026-0077';

    // The inspection lands on the search: it has no list of every dossier to browse.
    const inspector = await as('inspection', 'fr-BE');
    await inspector.waitForSelector('#search-purpose');
    expect(await inspector.locator('.main-nav a[href="/dossiers"]').count()).toBe(0);
    await expectPage(inspector, 'fr');
    // No purpose, no search.
    await inspector.fill('#search-niss', filed.sections.identity.niss);
    await inspector.locator('.search-form button[type=submit]').click();
    await inspector.waitForSelector('.error-summary');
    expect(await inspector.locator('.error-summary').textContent()).toContain(
      tr('fr', 'search.purpose.required'),
    );
    await audit(inspector, 'fr-47-inspection-search-refused');
    await inspector.fill('#search-purpose', purpose);
    await inspector.locator('.search-form button[type=submit]').click();
    const result = inspector.locator(`a:text("${filed.reference}")`);
    await result.waitFor();
    await audit(inspector, 'fr-48-inspection-results');
    await Promise.all([inspector.waitForURL(new RegExp(`/dossiers/${filed.id}`)), result.click()]);
    await inspector.waitForSelector('.summary');
    await audit(inspector, 'fr-49-inspection-dossier');
    await inspector.context().close();

    const person = await as('worker', 'en-GB');
    await openDossier(person, filed.id);
    const log = person.locator('.access-log');
    await log.waitFor();
    await expect.poll(() => log.textContent()).toContain(tr('en', 'orgKind.inspection'));
    const entries = await log.locator('li').allTextContents();
    const inspection = entries.filter((e) => e.includes(tr('en', 'orgKind.inspection')));
    // The search, then the dossier opened from the results, each with the purpose the inspector gave.
    expect(inspection).toHaveLength(2);
    expect(inspection.filter((e) => !e.includes(purpose))).toEqual([]);
    await audit(person, 'en-50-worker-access-log');
    await person.context().close();
  });

  it('a region finds the same person’s dossier in another region from its own, with a purpose (Art. 26)', async () => {
    const inFlanders = await filedSinglePermit(platform, employer);
    const inWallonia = await completeSinglePermitDraft(platform, employer, { postcode: '4000' });
    await employer.patch(`/api/v1/dossiers/${inWallonia.id}`, {
      identity: { niss: inFlanders.sections.identity.niss },
    });
    await employer.post(`/api/v1/dossiers/${inWallonia.id}/submit`);

    const region = await as('wallonia', 'fr-BE');
    // Without its own dossier named, the other region's dossier does not exist for Wallonia.
    await region.goto(`${platform.url}/dossiers/${inFlanders.id}`);
    await region.waitForSelector('.notice-error');
    await openDossier(region, inWallonia.id);
    await region.locator('.recognition button[type=submit]').click();
    await region.waitForSelector('.recognition .error-summary');
    await region.selectOption('#recognition-purpose-code', 'change_of_employer');
    await region.fill('#recognition-purpose', 'Reconnaissance de l’autorisation de travail');
    await region.locator('.recognition button[type=submit]').click();
    const found = region.locator(`.recognition-results a:text("${inFlanders.reference}")`);
    await found.waitFor();
    await expectPage(region, 'fr');
    await audit(region, 'fr-51-region-recognition');
    await Promise.all([region.waitForURL(new RegExp(`/dossiers/${inFlanders.id}`)), found.click()]);
    await region.waitForSelector('.summary');
    expect(await region.locator('main h1').textContent()).toContain(inFlanders.reference);
    await region.context().close();

    const reads = await platform.deps.db
      .selectFrom('access_log')
      .select('purpose')
      .where('dossier_id', '=', inFlanders.id)
      .where('organisation_id', '=', platform.directory.organisations.wallonia ?? '')
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(
      reads.every((r) =>
        r.purpose.startsWith('Mutual recognition (Art. 26) [change_of_employer]: Reconnaissance'),
      ),
    ).toBe(true);
  });
});
