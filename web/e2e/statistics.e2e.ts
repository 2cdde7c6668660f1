import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '../../test/harness.js';
import type { Lang } from '../src/i18n/index.js';
import { audit, expectPage, newContext, signIn, startPortal, tr } from './support.js';

let platform: TestPlatform;
let browser: Browser;

const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE' };

/** Anonymous facts of 2026 (the platform's clock is in November 2026), enough to fill every chart. */
async function seedFacts(): Promise<void> {
  const rows = [];
  const regions = ['flanders', 'wallonia', 'brussels', 'ostbelgien'] as const;
  const countries = ['IN', 'MA', 'TR', 'BR'];
  for (let i = 0; i < 120; i++) {
    const base = {
      year: 2026,
      month: (i % 10) + 1,
      procedure: i % 5 === 0 ? 'work_permit' : 'single_permit',
      category: 'single_permit',
      region: regions[i % 7 === 0 ? 3 : i % 3] ?? 'flanders',
      citizenship: countries[i % 4] ?? 'IN',
      sex: i % 2 === 0 ? 'F' : 'M',
      age_band: '25-34',
    };
    rows.push({ ...base, event: 'filed' });
    if (i % 4 !== 3) {
      rows.push({ ...base, event: 'admissibility', decision_kind: 'admissibility', outcome: 'admissible' });
      rows.push({
        ...base,
        event: 'decision',
        decision_kind: 'work',
        outcome: i % 6 === 0 ? 'refused' : 'granted',
        days_taken: 20 + (i % 50),
        deadline_days: 90,
        within_deadline: 20 + (i % 50) <= 90,
      });
    }
  }
  await platform.deps.db.insertInto('statistic_fact').values(rows).execute();
}

beforeAll(async () => {
  ({ platform, browser } = await startPortal());
  await seedFacts();
});

afterAll(async () => {
  await browser.close();
  await platform.close();
});

async function dashboard(page: Page, lang: Lang, shot: string): Promise<void> {
  await page.goto(`${platform.url}/statistics`);
  await page.waitForSelector('.chart-figure table');
  expect(await page.locator('main h1').textContent()).toBe(tr(lang, 'stats.title'));
  await expectPage(page, lang);
  // Every chart has its title, its summary and its table.
  const figures = page.locator('.chart-figure');
  expect(await figures.count()).toBe(3);
  expect(await figures.locator('h2').first().textContent()).toBe(tr(lang, 'stats.chart.volumes'));
  expect(await figures.locator('table').count()).toBe(3);
  // The chart itself is reachable by keyboard.
  expect(await page.locator('.chart [tabindex="0"]').count()).toBeGreaterThan(0);
  await audit(page, shot);
}

describe('the statistics in the browser', () => {
  for (const lang of ['en', 'nl', 'fr', 'de'] as const) {
    it(`DVZ reads the dashboards, by month and by nationality (${lang})`, async () => {
      const context = await newContext(browser, LOCALES[lang]);
      const page = await context.newPage();
      await signIn(page, platform.url, 'dvz');
      await dashboard(page, lang, `${lang}-60-dashboard-dvz`);
      // By nationality: the table's first column names the countries.
      await page.selectOption('#stats-by', 'nationality');
      await page.click('main form button[type=submit]');
      await page.waitForSelector(`.chart-figure th:text("${tr(lang, 'stats.by.nationality')}")`);
      await audit(page, `${lang}-61-dashboard-nationality`);
      await context.close();
    });

    it(`the open-data page works without sign-in and says which cells are suppressed (${lang})`, async () => {
      const context = await newContext(browser, LOCALES[lang]);
      const page = await context.newPage();
      await page.goto(`${platform.url}/open-data`);
      await page.fill('#open-data-year', '2026');
      await page.click('main form button[type=submit]');
      await page.waitForSelector('.chart-figure table');
      expect(await page.locator('main h1').textContent()).toBe(tr(lang, 'openData.title'));
      await expectPage(page, lang);
      // The German-speaking Community has fewer than five filings: suppressed in words.
      expect(await page.locator(`td:text("${tr(lang, 'openData.suppressed')}")`).count()).toBeGreaterThan(0);
      await audit(page, `${lang}-62-open-data`);
      await context.close();
    });
  }

  it('a region reads its own figures only: no choice of region', async () => {
    const context = await newContext(browser, 'nl-BE');
    const page = await context.newPage();
    await signIn(page, platform.url, 'wallonia');
    await dashboard(page, 'nl', 'nl-63-dashboard-region');
    expect(await page.locator('#stats-region').count()).toBe(0);
    await context.close();
  });
});

describe('the management committee in the browser', () => {
  it('records a vote at a meeting and shows the count against the majority of the seats', async () => {
    const bodies = ['dvz', 'flanders', 'wallonia', 'brussels', 'ostbelgien', 'operator'] as const;
    const representatives: string[] = [];
    for (const username of bodies) {
      const client = await platform.login(username);
      const rep = await client.post('/api/v1/committee/members', {
        seat: 'representative',
        name: `Rita Representative ${username} (fictitious)`,
        designatedOn: '2026-01-01',
      });
      representatives.push(rep.body.id);
      await client.post('/api/v1/committee/members', {
        seat: 'substitute',
        name: `Sam Substitute ${username} (fictitious)`,
        designatedOn: '2026-01-01',
      });
    }
    const secretariat = await platform.login('committee');
    const meeting = await secretariat.post('/api/v1/committee/meetings', {
      heldOn: '2026-11-20',
      title: 'Quarterly meeting (fictitious)',
      agenda: [{ title: 'Cost key 2026', kind: 'decision' }],
    });
    await secretariat.put(`/api/v1/committee/meetings/${meeting.body.id}/attendance`, {
      attendance: representatives.map((memberId) => ({ memberId, present: true })),
    });

    for (const lang of ['en', 'fr'] as const) {
      const context = await newContext(browser, LOCALES[lang]);
      const page = await context.newPage();
      await page.goto(`${platform.url}/signin`);
      await page.fill('#username', 'committee');
      await page.fill('#password', 'demo');
      await Promise.all([page.waitForURL(/\/committee$/), page.click('main form button[type=submit]')]);
      await page.waitForSelector('.committee-members tbody tr');
      await expectPage(page, lang);
      expect(await page.locator('.committee-members tbody tr').count()).toBe(12);
      await audit(page, `${lang}-64-committee`);
      await Promise.all([
        page.waitForURL(/\/committee\/meetings\//),
        page.click('main a:text("Quarterly meeting")'),
      ]);
      await page.waitForSelector('.agenda');
      if (lang === 'en') {
        const item = page.locator('.agenda > li').first();
        await item.locator('select').selectOption({ index: 1 });
        await item.getByLabel(tr(lang, 'committee.choice.yes'), { exact: true }).check();
        await item.getByRole('button', { name: tr(lang, 'committee.recordVote') }).click();
        await page.waitForSelector('.notice-success');
        await page.waitForSelector('.committee-votes tbody tr');
        expect(await page.locator('.agenda').textContent()).toContain(
          tr(lang, 'committee.tally', { yes: 1, no: 0, abstain: 0, notVoting: 5, needed: 4, seats: 6 }),
        );
      }
      await expectPage(page, lang);
      await audit(page, `${lang}-65-committee-meeting`);
      await context.close();
    }
  });
});
