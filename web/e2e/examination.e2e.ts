import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestPlatform } from '../../test/harness.js';
import { dossierPath, forDossier, grantedSinglePermit, inbox } from '../../test/exchange.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import { seedDemo } from '../../test/browser.js';
import type { Lang } from '../src/i18n/index.js';
import { audit, expectPage, newContext, startPortal, tr } from './support.js';

/*
 * The examination screen and safe decisions (issue 13), on a 390 px phone in the four languages,
 * with the demo data: a Flemish case officer reads the filed data section by section with the
 * checks' findings beside it, decides with nothing chosen for them; the municipality and the post
 * see the worker and the passport on their delivery and the rest hidden by law, not absent.
 */

let platform: TestPlatform;
let browser: Browser;
let employer: Client, flanders: Client, dvz: Client;

beforeAll(async () => {
  ({ platform, browser } = await startPortal());
  // The demo's dossiers, one in every state, as `npm start` shows them.
  await seedDemo(platform.deps);
  [employer, flanders, dvz] = await platform.loginAll(['employer', 'flanders', 'dvz'] as const);
  // Seeding the demo drives fifteen dossiers through the real use cases: slow on a busy machine.
}, 360_000);

afterAll(async () => {
  await browser.close();
  await platform.close();
});

/** A signed-in phone of one demo account whose browser prefers `locale`. */
async function phoneOf(username: string, locale: string): Promise<Page> {
  const page = await (await newContext(browser, locale, true)).newPage();
  await page.goto(`${platform.url}/signin`);
  await page.fill('#username', username);
  await page.fill('#password', 'demo');
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/signin')),
    page.click('main form button[type=submit]'),
  ]);
  return page;
}

async function openDossier(page: Page, id: string): Promise<void> {
  await page.goto(`${platform.url}/dossiers/${id}`);
  await page.waitForSelector('.application-data .data-part');
}

/** Nothing is wider than the phone: no date, table or field is cut off or scrolls sideways. */
async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
}

/** A date box shows all it holds: the text is not wider than the box. */
async function dateShowsWhole(page: Page, selector: string): Promise<void> {
  const [scroll, client] = await page.evaluate<[number, number]>(
    `(() => { const e = document.querySelector(${JSON.stringify(selector)}); return [e.scrollWidth, e.clientWidth]; })()`,
  );
  expect(scroll).toBeLessThanOrEqual(client);
}

const row = (page: Page, field: string) => page.locator(`.application-data [data-field="${field}"]`);
const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');

interface Shown {
  id: string;
  sections: { identity: Record<string, string>; residence: Record<string, string> };
  sources: { check: string; outcome: string }[] | null;
}

/** The demo's filed Flemish single permits, the one whose passport a check flags first. */
async function demoFiledDossier(): Promise<Shown> {
  const list = await flanders.get('/api/v1/dossiers?state=filed&procedure=single_permit&limit=200');
  const shown: Shown[] = [];
  for (const item of list.body.items as { id: string }[]) {
    shown.push((await flanders.get(dossierPath(item.id))).body as Shown);
  }
  const flagged = shown.find((d) =>
    d.sources?.some((s) => s.check === 'passport_valid_for_stay' && s.outcome === 'fail'),
  );
  const chosen = flagged ?? shown[0];
  if (!chosen) throw new Error('the demo has no filed single permit in Flanders');
  return chosen;
}

/** Submits an act without a choice, then with it, and reads the confirmation before confirming. */
async function decide(
  page: Page,
  lang: Lang,
  act: string,
  choose: () => Promise<void>,
  restated: string[],
  state: string,
): Promise<void> {
  const section = page.locator(`#${act}`);
  // Nothing is chosen for the examiner, and nothing goes on without a choice.
  expect(await section.locator('input[type=radio]:checked').count()).toBe(0);
  await section.locator('form button[type=submit]').click();
  await section.locator('.error-summary').waitFor();
  expect(await section.locator('.error-summary').textContent()).toContain(tr(lang, 'acts.outcome.required'));
  expect(await section.locator('.confirm').count()).toBe(0);
  await choose();
  await section.locator('form button[type=submit]').click();
  await page.waitForSelector(`#${act} .confirm h4:focus`);
  const confirmation = (await section.locator('.confirm .restate').textContent()) ?? '';
  for (const words of restated) expect(confirmation).toContain(words);
  await audit(page, `${lang}-exam-${act}-confirm`);
  await section.getByRole('button', { name: tr(lang, 'acts.confirm.yes') }).click();
  await page.waitForSelector(`.summary .state-${state}`);
}

describe('the examination screen and safe decisions, on a phone', () => {
  it('nl: a Flemish case officer examines the demo filing, sees the findings beside the fields, and decides deliberately; fr: the municipality sees the worker on its delivery', async () => {
    const filed = await demoFiledDossier();
    const { identity, residence } = filed.sections;
    const region = await phoneOf('flanders', 'nl-BE');
    await openDossier(region, filed.id);
    await expectPage(region, 'nl');
    expect(await region.locator('#data-title').textContent()).toBe(tr('nl', 'data.title'));
    // In the order a case officer checks them.
    expect(await region.locator('.application-data .data-part h3').allTextContents()).toEqual(
      expect.arrayContaining([
        tr('nl', 'data.part.identity'),
        tr('nl', 'data.part.employer'),
        tr('nl', 'data.part.job'),
      ]),
    );
    const parts = await region.locator('.application-data .data-part h3').allTextContents();
    expect(parts.indexOf(tr('nl', 'data.part.identity'))).toBeLessThan(
      parts.indexOf(tr('nl', 'data.part.job')),
    );
    // The worker's name, passport and salary, labelled in Dutch.
    expect(await row(region, 'identity.familyName').textContent()).toContain(identity.familyName);
    expect(await row(region, 'identity.givenNames').textContent()).toContain(identity.givenNames);
    expect(await row(region, 'residence.passportNumber').textContent()).toBe(
      `${tr('nl', 'f.residence.passportNumber')}${residence.passportNumber}`,
    );
    expect(digits(await row(region, 'employment.grossMonthlySalaryCents').textContent())).toContain('520000');
    // The passport beside the data it supports, downloadable by the examiner.
    expect(
      await region.locator('.application-data .data-part').first().locator('.data-documents').textContent(),
    ).toContain(tr('nl', 'doc.passport'));
    expect(await region.locator('.application-data .hidden-by-law').count()).toBe(0);
    // The demo's filing whose passport expires during the stay: the finding beside the expiry date.
    expect(filed.sources?.map((s) => `${s.check}:${s.outcome}`)).toContain('passport_valid_for_stay:fail');
    const expiry = row(region, 'residence.passportExpiry');
    await expiry.locator('.finding.attention').waitFor();
    expect(await expiry.textContent()).toContain(tr('nl', 'check.passport_valid_for_stay'));
    await fitsThePhone(region);
    await audit(region, 'nl-exam-region-data');

    // The automated checks: each finding beside the field it judges.
    await region.locator('#act-checks form button[type=submit]').click();
    await region.waitForSelector('#act-checks .confirm h4:focus');
    await region
      .locator('#act-checks')
      .getByRole('button', { name: tr('nl', 'acts.confirm.yes') })
      .click();
    await row(region, 'employment.employer.enterpriseNumber').locator('.finding').first().waitFor();
    expect(await row(region, 'employment.employer.enterpriseNumber').textContent()).toContain(
      tr('nl', 'check.kbo_enterprise_active'),
    );
    await audit(region, 'nl-exam-region-findings');

    await decide(
      region,
      'nl',
      'act-admissibility',
      () => region.check('#admissibility-outcome'),
      [tr('nl', 'acts.admissibility.admissible')],
      'admissible',
    );
    await region.waitForSelector('#act-decision-work');
    await decide(
      region,
      'nl',
      'act-decision-work',
      async () => {
        await region.check('#decision-work-outcome');
        // Typed as a Dutch reader writes dates; the box shows them whole on the phone.
        await region.fill('#decision-work-from', '01/02/2027');
        await region.fill('#decision-work-until', '31/01/2028');
        await dateShowsWhole(region, '#decision-work-until');
        await fitsThePhone(region);
        expect(await region.locator('#decision-work-from-hint').textContent()).toContain(
          tr('nl', 'date.format'),
        );
      },
      [tr('nl', 'decision.choice.granted'), '2027', '2028'],
      'work_granted',
    );
    await audit(region, 'nl-exam-region-work-granted');
    const work = (await flanders.get(dossierPath(filed.id))).body.decisions.find(
      (d: { kind?: string }) => d.kind === 'work',
    );
    expect([work.validFrom, work.validUntil]).toEqual(['2027-02-01', '2028-01-31']);
    await region.context().close();

    const res = await dvz.post(dossierPath(filed.id, '/decisions'), {
      kind: 'residence',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    expect(res.status).toBe(201);

    // The municipality (the demo worker lives in Belgium) or the post: the delivery names the worker.
    const issuer = residence.visaPost ? 'post' : 'municipality';
    const town = await phoneOf(issuer, 'fr-BE');
    await town.goto(`${platform.url}/deliveries`);
    const delivered = town
      .locator(`.deliveries-table tr[data-reference]`)
      .filter({ hasText: residence.passportNumber });
    await delivered.waitFor();
    const text = (await delivered.textContent()) ?? '';
    expect(text).toContain(`${identity.givenNames} ${identity.familyName}`);
    expect(text).toContain(residence.passportNumber);
    await expectPage(town, 'fr');
    await fitsThePhone(town);
    await audit(town, `fr-exam-${issuer}-deliveries`);
    await openDossier(town, filed.id);
    expect(await row(town, 'residence.passportNumber').textContent()).toContain(residence.passportNumber);
    // What the law hides from a municipality is said to be hidden, not left out.
    expect(await town.locator('.application-data').textContent()).toContain(
      tr('fr', 'data.hiddenSection', { what: tr('fr', 'dataCat.employment') }),
    );
    await fitsThePhone(town);
    await audit(town, `fr-exam-${issuer}-dossier`);
    await town.context().close();
  });

  it('de: the post sees the worker’s name and passport on its visa D delivery and in the dossier, the employment hidden by law', async () => {
    const { id, sections } = await grantedSinglePermit(
      platform,
      { employer, flanders, dvz },
      { abroad: true },
    );
    const post = await phoneOf('post', 'de-BE');
    await post.goto(`${platform.url}/deliveries`);
    const delivered = post.locator('.deliveries-table tr[data-reference]').filter({
      hasText: sections.residence.passportNumber,
    });
    await delivered.waitFor();
    const text = (await delivered.textContent()) ?? '';
    expect(text).toContain(`${sections.identity.givenNames} ${sections.identity.familyName}`);
    expect(text).toContain(sections.residence.passportNumber);
    expect(text).toContain(tr('de', 'delivery.event.visa_d_authorised'));
    const [item] = forDossier(await inbox(await platform.login('post')), id);
    expect(item?.event).toBe('visa_d_authorised');
    await expectPage(post, 'de');
    await fitsThePhone(post);
    await audit(post, 'de-exam-post-deliveries');

    await openDossier(post, id);
    expect(await row(post, 'identity.familyName').textContent()).toContain(sections.identity.familyName);
    expect(await row(post, 'residence.passportNumber').textContent()).toBe(
      `${tr('de', 'f.residence.passportNumber')}${sections.residence.passportNumber}`,
    );
    expect(await post.locator('.application-data').textContent()).toContain(
      tr('de', 'data.hiddenSection', { what: tr('de', 'dataCat.employment') }),
    );
    // Recording the visa: the date box in German order, whole on the phone.
    await post.waitForSelector('#act-issued');
    await post.fill('#issued-on', '23.11.2026');
    await post.locator('#issued-on').blur();
    expect(await post.inputValue('#issued-on')).toBe('23.11.2026');
    await dateShowsWhole(post, '#issued-on');
    await fitsThePhone(post);
    await audit(post, 'de-exam-post-dossier');
    await post.context().close();
  });

  it('en: the examination screen and the decision panel read in English, nothing chosen in advance', async () => {
    const filed = await filedSinglePermit(platform, employer);
    const region = await phoneOf('flanders', 'en-GB');
    await openDossier(region, filed.id);
    await expectPage(region, 'en');
    const headings = await region.locator('.application-data .data-part h3').allTextContents();
    expect(headings[0]).toBe(tr('en', 'data.part.identity'));
    expect(await row(region, 'residence.passportExpiry').locator('dt').textContent()).toBe(
      tr('en', 'f.residence.passportExpiry'),
    );
    expect(await region.locator('#act-admissibility input[type=radio]:checked').count()).toBe(0);
    await region.locator('#act-admissibility form button[type=submit]').click();
    await region.locator('#act-admissibility .error-summary').waitFor();
    await fitsThePhone(region);
    await audit(region, 'en-exam-region');
    await region.context().close();
  });
});
