import { DEMO_PDF, documentsToUpload, singlePermitSections } from '../src/demo/fixtures.js';
import type { Client, TestPlatform } from './harness.js';
import { addYears } from '../src/dossier/model/retention.js';
import { legalDate } from '../src/platform/clock.js';

let serial = 100;

/** Creates a single permit draft with every field and document the rules ask, via the API. */
export async function completeSinglePermitDraft(
  platform: TestPlatform,
  employer: Client,
  options: { abroad?: boolean; postcode?: string; category?: string } = {},
) {
  serial += 1;
  const abroad = options.abroad ?? true;
  const postcode = options.postcode ?? '2000';
  const sections = singlePermitSections(
    {
      serial,
      givenNames: `Test ${serial}`,
      familyName: 'Voorbeeld-Exemple',
      nationality: 'IN',
      abroad,
      workplacePostcode: postcode,
    },
    {
      visaPost: platform.directory.organisations.post ?? '',
      municipality: platform.directory.organisations.municipality ?? '',
      employerSerial: 1,
    },
  );
  // A test that moved the clock years ahead files with a passport still valid on its day, as a
  // person would: the fixture's date stands while it is five years away or more.
  const fiveYearsOn = addYears(legalDate(platform.clock.now()), 5);
  if (sections.residence.passportExpiry < fiveYearsOn) sections.residence.passportExpiry = fiveYearsOn;
  const created = await employer.post('/api/v1/dossiers', {
    procedure: 'single_permit',
    category: options.category ?? 'single_permit',
    ...sections,
  });
  if (created.status !== 201)
    throw new Error(`create failed ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  for (const type of documentsToUpload({
    procedure: 'single_permit',
    category: 'single_permit',
    postcode,
    abroad,
    on: '2026-11-23',
  })) {
    const res = await employer.upload(id, type, DEMO_PDF);
    if (res.status !== 201) throw new Error(`upload ${type} failed ${res.status}`);
  }
  return { id, reference: created.body.reference as string, sections };
}

export async function filedSinglePermit(platform: TestPlatform, employer: Client, options = {}) {
  const draft = await completeSinglePermitDraft(platform, employer, options);
  const res = await employer.post(`/api/v1/dossiers/${draft.id}/submit`);
  if (res.status !== 200) throw new Error(`submit failed ${res.status} ${JSON.stringify(res.body)}`);
  return draft;
}

/**
 * Answers an open request for documents as an applicant does: uploads the document asked for,
 * then answers with it (an answer that adds no document is refused, decision 0007).
 */
export async function answerWithDocument(
  client: Client,
  dossierId: string,
  requestId: string,
  type = 'other',
) {
  const before = await client.get<{ documents: { id: string }[] }>(`/api/v1/dossiers/${dossierId}`);
  const known = new Set(before.body.documents.map((d) => d.id));
  const uploaded = await client.upload(dossierId, type, DEMO_PDF);
  if (uploaded.status !== 201) throw new Error(`upload ${type} failed ${uploaded.status}`);
  const added = (uploaded.body.documents as { id: string }[]).find((d) => !known.has(d.id));
  if (!added) throw new Error('the upload added no document');
  return client.post(`/api/v1/dossiers/${dossierId}/requests/${requestId}/answer`, {
    documentIds: [added.id],
  });
}

/** The worker claims a filed dossier with its passport, birth date and the code e-mailed to them. */
export async function claimDossier(
  platform: TestPlatform,
  worker: Client,
  draft: {
    reference: string;
    sections: { identity: { birthDate: string }; residence: { passportNumber: string } };
  },
) {
  const claim = await worker.post('/api/v1/claims', {
    reference: draft.reference,
    passportNumber: draft.sections.residence.passportNumber,
    birthDate: draft.sections.identity.birthDate,
  });
  const code = (platform.messaging.sent.at(-1)?.body ?? '').match(/\b\d{6}\b/g)?.at(-1) ?? '';
  const confirmed = await worker.post(`/api/v1/claims/${String(claim.body.claimId)}/confirm`, { code });
  if (confirmed.status !== 200) throw new Error(`claim failed ${confirmed.status}`);
}
