import { describe, expect, it } from 'vitest';
import { CONDITIONS } from './required-documents.js';
import { DOCUMENT_CATEGORY, requiredDocuments, type DossierFacts } from './documents.js';
import { REQUIRED_DOCUMENT_RULES } from './required-documents.js';
import { DATA_CATEGORIES, DOCUMENT_TYPES, type DocumentType } from '../contract/documents.js';
import { overlappingRows } from './effective.js';
import { feeFor } from './fees.js';
import { CATEGORIES, type Category } from '../contract/procedures.js';
import { isCategoryOf, procedureOfCategory } from './procedures.js';
import { REGIONS, type Region } from '../contract/regions.js';

const ON = '2026-11-23';

function docs(category: Category, facts: DossierFacts = {}, region: Region = 'flanders'): DocumentType[] {
  return requiredDocuments({ procedure: procedureOfCategory(category), category, region, facts, on: ON }).map(
    (d) => d.documentType,
  );
}

describe('document types and their data category', () => {
  it('are exactly the list of data.md', () => {
    expect(DOCUMENT_TYPES).toHaveLength(21);
    expect(Object.keys(DOCUMENT_CATEGORY).sort()).toEqual([...DOCUMENT_TYPES].sort());
    for (const c of Object.values(DOCUMENT_CATEGORY)) expect(DATA_CATEGORIES).toContain(c);
  });

  it('puts health and criminal documents in the special categories', () => {
    const of = (category: string) => DOCUMENT_TYPES.filter((t) => DOCUMENT_CATEGORY[t] === category).sort();
    expect(of('health')).toEqual(['medical_certificate', 'medical_certificate_work']);
    expect(of('criminal')).toEqual(['criminal_record', 'criminal_record_self_employed']);
    expect(of('admin')).toEqual(['fee_proof']);
    expect(of('identity')).toEqual(['address_proof']);
    expect(of('residence')).toEqual(['passport', 'photo', 'residence_permit', 'visa_d']);
    expect(of('self_employed')).toEqual(['business_plan', 'financial_proof']);
    expect(DOCUMENT_CATEGORY.other).toBe('employment');
  });
});

describe('required-document rows', () => {
  it('are consistent: category within procedure, a legal source, no duplicate in force', () => {
    for (const row of REQUIRED_DOCUMENT_RULES) {
      if (row.category !== undefined) expect(isCategoryOf(row.procedure, row.category)).toBe(true);
      if (row.when !== undefined) expect(CONDITIONS).toContain(row.when);
      expect(row.legalSource.length).toBeGreaterThan(8);
    }
    const key = (r: (typeof REQUIRED_DOCUMENT_RULES)[number]) =>
      [r.procedure, r.category, r.region, r.documentType, r.when].join('/');
    expect(overlappingRows(REQUIRED_DOCUMENT_RULES, key)).toEqual([]);
  });

  it('give every one of the ten categories a passport and a founding document', () => {
    for (const c of CATEGORIES) {
      const list = docs(c);
      expect(list).toContain('passport');
      expect(list.some((d) => ['contract', 'hosting_agreement', 'business_plan'].includes(d))).toBe(true);
    }
  });

  it('ask the fee proof exactly where a fee is due (kept in step with fees.ts)', () => {
    for (const c of CATEGORIES) {
      const due = feeFor(procedureOfCategory(c), c, ON).amountCents > 0;
      expect(docs(c).includes('fee_proof')).toBe(due);
    }
  });
});

describe('requiredDocuments (R-FILE-2)', () => {
  it('lists the single permit documents with their sources, in a stable order', () => {
    const list = requiredDocuments({
      procedure: 'single_permit',
      category: 'single_permit',
      region: 'brussels',
      facts: { abroad: true },
      on: ON,
    });
    expect(list.map((d) => d.documentType)).toEqual([
      'passport',
      'photo',
      'contract',
      'fee_proof',
      'medical_certificate',
      'criminal_record',
    ]);
    expect(list.find((d) => d.documentType === 'criminal_record')?.legalSource).toContain('Art. 17 §1');
  });

  it('asks different proofs for an EU Blue Card and a seasonal worker', () => {
    const blue = docs('eu_blue_card');
    const seasonal = docs('seasonal_worker');
    expect(blue).toContain('diploma');
    expect(seasonal).not.toContain('diploma');
    expect(seasonal).toContain('address_proof'); // adequate accommodation, Directive 2014/36/EU
    expect(blue).not.toContain('address_proof');
  });

  it('asks a hosting agreement, not a contract, of a researcher', () => {
    expect(docs('researcher')).toContain('hosting_agreement');
    expect(docs('researcher')).not.toContain('contract');
    expect(docs('trainee')).toEqual(expect.arrayContaining(['contract', 'diploma', 'subsistence']));
  });

  it('adds the medical certificate and criminal record when the worker is abroad', () => {
    const abroad = docs('single_permit', { abroad: true });
    const here = docs('single_permit', { abroad: false });
    expect(abroad).toEqual(expect.arrayContaining(['medical_certificate', 'criminal_record']));
    expect(here).not.toContain('medical_certificate');
    expect(here).not.toContain('criminal_record');
    expect(here).toContain('residence_permit');
    expect(abroad).not.toContain('residence_permit');
  });

  it('adds nothing conditional while the facts are unknown', () => {
    const unknown = docs('single_permit', {});
    for (const d of ['medical_certificate', 'residence_permit', 'posting_certificate', 'other'] as const) {
      expect(unknown).not.toContain(d);
    }
  });

  it('follows the other facts', () => {
    expect(docs('single_permit', { posted: true })).toContain('posting_certificate');
    expect(docs('single_permit', { renewal: true })).toContain('payslips');
    expect(docs('single_permit', { hasEnterpriseNumber: false })).toContain('other');
    expect(docs('single_permit', { hasEnterpriseNumber: true })).not.toContain('other');
    expect(docs('intra_corporate_transferee', { longTermMobility: true })).toContain('residence_permit');
    expect(docs('researcher', { longTermMobility: true })).toContain('residence_permit');
    expect(docs('eu_blue_card', { longTermMobility: true })).not.toContain('residence_permit');
  });

  it('asks the work permit medical certificate on the basis of the competent region', () => {
    const sources = REGIONS.map(
      (region) =>
        requiredDocuments({
          procedure: 'work_permit',
          category: 'work_permit',
          region,
          facts: {},
          on: ON,
        }).find((d) => d.documentType === 'medical_certificate_work')?.legalSource,
    );
    expect(sources.every((s) => s !== undefined)).toBe(true);
    expect(new Set(sources).size).toBe(4);
    expect(sources[REGIONS.indexOf('ostbelgien')]).toContain('Art. 9 §7 4°');
    const noRegion = requiredDocuments({
      procedure: 'work_permit',
      category: 'work_permit',
      region: undefined,
      facts: {},
      on: ON,
    });
    expect(noRegion.map((d) => d.documentType)).toEqual(['passport', 'contract']);
    expect(docs('work_permit')).not.toContain('criminal_record');
  });

  it('asks the residence documents of a work permit by where the worker is (Art. 23)', () => {
    const abroad = docs('work_permit', { abroad: true });
    const here = docs('work_permit', { abroad: false });
    expect(abroad).toContain('photo');
    expect(abroad).not.toContain('residence_permit');
    expect(here).toContain('residence_permit');
    expect(here).not.toContain('photo');
    // The 1980 law's certificate and record go to the post with the visa application, not here.
    for (const list of [abroad, here]) {
      expect(list).not.toContain('medical_certificate');
      expect(list).not.toContain('criminal_record');
    }
    const photo = requiredDocuments({
      procedure: 'work_permit',
      category: 'work_permit',
      region: 'flanders',
      facts: { abroad: true },
      on: ON,
    }).find((d) => d.documentType === 'photo');
    expect(photo?.legalSource).toContain('Art. 23');
    // That it is a configured reading stays with the operators' note, not in the public citation.
    expect(photo?.legalSource).not.toContain('configured');
    const row = REQUIRED_DOCUMENT_RULES.find(
      (r) => r.procedure === 'work_permit' && r.documentType === 'photo' && r.when === 'abroad',
    );
    expect(row?.configurationNote).toContain('configured');
  });

  it('asks a self-employed person abroad no current residence permit (Art. 22)', () => {
    const abroad = docs('professional_card', { abroad: true });
    expect(abroad).toEqual(expect.arrayContaining(['passport', 'photo']));
    expect(abroad).not.toContain('residence_permit');
    expect(abroad).not.toContain('criminal_record');
    expect(docs('professional_card', { abroad: false })).toContain('residence_permit');
  });

  it('asks the professional card documents of a self-employed person', () => {
    const list = docs('professional_card', { abroad: false });
    expect(list).toEqual(
      expect.arrayContaining([
        'passport',
        'business_plan',
        'financial_proof',
        'criminal_record_self_employed',
        'residence_permit',
      ]),
    );
    expect(list).not.toContain('criminal_record');
    expect(list).not.toContain('contract');
  });

  it('deduplicates a document asked by several rows and keeps every source', () => {
    const list = requiredDocuments({
      procedure: 'single_permit',
      category: 'researcher',
      region: 'wallonia',
      facts: { abroad: false, longTermMobility: true },
      on: ON,
    });
    const permits = list.filter((d) => d.documentType === 'residence_permit');
    expect(permits).toHaveLength(1);
    expect(permits[0]?.legalSource).toContain('Art. 12 §1 2° b)');
    expect(permits[0]?.legalSource).toContain('2016/801 Art. 29');
  });

  it('refuses a category of another procedure and has no rules before the agreement', () => {
    expect(() =>
      requiredDocuments({
        procedure: 'work_permit',
        category: 'eu_blue_card',
        region: 'flanders',
        facts: {},
        on: ON,
      }),
    ).toThrow(RangeError);
    expect(
      requiredDocuments({
        procedure: 'single_permit',
        category: 'single_permit',
        region: 'flanders',
        facts: {},
        on: '2024-12-31',
      }),
    ).toEqual([]);
  });
});
