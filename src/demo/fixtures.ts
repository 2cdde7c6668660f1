import { requiredDocuments } from '../rules/documents.js';
import { type DocumentType } from '../contract/documents.js';
import type { Category, Procedure } from '../contract/procedures.js';
import { regionOfPostcode } from '../rules/regions.js';
import { type Region } from '../contract/regions.js';

/**
 * Obviously fictitious data for demo mode and tests. Identifiers are built by their own check-digit
 * algorithms from small serial numbers, so they are valid in form and belong to nobody.
 */
export function enterpriseNumberFrom(serial: number): string {
  const base = 2_000_000 + serial; // 7 digits after the leading 0
  const check = 97 - (base % 97);
  return `0${base}${String(check).padStart(2, '0')}`;
}

/** A BIS number (month + 20) for a fictitious person born in the 1990s. */
export function bisNumberFrom(serial: number): string {
  const first9 = `9${String(serial % 10)}2115${String(100 + (serial % 800)).padStart(3, '0')}`;
  const check = 97 - (Number(first9) % 97);
  return `${first9}${String(check).padStart(2, '0')}`;
}

export function structuredReferenceFrom(serial: number): string {
  const base = 1_000_000_000 + serial;
  const check = base % 97 || 97;
  const digits = `${base}${String(check).padStart(2, '0')}`;
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

/** The smallest file every document check accepts: a PDF of one blank page (catalogue, pages, page). */
export const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n% fictitious demo document\n' +
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

export interface WorkerSeed {
  serial: number;
  givenNames: string;
  familyName: string;
  nationality: string;
  abroad: boolean;
  workplacePostcode: string;
}

export function singlePermitSections(
  worker: WorkerSeed,
  refs: { visaPost: string; municipality: string; employerSerial: number },
) {
  return {
    identity: {
      givenNames: worker.givenNames,
      familyName: worker.familyName,
      birthDate: '1994-03-15',
      birthPlace: 'Demo City',
      birthCountry: worker.nationality,
      sex: 'X',
      nationality: worker.nationality,
      niss: bisNumberFrom(worker.serial),
      address: {
        street: 'Example Road',
        number: String(worker.serial),
        postcode: '00000',
        municipality: 'Demo City',
        country: worker.nationality,
      },
    },
    residence: {
      passportNumber: `DEMO${String(worker.serial).padStart(5, '0')}`,
      passportIssuingCountry: worker.nationality,
      passportExpiry: '2031-12-31',
      email: `worker${worker.serial}@example.org`,
      phone: '+32 470 00 00 00',
      abroad: worker.abroad,
      ...(worker.abroad ? { visaPost: refs.visaPost } : { municipality: refs.municipality }),
    },
    employment: {
      employer: {
        enterpriseNumber: enterpriseNumberFrom(refs.employerSerial),
        name: 'Demo Employer NV (fictitious)',
        seatAddress: {
          street: 'Voorbeeldstraat',
          number: '1',
          postcode: '2000',
          municipality: 'Antwerpen',
          country: 'BE',
        },
        email: 'hr@example.org',
        phone: '+32 3 000 00 00',
        jointCommittee: '200',
      },
      onssNumber: '1234567',
      workplace: {
        street: 'Voorbeeldstraat',
        number: '1',
        postcode: worker.workplacePostcode,
        municipality: 'Demo',
      },
      jobTitle: 'Software engineer',
      iscoCode: '2512',
      startDate: '2027-02-01',
      hoursPerWeek: 38,
      grossMonthlySalaryCents: 520_000,
    },
    fee: { structuredReference: structuredReferenceFrom(worker.serial), paidAt: '2026-11-02' },
  };
}

/**
 * A filing from before the platform checked the passport against the stay: the passport expires
 * during the requested employment, which the examining authority's automated check points out.
 */
export function withPassportExpiringDuringStay(sections: ReturnType<typeof singlePermitSections>) {
  return {
    ...sections,
    residence: { ...sections.residence, passportIssueDate: '2017-04-01', passportExpiry: '2027-03-31' },
    employment: { ...sections.employment, endDate: '2027-12-31' },
    fee: { ...sections.fee, paidAt: '2026-10-09' },
  };
}

/** The documents the rule tables ask of a dossier with these facts today. */
export function documentsToUpload(input: {
  procedure: Procedure;
  category: Category;
  postcode: string;
  abroad: boolean;
  on: string;
}): DocumentType[] {
  const region: Region | undefined = regionOfPostcode(input.postcode, input.on);
  return requiredDocuments({
    procedure: input.procedure,
    category: input.category,
    region,
    facts: {
      abroad: input.abroad,
      posted: false,
      longTermMobility: false,
      hasEnterpriseNumber: true,
      renewal: false,
    },
    on: input.on,
  }).map((d) => d.documentType);
}
