import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bisNumberFrom, enterpriseNumberFrom, structuredReferenceFrom } from '../demo/fixtures.js';
import { jpeg, png } from '../../test/images.js';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';

let platform: TestPlatform;
let employer: Client;
let draftId: string;

beforeAll(async () => {
  platform = await startPlatform();
  employer = await platform.login('employer');
  draftId = (
    await employer.post('/api/v1/dossiers', { procedure: 'single_permit', category: 'single_permit' })
  ).body.id;
});
afterAll(() => platform.close());

const patch = (body: unknown, client = employer) => client.patch(`/api/v1/dossiers/${draftId}`, body);
const codes = (res: { body: { errors?: { field: string; code: string }[] } }) =>
  Object.fromEntries((res.body.errors ?? []).map((e) => [e.field, e.code]));

// A national register number of someone "born" 1 January 1990 (fictitious serial 001).
const national = (() => {
  const body = '900101001';
  return `${body}${String(97 - (Number(body) % 97)).padStart(2, '0')}`;
})();
// Born in 2001: the check is computed with a leading 2.
const national2000s = (() => {
  const body = '010101001';
  return `${body}${String(97 - (Number(`2${body}`) % 97)).padStart(2, '0')}`;
})();

describe('identifiers are checked by their check digits', () => {
  it.each([
    ['a national register number', national, national],
    [
      'one written with separators',
      `${national.slice(0, 2)}.${national.slice(2, 4)}.${national.slice(4, 6)}-${national.slice(6, 9)}.${national.slice(9)}`,
      national,
    ],
    ['one of someone born after 2000', national2000s, national2000s],
    ['a BIS number', bisNumberFrom(3), bisNumberFrom(3)],
  ])('accepts %s and stores it compact', async (_label, input, stored) => {
    const res = await patch({ identity: { niss: input } });
    expect(res.status).toBe(200);
    expect(res.body.sections.identity.niss).toBe(stored);
  });

  it.each([
    [
      'a wrong check digit',
      `${national.slice(0, 9)}${String((Number(national.slice(9)) + 1) % 100).padStart(2, '0')}`,
    ],
    ['ten digits', national.slice(0, 10)],
    ['letters', 'AB010100123'],
    ['an impossible month', '90130100163'],
  ])('refuses a NISS with %s', async (_label, input) => {
    const res = await patch({ identity: { niss: input } });
    expect(res.status).toBe(422);
    expect(codes(res)).toEqual({ 'identity.niss': 'invalid_niss' });
  });

  it('accepts a valid enterprise number in any usual notation and refuses a wrong one', async () => {
    // The demo employer's own number: another company's is refused (fee-and-checks.test.ts).
    const valid = enterpriseNumberFrom(1);
    const dotted = `${valid.slice(0, 4)}.${valid.slice(4, 7)}.${valid.slice(7)}`;
    const employerData = {
      name: 'Test NV',
      seatAddress: { street: 'Rue', number: '1', postcode: '1000', municipality: 'Bruxelles', country: 'BE' },
      email: 'a@example.org',
      phone: '+32 2 000 00 00',
    };
    const ok = await patch({
      employment: { employer: { ...employerData, enterpriseNumber: `BE ${dotted}` } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.sections.employment.employer.enterpriseNumber).toBe(valid);
    const wrong = `${valid.slice(0, 8)}${String((Number(valid.slice(8)) + 1) % 100).padStart(2, '0')}`;
    const bad = await patch({ employment: { employer: { ...employerData, enterpriseNumber: wrong } } });
    expect(codes(bad)).toEqual({ 'employment.employer.enterpriseNumber': 'invalid_enterprise_number' });
  });

  it('accepts a structured payment reference and refuses a wrong one', async () => {
    const ogm = structuredReferenceFrom(5);
    const ok = await patch({ fee: { structuredReference: ogm.replace(/\+/g, '*'), paidAt: '2026-11-20' } });
    expect(ok.body.sections.fee.structuredReference).toBe(ogm);
    const bad = await patch({ fee: { structuredReference: '+++100/0000/00598+++' } });
    expect(codes(bad)).toEqual({ 'fee.structuredReference': 'invalid_structured_reference' });
  });
});

describe('a bad write lists every offending field, in the caller language, and changes nothing', () => {
  it('refuses EU/EEA/Swiss nationals, unknown postcodes, incoherent dates and unknown fields at once', async () => {
    const before = (await employer.get(`/api/v1/dossiers/${draftId}`)).body;
    const res = await patch({
      identity: { nationality: 'FR', birthDate: '1990-02-30', surname: 'x' },
      employment: {
        workplace: { street: 'Straat', number: '1', postcode: '1999', municipality: 'Nergens' },
        startDate: '2027-05-01',
        endDate: '2027-01-01',
      },
    });
    expect(res.status).toBe(422);
    expect(codes(res)).toEqual({
      'identity.nationality': 'eu_national',
      'identity.birthDate': 'invalid_date',
      'identity.surname': 'unknown_field',
      'employment.workplace.postcode': 'unknown_postcode',
      'employment.endDate': 'end_before_start',
    });
    const after = (await employer.get(`/api/v1/dossiers/${draftId}`)).body;
    expect(after.sections).toEqual(before.sections);
  });

  it.each([
    ['nl', 'EU'],
    ['fr', 'UE'],
    ['de', 'EU'],
    ['en', 'EU'],
  ])('speaks %s', async (language) => {
    const client = await platform.login('employer', language);
    const res = await client.patch(`/api/v1/dossiers/${draftId}`, { identity: { nationality: 'CH' } });
    const { ERROR_CATALOGUE } = await import('../platform/errors.js');
    const { FIELD_MESSAGES } = await import('../contract/field-messages.js');
    expect(res.body.title).toBe(ERROR_CATALOGUE.validation_failed.title[language as 'nl']);
    expect(res.body.errors[0].message).toBe(FIELD_MESSAGES.eu_national[language as 'nl']);
  });

  it('refuses a post that is not a diplomatic post', async () => {
    const res = await patch({
      residence: { abroad: true, visaPost: platform.directory.organisations.municipality },
    });
    expect(codes(res)).toEqual({ 'residence.visaPost': 'unknown_organisation' });
  });

  it('refuses a category of another procedure', async () => {
    const res = await employer.post('/api/v1/dossiers', {
      procedure: 'work_permit',
      category: 'eu_blue_card',
    });
    expect(codes(res)).toEqual({ category: 'category_not_of_procedure' });
  });
});

describe('documents are judged by their content', () => {
  it('refuses a text file named .pdf and accepts PNG and JPEG', async () => {
    const fake = await employer.upload(draftId, 'passport', Buffer.from('not really a pdf'), 'passport.pdf');
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe('document_type_not_accepted');
    expect((await employer.upload(draftId, 'photo', png(), 'photo.png')).status).toBe(201);
    const res = await employer.upload(draftId, 'passport', jpeg(), 'scan.jpg');
    expect(res.status).toBe(201);
    const doc = res.body.documents.find((d: { type: string }) => d.type === 'passport');
    const download = await employer.get(`/api/v1/dossiers/${draftId}/documents/${doc.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses an unknown document type', async () => {
    const res = await employer.upload(draftId, 'selfie', Buffer.from('%PDF-1.4'));
    expect(codes(res)).toEqual({ type: 'invalid_choice' });
  });
});

describe('an action without a body is called as the README shows it', () => {
  // `curl -X POST $B/dossiers/<id>/submit`: no body and no content-type at all.
  const bare = (client: Client, path: string) => client.request('POST', path);

  it('files (or lists what is missing) on a POST /submit with no body', async () => {
    const res = await bare(employer, `/api/v1/dossiers/${draftId}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('dossier_incomplete');
    expect(res.body.missing.length).toBeGreaterThan(0);
  });

  it('withdraws an application with no body, its reason being optional', async () => {
    const created = await employer.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
    });
    const res = await bare(employer, `/api/v1/dossiers/${created.body.id}/withdrawal`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(created.body.id);
    expect(res.body.state).toBe('withdrawn_by_applicant');
  });
});
