import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '../../test/harness.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import type { Lang } from '../src/i18n/index.js';
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

/** Fills nothing more than the act needs: submits its form, then confirms, and waits for the new state. */
async function perform(page: Page, lang: Lang, act: string, state: string): Promise<void> {
  const section = page.locator(`#${act}`);
  await section.locator('form button[type=submit]').click();
  // The confirmation step names the act and takes focus.
  await page.waitForSelector(`#${act} .confirm h4:focus`);
  await section.getByRole('button', { name: tr(lang, 'acts.confirm.yes') }).click();
  await page.waitForSelector(`.summary .state-${state}`);
  await page.waitForSelector('.acts .notice-success');
}

/** From the work queue to the dossier, as an examiner would. */
async function openFromQueue(page: Page, lang: Lang, reference: string, shot: string): Promise<void> {
  await page.click(`.main-nav a[href="/queue"]`);
  await page.waitForSelector(`.queue-table a:text("${reference}")`);
  expect(await page.locator('main h1').textContent()).toBe(tr(lang, 'queue.title'));
  await expectPage(page, lang);
  await audit(page, shot);
  await Promise.all([
    page.waitForURL(/\/dossiers\/[0-9a-f-]+$/),
    page.click(`.queue-table a:text("${reference}")`),
  ]);
  await page.waitForSelector('#acts-title');
}

describe('the back office', () => {
  it('takes a single permit from filing to the visa issued: region, DVZ and post in the browser', async () => {
    const employer = await platform.login('employer');
    const { id, reference } = await filedSinglePermit(platform, employer);

    // Flanders: admissible, then the work authorisation granted.
    const flandersContext = await newContext(browser, 'nl-BE');
    const flanders = await flandersContext.newPage();
    await signIn(flanders, platform.url, 'flanders');
    await openFromQueue(flanders, 'nl', reference, 'nl-22-region-queue');
    expect(await flanders.locator('#act-admissibility').count()).toBe(1);
    // The file checked against the rule tables: every document asked is there.
    const asked = flanders.locator('.examination-checklist tbody tr');
    expect(await asked.count()).toBeGreaterThan(2);
    expect(await flanders.locator('.examination-checklist .check-absent').count()).toBe(0);
    // Nothing is offered that the transition table would refuse now.
    expect(await flanders.locator('#act-decision-work').count()).toBe(0);
    await expectPage(flanders, 'nl');
    await audit(flanders, 'nl-23-region-acts');
    // Not admissible without reasons: the form says so before anything is sent.
    await flanders.check('#admissibility-outcome-inadmissible');
    await flanders.locator('#act-admissibility form button[type=submit]').click();
    await flanders.waitForSelector('#act-admissibility .error-summary');
    expect(await flanders.locator('#act-admissibility .error-summary').textContent()).toContain(
      tr('nl', 'acts.reasons.required'),
    );
    // The automated checks against the authentic sources, then their results with the dossier.
    await perform(flanders, 'nl', 'act-checks', 'filed');
    await flanders.waitForSelector('.sources-table tbody tr');
    expect(await flanders.locator('.sources-table').textContent()).toContain(
      tr('nl', 'check.kbo_enterprise_active'),
    );
    await audit(flanders, 'nl-23b-region-checks');
    await flanders.check('#admissibility-outcome');
    await perform(flanders, 'nl', 'act-admissibility', 'admissible');
    await flanders.waitForSelector('#act-decision-work');
    // No outcome is chosen in advance: the examiner grants deliberately.
    await flanders.check('#decision-work-outcome');
    await perform(flanders, 'nl', 'act-decision-work', 'work_granted');
    expect(await flanders.locator('.decisions').textContent()).toContain(tr('nl', 'decision.kind.work'));
    await audit(flanders, 'nl-24-region-work-granted');
    await flandersContext.close();

    // DVZ: the right of residence granted.
    const dvzContext = await newContext(browser, 'fr-BE');
    const dvz = await dvzContext.newPage();
    await signIn(dvz, platform.url, 'dvz');
    await openFromQueue(dvz, 'fr', reference, 'fr-25-dvz-queue');
    await dvz.waitForSelector('#act-decision-residence');
    await audit(dvz, 'fr-26-dvz-acts');
    await dvz.check('#decision-residence-outcome');
    await perform(dvz, 'fr', 'act-decision-residence', 'residence_granted');
    await audit(dvz, 'fr-27-dvz-residence-granted');
    await dvzContext.close();

    // The post: the visa D delivery, acknowledged, then the visa recorded as issued.
    const postContext = await newContext(browser, 'en-GB');
    const post = await postContext.newPage();
    await signIn(post, platform.url, 'post');
    await post.click('.main-nav a[href="/deliveries"]');
    const row = post.locator(`.deliveries-table tr[data-reference="${reference}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(tr('en', 'delivery.event.visa_d_authorised'));
    await expectPage(post, 'en');
    await audit(post, 'en-28-post-deliveries');
    await row.getByRole('button', { name: tr('en', 'deliveries.ack.for', { reference }) }).click();
    await post.waitForSelector(`text=${tr('en', 'deliveries.ackedNow', { reference })}`);
    await audit(post, 'en-29-post-acknowledged');
    await post.check('#deliveries-show-all');
    await row.locator('.acked').waitFor();
    await Promise.all([post.waitForURL(new RegExp(`/dossiers/${id}`)), row.locator('a.issue-link').click()]);
    await post.waitForSelector('#act-issued');
    await post.fill('#issued-on', '2026-11-23');
    await post.fill('#issued-number', 'VD-DEMO-0001');
    await expectPage(post, 'en');
    await audit(post, 'en-30-post-record-issued');
    await perform(post, 'en', 'act-issued', 'issued');
    await audit(post, 'en-31-post-issued');
    await postContext.close();

    const after = await employer.get(`/api/v1/dossiers/${id}`);
    expect(after.body.state).toBe('issued');
    const deliveries = await (await platform.login('post')).get('/api/v1/deliveries');
    const delivered = (deliveries.body.items as { reference: string; acknowledgedAt: string | null }[]).find(
      (d) => d.reference === reference,
    );
    expect(delivered?.acknowledgedAt).not.toBeNull();
  });
});
