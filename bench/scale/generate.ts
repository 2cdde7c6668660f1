import { createHmac, randomUUID } from 'node:crypto';
import type { Language } from '../../src/contract/language.js';
import type { Category, Procedure } from '../../src/contract/procedures.js';
import type { Region } from '../../src/contract/regions.js';
import { keyedHashOf } from '../../src/audit/audit.js';
import { DOCUMENT_CATEGORY } from '../../src/rules/documents.js';
import {
  documentsToUpload,
  enterpriseNumberFrom,
  singlePermitSections,
  structuredReferenceFrom,
} from '../../src/demo/fixtures.js';
import { foldLifecycle, type ActionRecord } from '../../src/dossier/model/lifecycle.js';
import type { DossierRecord } from '../../src/dossier/model/record.js';
import { retentionOf } from '../../src/dossier/model/retention.js';
import { addDays, legalDate } from '../../src/platform/clock.js';
import { AGREEMENT_SIGNED } from '../../src/rules/effective.js';
import { FACT_OF_ACTION, factOf } from '../../src/statistics/facts.js';
import type { DocumentType } from '../../src/contract/documents.js';
import { pathTo, type Step } from './paths.js';
import {
  AGE_WEIGHTS,
  DEMO_EMPLOYER_EVERY,
  HISTORY_STARTS,
  LANGUAGE_OF_REGION,
  NATIONALITY_WEIGHTS,
  POSTCODES,
  PROCEDURE_WEIGHTS,
  RECENT_DAYS,
  RECENT_TARGETS,
  REGION_WEIGHTS,
  REQUEST_SHARE,
  SETTLED_TARGETS,
  SEX_WEIGHTS,
  SINGLE_PERMIT_CATEGORIES,
  YEARLY_GROWTH,
  type Target,
  type Weighted,
} from './proportions.js';
import type { RowBatch } from './sink.js';

/*
 * One fictitious dossier at a time, with everything the platform would have written on its way:
 * the action log (folded by the platform's own model for its state, retention and statistics),
 * documents' metadata, decision letters' metadata and notification dates, access-log rows and the
 * keyed audit rows of each action.
 */

/** A small, fast and repeatable random source (mulberry32). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, table: Weighted<T>): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = random() * total;
  for (const [v, w] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1]![0];
}

/** The parties the generated dossiers act through (all fictitious, created by the seeding script). */
export interface Cast {
  employers: { orgId: string; userId: string; serial: number; name: string }[];
  selfEmployed: { orgId: string; userId: string; serial: number }[];
  demoEmployer: { orgId: string; userId: string; serial: number; name: string };
  regions: Record<Region, { orgId: string; officers: string[] }>;
  dvz: { orgId: string; officers: string[] };
  posts: { orgId: string; userId: string }[];
  municipalities: { orgId: string; userId: string }[];
  counter: string;
}

export interface AuditChain {
  seq: number;
  prevHash: string;
  key: Buffer;
}

const LETTER_CONTENT_BYTES = 27;
const ISCO: readonly (readonly [string, string])[] = [
  ['Software engineer', '2512'],
  ['Data analyst', '2511'],
  ['Nurse', '2221'],
  ['Welder', '7212'],
  ['Truck driver', '8332'],
  ['Researcher in chemistry', '2113'],
  ['Seasonal fruit picker', '9211'],
  ['Cook', '5120'],
  ['Civil engineer', '2142'],
  ['Electrician', '7411'],
];
const GIVEN = ['Alex', 'Sam', 'Robin', 'Charlie', 'Kim', 'Noa', 'Jo', 'Lou', 'Eden', 'Ari', 'Mika', 'Yuri'];
const FAMILY = ['Voorbeeld', 'Exemple', 'Beispiel', 'Example'];

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A BIS number for a fictitious person: birth month + 20, so it never is a national register number. */
function bisNumber(birthDate: string, serial: number): string {
  const yy = birthDate.slice(2, 4);
  const mm = String(Number(birthDate.slice(5, 7)) + 20).padStart(2, '0');
  const dd = birthDate.slice(8, 10);
  const first9 = `${yy}${mm}${dd}${String((serial % 997) + 1).padStart(3, '0')}`;
  const base = Number(birthDate.slice(0, 4)) >= 2000 ? Number(`2${first9}`) : Number(first9);
  return `${first9}${String(97 - (base % 97)).padStart(2, '0')}`;
}

const requiredCache = new Map<string, DocumentType[]>();
function required(
  procedure: Procedure,
  category: Category,
  postcode: string,
  abroad: boolean,
): DocumentType[] {
  const key = `${procedure}|${category}|${postcode}|${abroad}`;
  let types = requiredCache.get(key);
  if (!types) {
    types = documentsToUpload({ procedure, category, postcode, abroad, on: '2026-11-23' });
    requiredCache.set(key, types);
  }
  return types;
}

const pgArray = (values: readonly string[]) => `{${values.join(',')}}`;

export interface GeneratorState {
  random: () => number;
  now: Date;
  cast: Cast;
  chain: AuditChain;
  /** The next number of the reference sequence. */
  nextReference: number;
  serial: number;
}

/** Days before `now` a dossier was created: filings grow each year over the history. */
function ageInDays(random: () => number, now: Date): number {
  const span = Math.floor((now.getTime() - Date.parse(HISTORY_STARTS)) / DAY);
  for (;;) {
    const days = Math.floor(random() * span);
    const yearsAgo = days / 365;
    if (random() < Math.pow(1 + YEARLY_GROWTH, -yearsAgo)) return days;
  }
}

/** Appends one dossier and everything written with it to `batch`. Returns its target state. */
export function generateDossier(g: GeneratorState, batch: RowBatch): Target {
  const { random, cast, now } = g;
  g.serial += 1;
  const serial = g.serial;
  const region = pick(random, REGION_WEIGHTS);
  const postcodes = POSTCODES[region];
  const postcode = postcodes[Math.floor(random() * postcodes.length)]!;
  const language: Language = pick(random, LANGUAGE_OF_REGION[region]);
  const nationality = pick(random, NATIONALITY_WEIGHTS);
  const sex = pick(random, SEX_WEIGHTS);
  const abroad = random() < 0.75;

  let age = ageInDays(random, now);
  // Procedures (b) and (c) are filed on the platform since the cooperation agreement only.
  const drawn = pick(random, PROCEDURE_WEIGHTS);
  const procedure: Procedure =
    now.getTime() - age * DAY < Date.parse(AGREEMENT_SIGNED) + DAY ? 'single_permit' : drawn;
  const category: Category =
    procedure === 'single_permit' ? pick(random, SINGLE_PERMIT_CATEGORIES) : procedure;
  const recent = age <= RECENT_DAYS;
  const target = pick(random, recent ? RECENT_TARGETS[procedure] : SETTLED_TARGETS[procedure]);
  // Idle drafts older than 180 days are deleted by the sweep; a draft is always recent.
  if (target === 'draft') age = Math.min(age, 60);
  const createdAt = new Date(now.getTime() - age * DAY - Math.floor(random() * 8 * HOUR) - HOUR);

  const [from, to] = pick(random, AGE_WEIGHTS);
  const years = from + Math.floor(random() * (to - from + 1));
  const birthYear = createdAt.getUTCFullYear() - years;
  const birthDate = `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;

  const applicant =
    procedure === 'professional_card'
      ? cast.selfEmployed[Math.floor(random() * cast.selfEmployed.length)]!
      : serial % DEMO_EMPLOYER_EVERY === 0
        ? cast.demoEmployer
        : cast.employers[Math.floor(Math.pow(random(), 3) * cast.employers.length)]!;
  const employerName: string = 'name' in applicant ? String(applicant.name) : '';
  const post = cast.posts[serial % cast.posts.length]!;
  const municipality = cast.municipalities[serial % cast.municipalities.length]!;
  const [jobTitle, iscoCode] = ISCO[Math.floor(random() * ISCO.length)]!;

  const base = singlePermitSections(
    {
      serial,
      givenNames: `Demo ${GIVEN[serial % GIVEN.length]!}`,
      familyName: `${FAMILY[serial % FAMILY.length]!}-${serial}`,
      nationality,
      abroad,
      workplacePostcode: postcode,
    },
    { visaPost: post.orgId, municipality: municipality.orgId, employerSerial: applicant.serial },
  );
  const startDate = legalDate(new Date(createdAt.getTime() + 60 * DAY));
  const identity = { ...base.identity, birthDate, sex, niss: bisNumber(birthDate, serial) };
  const residence = base.residence;
  const employment =
    procedure === 'professional_card'
      ? {}
      : {
          ...base.employment,
          employer: {
            ...base.employment.employer,
            name: employerName,
            enterpriseNumber: enterpriseNumberFrom(applicant.serial),
          },
          jobTitle,
          iscoCode,
          startDate,
          grossMonthlySalaryCents: 250_000 + Math.floor(random() * 600_000),
        };
  const selfEmployed =
    procedure === 'professional_card'
      ? {
          activity: 'Fictitious consultancy for the demo',
          naceCode: '70.22',
          enterpriseNumber: enterpriseNumberFrom(applicant.serial),
          activityAddress: {
            street: 'Voorbeeldstraat',
            number: String(serial % 200),
            postcode,
            municipality: 'Demo',
          },
          businessCounter: cast.counter,
        }
      : {};
  const fee = { structuredReference: structuredReferenceFrom(serial), paidAt: legalDate(createdAt) };
  const sections = {
    identity,
    residence,
    ...(procedure === 'professional_card' ? { selfEmployed } : { employment }),
    fee,
  };

  const types = required(procedure, category, postcode, abroad);
  const uploads = target === 'draft' ? Math.floor(random() * (types.length + 1)) : types.length;
  const withRequest = random() < REQUEST_SHARE;
  const steps = pathTo(procedure, target, uploads, withRequest, abroad ? 'post' : 'municipality');

  // Times: each step after the one before; a dossier still on its way ends before now.
  const offsets: number[] = [];
  let total = 0;
  for (const step of steps) {
    total +=
      step.kind === 'upload' || step.kind === 'answer' ? 5 * 60_000 : step.days * DAY * (0.5 + random());
    offsets.push(total);
  }
  const room = now.getTime() - HOUR - createdAt.getTime();
  const squeeze = total > room ? room / total : 1;

  const dossierId = randomUUID();
  const reference = `SW-${createdAt.getUTCFullYear()}-${String(g.nextReference).padStart(6, '0')}`;
  g.nextReference += 1;
  const officer = (list: readonly string[]) => list[Math.floor(random() * list.length)]!;
  const regionParty = cast.regions[region];
  const actions: ActionRecord[] = [];
  const actors: string[] = [];
  const notified = new Map<string, Date>();
  const record: DossierRecord = {
    id: dossierId,
    reference,
    procedure,
    category,
    longTermMobility: false,
    language,
    region,
    applicantOrganisationId: applicant.orgId,
    applicantName: employerName,
    applicantEnterpriseNumber: null,
    follows: null,
    createdAt,
    sections,
    actions,
    documents: [],
    lifecycle: foldLifecycle(procedure, []),
    sourceChecks: [],
    letters: [],
  };
  let requestId = '';
  let lastDocument = '';
  let typeIndex = 0;
  for (const [i, step] of steps.entries()) {
    const at = new Date(createdAt.getTime() + Math.floor(offsets[i]! * squeeze) + i * 1000);
    const who = actorOf(step, cast, regionParty, applicant, abroad ? post : municipality, officer);
    const id = randomUUID();
    let payload: Record<string, unknown> = {};
    if (step.kind === 'upload' || step.kind === 'answer_upload') {
      const documentId = randomUUID();
      const type: DocumentType = step.kind === 'upload' ? (types[typeIndex++] ?? 'other') : 'diploma';
      payload = { documentId, type };
      lastDocument = documentId;
      batch.add('document', [
        documentId,
        dossierId,
        type,
        DOCUMENT_CATEGORY[type],
        `${type}.pdf`,
        'application/pdf',
        40_000 + Math.floor(random() * 900_000),
        sha256Like(documentId),
        `scale/${documentId}`,
        who.userId,
        who.orgId,
        at.toISOString(),
      ]);
    } else if (step.kind === 'request') {
      requestId = randomUUID();
      payload = {
        requestId,
        dueDate: addDays(legalDate(at), 15),
        items: [{ documentType: 'diploma', description: 'Copy of the highest diploma (demo)' }],
      };
    } else if (step.kind === 'answer') {
      payload = { requestId, documentIds: [lastDocument] };
    } else if (step.kind.endsWith('_granted')) {
      const validFrom = addDays(legalDate(at), 30);
      payload = { outcome: 'granted', validFrom, validUntil: addDays(validFrom, 364), decisionType: 'first' };
    } else if (
      step.kind.endsWith('_refused') ||
      step.kind === 'inadmissible' ||
      step.kind.startsWith('withdraw_') ||
      step.kind === 'end_residence'
    ) {
      payload = {
        ...(step.kind.endsWith('_refused') && { outcome: 'refused', decisionType: 'refusal' }),
        ...(step.kind === 'withdraw_application'
          ? { reason: 'The candidate accepted another offer (demo).' }
          : { grounds: 'Fictitious grounds of a generated dossier.' }),
      };
    } else if (step.kind === 'issued') {
      payload = { issuedOn: legalDate(at), documentNumber: `DEMO-${serial}` };
    }
    const logged: ActionRecord = {
      id,
      seq: i + 1,
      action: step.action,
      actorOrganisationId: who.orgId,
      relation: step.relation,
      at,
      legalBasis: step.legalBasis,
      payload,
    };
    actions.push(logged);
    actors.push(who.userId);
    batch.add('dossier_action', [
      id,
      dossierId,
      logged.seq,
      step.action,
      who.userId,
      who.orgId,
      step.relation,
      at.toISOString(),
      step.legalBasis,
      `scale-${id}`,
      JSON.stringify(payload),
    ]);
    appendAuditRow(g.chain, batch, {
      at,
      userId: who.userId,
      orgId: who.orgId,
      dossierId,
      details: { action: step.action, seq: logged.seq, relation: step.relation },
    });
    // An authority reads the dossier before it acts; the applicant reads it when filing.
    if (step.relation !== 'applicant' || step.kind === 'submit') {
      const categories =
        step.relation === 'applicant'
          ? ['identity', 'residence', 'employment', 'admin']
          : step.relation === 'dvz'
            ? ['identity', 'residence', 'admin']
            : ['identity', 'residence', 'employment', 'admin'];
      batch.add('access_log', [
        randomUUID(),
        new Date(at.getTime() - 60_000).toISOString(),
        who.userId,
        who.orgId,
        dossierId,
        pgArray(categories),
        step.relation === 'applicant'
          ? 'Follow-up of own application (Art. 19-20)'
          : 'Examination and decision (Art. 12, 18)',
      ]);
    }
    const decides = isDecision(step);
    if (decides) {
      const negative = !(step.kind.endsWith('_granted') || step.kind === 'admissible');
      const variants: ['full' | 'notice', Language, boolean][] = [['full', language, false]];
      if (language !== 'en') variants.push(['full', 'en', true]);
      if (negative) {
        variants.push(['notice', language, false]);
        if (language !== 'en') variants.push(['notice', 'en', true]);
      }
      for (const [variant, lang, courtesy] of variants)
        batch.add('decision_letter', [
          randomUUID(),
          dossierId,
          id,
          variant,
          lang,
          courtesy,
          pgArray(
            variant === 'full'
              ? negative
                ? ['identity', 'employment', 'grounds']
                : ['identity', 'employment']
              : ['identity'],
          ),
          LETTER_CONTENT_BYTES,
          sha256Like(id + variant + lang),
          at.toISOString(),
        ]);
      const notifiedAt = new Date(at.getTime() + 6 * HOUR);
      if (notifiedAt < now) {
        notified.set(id, notifiedAt);
        batch.add('decision_notification', [
          id,
          dossierId,
          notifiedAt.toISOString(),
          abroad ? 'email' : 'ebox',
        ]);
      }
    }
    // The fold is the costly part of a dossier: it runs where a statistic needs it, and at the end.
    if (!FACT_OF_ACTION[step.action]) continue;
    record.lifecycle = foldLifecycle(procedure, actions, notified);
    const fact = factOf(record, logged);
    if (fact)
      batch.add('statistic_fact', [
        fact.event,
        fact.year,
        fact.month,
        fact.procedure ?? null,
        fact.category ?? null,
        fact.long_term_mobility ?? false,
        fact.region ?? null,
        fact.decision_kind ?? null,
        fact.outcome ?? null,
        fact.application_kind ?? null,
        fact.reason ?? null,
        fact.validity_months ?? null,
        fact.citizenship ?? null,
        fact.sex ?? null,
        fact.age_band ?? null,
        fact.isco2 ?? null,
        fact.nace_division ?? null,
        fact.ict_role ?? null,
        fact.previous_member_state ?? null,
        fact.days_taken ?? null,
        fact.deadline_days ?? null,
        fact.within_deadline ?? null,
      ]);
  }
  const lifecycle = foldLifecycle(procedure, actions, notified);
  if (lifecycle.state !== target)
    throw new Error(`dossier ${reference} folds to ${lifecycle.state}, not ${target}`);
  const retention = retentionOf({ procedure, createdAt, actions, lifecycle });
  const last = actions.at(-1)!;
  batch.add('dossier', [
    dossierId,
    reference,
    procedure,
    category,
    false,
    language,
    applicant.orgId,
    region,
    JSON.stringify(identity),
    JSON.stringify(residence),
    JSON.stringify(employment),
    JSON.stringify(selfEmployed),
    JSON.stringify(fee),
    lifecycle.state,
    lifecycle.filedAt?.toISOString() ?? null,
    createdAt.toISOString(),
    last.at.toISOString(),
    retention.until,
    retention.rule ?? 'pending',
  ]);
  return target;
}

function isDecision(step: Step): boolean {
  return [
    'admissible',
    'inadmissible',
    'work_granted',
    'work_refused',
    'residence_granted',
    'residence_refused',
    'withdraw_work',
    'withdraw_residence',
    'end_residence',
  ].includes(step.kind);
}

function actorOf(
  step: Step,
  cast: Cast,
  region: { orgId: string; officers: string[] },
  applicant: { orgId: string; userId: string },
  issuer: { orgId: string; userId: string },
  officer: (list: readonly string[]) => string,
): { orgId: string; userId: string } {
  // The paths name only these parties (src: bench/scale/paths.ts); the issuer is a post or a municipality.
  if (step.relation === 'applicant') return applicant;
  if (step.relation === 'competent_region') return { orgId: region.orgId, userId: officer(region.officers) };
  if (step.relation === 'dvz') return { orgId: cast.dvz.orgId, userId: officer(cast.dvz.officers) };
  return issuer;
}

/** A stand-in digest of a file that was never written (no document content is generated). */
function sha256Like(seed: string): string {
  const hex = seed.replace(/-/g, '');
  return (hex + hex).slice(0, 64).padEnd(64, '0');
}

const ROW_LABEL = 'single-window audit row v1\n';
const J = JSON.stringify;
let checked = 0;

/**
 * The keyed hash of a `dossier_action` row, written out for its fixed shape (the generic
 * canonical JSON of src/audit/audit.ts costs more than the rest of a dossier). The first rows are
 * checked against keyedHashOf, so a change of the chain's format stops the generator at once.
 */
function dossierActionHash(
  row: {
    seq: number;
    at: Date;
    actor_user_id: string;
    actor_organisation_id: string;
    dossier_id: string | null;
    details: { action: string; seq: number; relation: string };
    prev_hash: string;
  },
  key: Buffer,
): string {
  const d = row.details;
  const text =
    `{"actor_organisation_id":${J(row.actor_organisation_id)},"actor_user_id":${J(row.actor_user_id)},` +
    `"algorithm":"hmac-sha256","at":${J(row.at.toISOString())},` +
    `"details":{"action":${J(d.action)},"relation":${J(d.relation)},"seq":${d.seq}},` +
    `"dossier_id":${J(row.dossier_id)},"kind":"dossier_action","prev_hash":${J(row.prev_hash)},"seq":${row.seq}}`;
  const hash = createHmac('sha256', key).update(ROW_LABEL).update(text).digest('hex');
  if (checked < 1000) {
    checked += 1;
    if (keyedHashOf({ ...row, kind: 'dossier_action' }, key) !== hash)
      throw new Error(
        "the audit chain's row format changed: update dossierActionHash in bench/scale/generate.ts",
      );
  }
  return hash;
}

/** One row of the keyed audit chain, hashed as src/audit/audit.ts hashes it. */
export function appendAuditRow(
  chain: AuditChain,
  batch: RowBatch,
  entry: {
    at: Date;
    userId: string;
    orgId: string;
    dossierId: string | null;
    details: { action: string; seq: number; relation: string };
  },
): void {
  const seq = chain.seq + 1;
  const hash = dossierActionHash(
    {
      seq,
      at: entry.at,
      actor_user_id: entry.userId,
      actor_organisation_id: entry.orgId,
      dossier_id: entry.dossierId,
      details: entry.details,
      prev_hash: chain.prevHash,
    },
    chain.key,
  );
  batch.add('audit_trail', [
    seq,
    entry.at.toISOString(),
    'dossier_action',
    entry.userId,
    entry.orgId,
    entry.dossierId,
    JSON.stringify(entry.details),
    chain.prevHash,
    hash,
  ]);
  chain.seq = seq;
  chain.prevHash = hash;
}
