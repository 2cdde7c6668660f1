import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '../../test/harness.js';
import { completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';
import { png } from '../../test/images.js';
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

describe('the portal after the form', () => {
  it('refuses an incomplete filing and lists what is missing', async () => {
    const employer = await platform.login('employer');
    const created = await employer.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
      identity: { givenNames: 'Incomplete', familyName: 'Example' },
    });
    expect(created.status).toBe(201);
    const context = await newContext(browser, 'fr-BE');
    const page = await context.newPage();
    await signIn(page, platform.url, 'employer');
    await page.goto(`${platform.url}/dossiers/${String(created.body.id)}/edit/review`);
    await page.waitForSelector('.missing-list li');
    expect(await page.locator('.missing-list li').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: tr('fr', 'review.file') }).click();
    // The server refuses (422 dossier_incomplete) and its list is shown in the error summary.
    await page.waitForSelector('.error-summary');
    const summary = (await page.locator('.error-summary').textContent()) ?? '';
    expect(summary).toContain(tr('fr', 'review.missing.document', { document: tr('fr', 'doc.passport') }));
    expect(summary).toContain(tr('fr', 'f.identity.birthDate'));
    await expectPage(page, 'fr');
    await audit(page, 'fr-13-refused-incomplete');
    // Each missing item leads to its field.
    await page.locator('.missing-list a').first().click();
    await page.waitForURL(/\/edit\/identity$/);
    const still = await employer.get(`/api/v1/dossiers/${String(created.body.id)}`);
    expect(still.body.state).toBe('draft');
    await context.close();
  });

  it('answers a request for documents with an upload', async () => {
    const [employer, flanders] = await platform.loginAll(['employer', 'flanders'] as const);
    const { id, reference } = await filedSinglePermit(platform, employer, { postcode: '9000' });
    const asked = await flanders.post(`/api/v1/dossiers/${id}/requests`, {
      dueDate: '2026-12-08',
      items: [{ documentType: 'diploma', description: 'Copy of the highest diploma' }],
      message: 'Please add the diploma (demo).',
    });
    expect(asked.status).toBe(201);

    const context = await newContext(browser, 'de-DE');
    const page = await context.newPage();
    await signIn(page, platform.url, 'employer');
    await page.goto(`${platform.url}/dossiers/${id}`);
    await page.waitForSelector('.request');
    expect(await page.locator('main h1').textContent()).toBe(tr('de', 'dossier.title', { reference }));
    expect(await page.locator('.request').textContent()).toContain('Copy of the highest diploma');
    expect(await page.locator('#clock-title').textContent()).toBe(tr('de', 'clock.title'));
    await expectPage(page, 'de');
    await audit(page, 'de-14-request-open');
    await page
      .locator('#upload-diploma')
      .setInputFiles({ name: 'diploma.png', mimeType: 'image/png', buffer: png() });
    await page.waitForSelector('.request .doc-file');
    await page.fill('#answer-message', 'The diploma is attached.');
    await page.getByRole('button', { name: tr('de', 'request.send') }).click();
    await page.waitForSelector(`text=${tr('de', 'request.sent')}`);
    await audit(page, 'de-15-request-answered');

    const after = await employer.get(`/api/v1/dossiers/${id}`);
    expect(after.body.state).toBe('filed');
    expect(after.body.requests[0].answeredAt).not.toBeNull();
    expect(after.body.requests[0].answerDocumentIds).toHaveLength(1);
    expect(after.body.clock.status).toBe('running');
    await context.close();
  });

  it('lets a worker claim the dossier and read the decision, while the employer sees only the fact', async () => {
    const [employer, flanders] = await platform.loginAll(['employer', 'flanders'] as const);
    const { id, reference, sections } = await filedSinglePermit(platform, employer);
    expect(
      (await flanders.post(`/api/v1/dossiers/${id}/admissibility`, { outcome: 'admissible' })).status,
    ).toBeLessThan(300);
    const refused = await flanders.post(`/api/v1/dossiers/${id}/decisions`, {
      kind: 'work',
      outcome: 'refused',
      grounds: 'The salary is below the threshold of the region (demo grounds).',
    });
    expect(refused.status).toBe(201);

    const context = await newContext(browser, 'nl-BE', true);
    const page = await context.newPage();
    await signIn(page, platform.url, 'worker');
    await page.goto(`${platform.url}/claim`);
    await expectPage(page, 'nl');
    await audit(page, 'nl-16-claim');
    const sent = platform.messaging.sent.length;
    await page.fill('#claim-reference', reference);
    await page.fill('#claim-passport', sections.residence.passportNumber);
    await page.fill('#claim-birthdate', sections.identity.birthDate);
    await page.click('main form button[type=submit]');
    await page.waitForSelector('#claim-code');
    // Demo mode says where the e-mail went.
    expect(await page.locator('main').textContent()).toContain('DATA_DIR/outbox');
    await audit(page, 'nl-17-claim-code');
    await expect.poll(() => platform.messaging.sent.length).toBe(sent + 1);
    const message = platform.messaging.sent[sent];
    expect(message?.to).toBe(sections.residence.email);
    expect(message?.language).toBe('nl');
    // The body names the reference (…-000123) first and the code after it: the code is the last six digits.
    const code = (message?.body ?? '').match(/\b\d{6}\b/g)?.at(-1) ?? '';
    await page.fill('#claim-code', code);
    await Promise.all([
      page.waitForURL(new RegExp(`/dossiers/${id}$`)),
      page.click('main form button[type=submit]'),
    ]);
    await page.waitForSelector('.decision');
    const decision = (await page.locator('.decisions').textContent()) ?? '';
    expect(decision).toContain('The salary is below the threshold of the region (demo grounds).');
    expect(decision).toContain(tr('nl', 'decision.outcome.refused'));
    // The access log in plain words: the region read the worker's data.
    await page.waitForSelector('.access-log li');
    const log = (await page.locator('.access-log').textContent()) ?? '';
    expect(log).toContain(tr('nl', 'orgKind.regional_authority'));
    expect(log).toContain(tr('nl', 'dataCat.employment'));
    await expectPage(page, 'nl');
    await audit(page, 'nl-18-worker-decision-phone');
    await context.close();

    // The employer sees that a negative decision was taken, not its grounds (Art. 24).
    const employerContext = await newContext(browser, 'en-GB');
    const employerPage = await employerContext.newPage();
    await signIn(employerPage, platform.url, 'employer');
    await employerPage.goto(`${platform.url}/dossiers/${id}`);
    await employerPage.waitForSelector('.decision');
    const seen = (await employerPage.locator('.decisions').textContent()) ?? '';
    expect(seen).toContain(tr('en', 'decision.negativeFact', { date: '' }).split('{')[0]?.slice(0, 30) ?? '');
    expect(seen).not.toContain('demo grounds');
    // The state tag is the neutral one: nothing on the page names the kind of decision.
    const main = (await employerPage.locator('main').textContent()) ?? '';
    expect(main).toContain(tr('en', 'state.negative_decision'));
    expect(main).not.toContain(tr('en', 'state.work_refused'));
    await audit(employerPage, 'en-19-employer-negative-fact');
    // Its inbox tells the same: a negative decision, no kind, no grounds.
    await employerPage.goto(`${platform.url}/messages`);
    await employerPage.waitForSelector('.inbox .message');
    const inbox = (await employerPage.locator('.inbox').textContent()) ?? '';
    expect(inbox).toContain(`A negative decision was taken on application ${reference}`);
    expect(inbox).not.toMatch(/refused|demo grounds/);
    await audit(employerPage, 'en-19b-employer-inbox-negative-fact');
    await employerContext.close();
  });

  it('shows a mandatary every dossier of its employers, with filters', async () => {
    const employer = await platform.login('employer');
    await completeSinglePermitDraft(platform, employer);
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page, platform.url, 'mandatary');
    await page.waitForSelector('.dossier-table tbody tr');
    expect(await page.locator('main h1').textContent()).toBe(tr('en', 'dossiers.title.mandatary'));
    expect(await page.locator('#filter-employer option').count()).toBeGreaterThan(1);
    await page.selectOption('#filter-state', 'draft');
    await page.click('.filters button[type=submit]');
    await expect
      .poll(async () =>
        (await page.locator('.dossier-table tbody td[data-label="State"]').allTextContents()).every(
          (s) => s === tr('en', 'state.draft'),
        ),
      )
      .toBe(true);
    await audit(page, 'en-20-mandatary-dossiers');
    await context.close();
  });

  it('remembers the language chosen and keeps <html lang> in step; privacy notice in four languages', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await page.goto(`${platform.url}/privacy`);
    await expectPage(page, 'en');
    const titles = new Set<string>();
    for (const lang of ['nl', 'fr', 'de', 'en'] as const) {
      await page.click(`.languages button[lang=${lang}]`);
      await expectPage(page, lang);
      expect(await page.locator('main h1').textContent()).toBe(tr(lang, 'privacy.title'));
      expect(await page.locator('main').textContent()).toContain(tr(lang, 'privacy.rights.object'));
      titles.add(await page.title());
      await audit(page, `${lang}-21-privacy`);
    }
    expect(titles.size).toBe(4);
    await page.click('.languages button[lang=de]');
    // After a reload the choice is remembered, and the portal's own API calls say it.
    const languages: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/')) languages.push(r.headers()['accept-language'] ?? '');
    });
    await page.reload();
    await expectPage(page, 'de');
    await page.waitForLoadState('networkidle');
    expect(languages.length).toBeGreaterThan(0);
    expect(new Set(languages)).toEqual(new Set(['de']));
    // The server answers in it: a problem title in German.
    const title = await page.evaluate<string>(`(async () => {
      const res = await fetch('/api/v1/dossiers', { headers: { 'accept-language': document.documentElement.lang } });
      return (await res.json()).title;
    })()`);
    // The catalogue's German title, as the public problem-type page states it.
    const problem = await platform.anonymous().get('/api/problems/unauthenticated');
    expect(problem.status).toBe(200);
    expect(title).toBe(problem.body.title.de);
    await context.close();
  });
});
