import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { admissibleSinglePermit, dossierPath as path } from '../../test/exchange.js';
import { enterpriseNumberFrom } from '../demo/fixtures.js';

/*
 * A decision letter names the applicant employer from one source only, its registration on the
 * platform: name and enterprise number together, never a name from one company beside the
 * number of another (issue 13).
 */

let platform: TestPlatform;
let employer: Client, flanders: Client, dvz: Client;

beforeAll(async () => {
  platform = await startPlatform();
  employer = await platform.login('employer', 'nl');
  [flanders, dvz] = await platform.loginAll(['flanders', 'dvz'] as const);
});
afterAll(() => platform.close());

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

const dotted = (n: string) => `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;

describe('the employer on a decision letter', () => {
  it('never mixes two companies, even where the section names another one', async () => {
    const own = enterpriseNumberFrom(1);
    const other = enterpriseNumberFrom(2);
    const { id, sections } = await admissibleSinglePermit(platform, { employer, flanders, dvz });
    // A dossier filed before the platform refused another company's number: its section says so.
    // Written directly, since the API now refuses it; the letter must still name one company.
    await platform.deps.db
      .updateTable('dossier')
      .set({
        employment: JSON.stringify({
          ...sections.employment,
          employer: {
            ...sections.employment.employer,
            name: 'Other Company BV (fictitious)',
            enterpriseNumber: other,
          },
        }),
      })
      .where('id', '=', id)
      .execute();
    const granted = await flanders.post(path(id, '/decisions'), {
      kind: 'work',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    expect(granted.status).toBe(201);
    const decisionId = granted.body.decisions.at(-1).id as string;
    const letter = await employer.download(path(id, `/decisions/${decisionId}/letter`));
    expect(letter.status).toBe(200);
    const text = await pdfText(letter.bytes);
    expect(text).toContain('Demo Employer NV (fictitious)');
    expect(text).toContain(dotted(own));
    expect(text).not.toContain('Other Company');
    expect(text).not.toContain(dotted(other));
  });
});
