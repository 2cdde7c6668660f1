import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { completeSinglePermitDraft } from '../../test/scenarios.js';
import { dossierPath as path } from '../../test/exchange.js';
import { CATEGORY_RULES } from './procedures.js';
import { FEE_RULES } from './fees.js';
import { DEADLINE_RULES } from './deadlines.js';

/*
 * The rule tables keep, for operators, notes on the values that are the platform's configured
 * reading of the law ("configured amount … to confirm"). Applicants and workers are shown the
 * legal sources only: no answer to them carries such a note.
 */

const NOTE = /configured|to confirm|assumption|to be confirmed/i;

let platform: TestPlatform;
let employer: Client, flanders: Client;
beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders] = await platform.loginAll(['employer', 'flanders'] as const);
});
afterAll(() => platform.close());

describe('operators’ notes on configured rules', () => {
  it('are in the tables (so an operator knows what is still to confirm)', () => {
    expect(FEE_RULES.find((r) => r.procedure === 'single_permit')?.configurationNote).toMatch(/to confirm/);
    expect(DEADLINE_RULES.find((r) => r.procedure === 'work_permit')?.configurationNote).toMatch(
      /CONFIGURED ASSUMPTION/,
    );
  });

  it('never reach the public checklist of any category, with or without a region', async () => {
    for (const { procedure, category } of CATEGORY_RULES) {
      for (const region of ['', '&region=brussels&abroad=true&renewal=true&hasEnterpriseNumber=false']) {
        const res = await platform
          .anonymous('nl')
          .get(`/api/v1/rules/checklist?procedure=${procedure}&category=${category}${region}`);
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.body)).not.toMatch(NOTE);
      }
    }
  });

  it('never reach the applicant’s dossier (fee, clock) nor the examining region’s checklist', async () => {
    const draft = await completeSinglePermitDraft(platform, employer);
    expect(JSON.stringify((await employer.get(path(draft.id))).body)).not.toMatch(NOTE);
    expect((await employer.post(path(draft.id, '/submit'))).status).toBe(200);
    const applicantView = (await employer.get(path(draft.id))).body;
    expect(applicantView.clock.legalSource).toContain('Directive');
    expect(JSON.stringify(applicantView)).not.toMatch(NOTE);
    const regionView = (await flanders.get(path(draft.id))).body;
    expect(regionView.checklist.length).toBeGreaterThan(0);
    expect(JSON.stringify(regionView.checklist)).not.toMatch(NOTE);
  });
});
