import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';
import { FIELD_MESSAGES } from '../contract/field-messages.js';
import {
  DEMO_PDF,
  documentsToUpload,
  enterpriseNumberFrom,
  singlePermitSections,
  withPassportExpiringDuringStay,
} from '../demo/fixtures.js';

/*
 * Wrong data refused where it is typed (issue 13 item 2), the passport finding the examining
 * authority sees on the day of examination, and paying the fee (item 3), through the API.
 */

let platform: TestPlatform;
let employer: Client, mandatary: Client, flanders: Client, post: Client;
const NOW = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  platform = await startPlatform();
  [employer, mandatary, flanders, post] = await platform.loginAll([
    'employer',
    'mandatary',
    'flanders',
    'post',
  ] as const);
});
afterAll(() => platform.close());

const path = (id: string, rest = '') => `/api/v1/dossiers/${id}${rest}`;
const codes = (res: { body: { errors?: { field: string; code: string }[] } }) =>
  Object.fromEntries((res.body.errors ?? []).map((e) => [e.field, e.code]));

/** Moves the platform's day and signs everyone in again (sessions idle out over days). */
async function onDay(at: Date) {
  platform.clock.set(at);
  for (const client of [employer, mandatary, flanders, post]) await client.signInAgain();
}

describe('dates that cannot be right are refused where they are typed, with what to do', () => {
  it('an expired passport: the message says to renew it, in the caller’s language', async () => {
    const draft = await completeSinglePermitDraft(platform, employer);
    const res = await employer.patch(path(draft.id), { residence: { passportExpiry: '2020-06-30' } });
    expect(res.status).toBe(422);
    expect(codes(res)).toEqual({ 'residence.passportExpiry': 'passport_expired' });
    expect(res.body.errors[0].message).toBe(FIELD_MESSAGES.passport_expired.en);
    const nl = await platform.login('employer', 'nl');
    const inDutch = await nl.patch(path(draft.id), { residence: { passportExpiry: '2020-06-30' } });
    expect(inDutch.body.errors[0].message).toBe(FIELD_MESSAGES.passport_expired.nl);
    expect(inDutch.body.errors[0].message).toContain('vernieuwen');
  });

  it('a passport that ends before the employment: on the passport under residence, on the end date under employment', async () => {
    const draft = await completeSinglePermitDraft(platform, employer);
    const employment = await employer.patch(path(draft.id), { employment: { endDate: '2032-06-30' } });
    expect(codes(employment)).toEqual({ 'employment.endDate': 'stay_ends_after_passport' });
    const withEnd = await employer.patch(path(draft.id), { employment: { endDate: '2030-06-30' } });
    expect(withEnd.status).toBe(200);
    const residence = await employer.patch(path(draft.id), { residence: { passportExpiry: '2029-01-31' } });
    expect(codes(residence)).toEqual({ 'residence.passportExpiry': 'passport_expires_before_stay_end' });
    // Open-ended: the passport must at least be valid when the work starts.
    await employer.patch(path(draft.id), { employment: { endDate: null } });
    const start = await employer.patch(path(draft.id), { employment: { startDate: '2032-02-01' } });
    expect(codes(start)).toEqual({ 'employment.startDate': 'stay_ends_after_passport' });
    const unchanged = (await employer.get(path(draft.id))).body.sections;
    expect(unchanged.residence.passportExpiry).toBe('2031-12-31');
    expect(unchanged.employment.startDate).toBe('2027-02-01');
  });

  it('dates out of order: issued after expiry, born in the future, employment ending before it starts', async () => {
    const draft = await completeSinglePermitDraft(platform, employer);
    const res = await employer.patch(path(draft.id), {
      identity: { birthDate: '2030-01-01' },
      residence: { passportIssueDate: '2032-01-01' },
      employment: { endDate: '2027-01-01' },
    });
    expect(res.status).toBe(422);
    expect(codes(res)).toEqual({
      'identity.birthDate': 'birth_date_in_future',
      'residence.passportIssueDate': 'issued_after_expiry',
      'employment.endDate': 'end_before_start',
    });
    const fine = await employer.patch(path(draft.id), { residence: { passportIssueDate: '2021-12-31' } });
    expect(fine.status).toBe(200);
  });

  it('a draft whose passport expired while it waited is not filed', async () => {
    const draft = await completeSinglePermitDraft(platform, employer);
    await employer.patch(path(draft.id), { residence: { passportExpiry: '2027-03-01' } });
    try {
      await onDay(new Date('2027-03-10T09:00:00Z'));
      const res = await employer.post(path(draft.id, '/submit'));
      expect(res.status).toBe(422);
      expect(codes(res)).toMatchObject({ 'residence.passportExpiry': 'passport_expired' });
    } finally {
      await onDay(NOW);
    }
  });
});

describe('the employer section names the employer that applies, and no other', () => {
  const other = enterpriseNumberFrom(2); // the demo mandatary's own registration

  it('the employer’s own number is accepted; another company’s is refused and nothing changes', async () => {
    const draft = await completeSinglePermitDraft(platform, employer);
    const employerData = draft.sections.employment.employer;
    const own = await employer.patch(path(draft.id), { employment: { employer: employerData } });
    expect(own.status).toBe(200);
    const res = await employer.patch(path(draft.id), {
      employment: { employer: { ...employerData, name: 'Another Company BV', enterpriseNumber: other } },
    });
    expect(res.status).toBe(422);
    expect(codes(res)).toEqual({ 'employment.employer.enterpriseNumber': 'enterprise_number_not_applicant' });
    const after = (await employer.get(path(draft.id))).body;
    expect(after.sections.employment.employer.name).toBe(employerData.name);
    expect(after.applicant.enterpriseNumber).toBe(enterpriseNumberFrom(1));
  });

  it('a mandatary files for the employer of its mandate with that employer’s number, not its own', async () => {
    const sections = (await completeSinglePermitDraft(platform, employer)).sections;
    const onBehalfOf = platform.directory.organisations.employer;
    const theirs = await mandatary.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
      onBehalfOf,
      employment: { employer: sections.employment.employer },
    });
    expect(theirs.status).toBe(201);
    const own = await mandatary.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
      onBehalfOf,
      employment: { employer: { ...sections.employment.employer, enterpriseNumber: other } },
    });
    expect(own.status).toBe(422);
    expect(codes(own)).toEqual({ 'employment.employer.enterpriseNumber': 'enterprise_number_not_applicant' });
  });
});

describe('the passport check the examining authority sees, on the day of examination', () => {
  it('a dossier filed before the check shows “expires on D, before the end of the stay on E” next to the field', async () => {
    let id: string | undefined;
    try {
      await onDay(new Date('2026-10-12T09:00:00Z'));
      const sections = withPassportExpiringDuringStay(
        singlePermitSections(
          {
            serial: 77,
            givenNames: 'Test 77',
            familyName: 'Voorbeeld-Exemple',
            nationality: 'PE',
            abroad: true,
            workplacePostcode: '9000',
          },
          { visaPost: platform.directory.organisations.post ?? '', municipality: '', employerSerial: 1 },
        ),
      );
      const draft = await employer.post('/api/v1/dossiers', {
        procedure: 'single_permit',
        category: 'single_permit',
        ...sections,
      });
      expect(draft.status).toBe(201);
      for (const type of documentsToUpload({
        procedure: 'single_permit',
        category: 'single_permit',
        postcode: '9000',
        abroad: true,
        on: '2026-10-12',
      })) {
        expect((await employer.upload(draft.body.id, type, DEMO_PDF)).status).toBe(201);
      }
      expect((await employer.post(path(draft.body.id, '/submit'))).status).toBe(200);
      id = draft.body.id;
    } finally {
      await onDay(NOW);
    }
    if (!id) throw new Error('the older filing was not made');
    const seen = (await flanders.get(path(id))).body;
    const finding = seen.sources.find((s: { check: string }) => s.check === 'passport_valid_for_stay');
    expect(finding).toMatchObject({
      source: 'platform',
      outcome: 'fail',
      detail: {
        reason: 'expires_before_stay_end',
        passportExpiry: '2027-03-31',
        stayEnd: '2027-12-31',
        stayEndField: 'employment.endDate',
        examinedOn: '2026-11-23',
      },
      concerns: { section: 'residence', field: 'passportExpiry' },
    });
    // The applicant and the parties who do not examine are not shown the examination's checks.
    expect((await employer.get(path(id))).body.sources ?? []).not.toContainEqual(
      expect.objectContaining({ check: 'passport_valid_for_stay' }),
    );
  });

  it('a passport that expires during the examination turns the finding to “expired”', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const before = (await flanders.get(path(id))).body.sources;
    expect(before).toContainEqual(
      expect.objectContaining({ check: 'passport_valid_for_stay', outcome: 'pass' }),
    );
    try {
      await onDay(new Date('2032-01-05T09:00:00Z'));
      const after = (await flanders.get(path(id))).body.sources;
      expect(after).toContainEqual(
        expect.objectContaining({
          check: 'passport_valid_for_stay',
          outcome: 'fail',
          detail: expect.objectContaining({
            reason: 'expired',
            passportExpiry: '2031-12-31',
            examinedOn: '2032-01-05',
          }),
        }),
      );
    } finally {
      await onDay(NOW);
    }
  });

  it('stored checks say which field they judge', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const run = await flanders.post(path(id, '/checks'));
    expect(run.status).toBe(201);
    const niss = run.body.sources.find((s: { check: string }) => s.check === 'niss_check_digits');
    expect(niss.concerns).toEqual({ section: 'identity', field: 'niss' });
  });
});

describe('paying the fee', () => {
  it('the applicant is given beneficiary, IBAN, BIC, structured communication and the EPC QR text', async () => {
    const draft = await completeSinglePermitDraft(platform, employer);
    const { fee } = (await employer.get(path(draft.id))).body;
    expect(fee).toMatchObject({
      amountCents: 35_800,
      payTo: {
        beneficiary: expect.stringContaining('DEMO'),
        iban: 'BE54000000000097',
        bic: 'DEMOBEBB',
      },
    });
    const digits = fee.paymentReference.replace(/\D/g, '');
    expect(fee.epcQr).toBe(
      `BCD\n002\n1\nSCT\nDEMOBEBB\n${fee.payTo.beneficiary}\nBE54000000000097\nEUR358.00\n\n${digits}`,
    );
    // The table's internal notes never leave it.
    expect(JSON.stringify(fee)).not.toMatch(/FEE_ACCOUNTS_FILE|configurationNote|Demo account:/);
  });

  it('due, then proof uploaded, then confirmed by the region: both sides see the same state', async () => {
    const created = await employer.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
    });
    expect(created.body.fee.state).toBe('due');
    const { id } = await filedSinglePermit(platform, employer);
    expect((await employer.get(path(id))).body.fee.state).toBe('proof_uploaded');
    expect((await flanders.get(path(id))).body.fee.state).toBe('proof_uploaded');
    expect((await employer.post(path(id, '/fee/confirmation'))).status).toBe(403);
    const confirmed = await flanders.post(path(id, '/fee/confirmation'));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.fee.state).toBe('paid_confirmed');
    expect((await employer.get(path(id))).body.fee.state).toBe('paid_confirmed');
    const again = await flanders.post(path(id, '/fee/confirmation'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('fee_already_confirmed');
    const events = (await employer.get(path(id, '/events'))).body;
    expect(JSON.stringify(events)).toContain('confirm_fee_payment');
    // The post sees decisions only, not the file's administration.
    const byPost = await post.get(path(id));
    expect(byPost.status === 404 || byPost.body.fee === null).toBe(true);
  });

  it('a work permit has no federal fee: exempt, no account, no QR code', async () => {
    const created = await employer.post('/api/v1/dossiers', {
      procedure: 'work_permit',
      category: 'work_permit',
    });
    expect(created.status).toBe(201);
    expect(created.body.fee).toMatchObject({ amountCents: 0, state: 'exempt', payTo: null, epcQr: null });
  });
});
