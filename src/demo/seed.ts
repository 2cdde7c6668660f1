import type { Command } from '../identity/request.js';
/* eslint-disable no-console -- the demo prints its address and accounts for the person who started it */
import type { AppDeps } from '../deps.js';
import { countDossiers } from '../access/records.js';
import type { Db } from '../db/database.js';
import { addDocument } from '../documents/documents.service.js';
import { createDossier, submitDossier } from '../dossier/drafting.js';
import { decideAdmissibility, requestDocuments } from '../dossier/examination.js';
import { decide, recordIssued, withdrawApplication } from '../dossier/decisions.js';
import type { Actor } from '../identity/actor.js';
import type { OrganisationKind } from '../contract/organisations.js';
import { hashPassword } from '../identity/passwords.js';
import { addDays, legalDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { Region } from '../contract/regions.js';
import {
  DEMO_PDF,
  documentsToUpload,
  enterpriseNumberFrom,
  singlePermitSections,
  type WorkerSeed,
} from './fixtures.js';

interface OrgSeed {
  key: string;
  kind: OrganisationKind;
  name: string;
  region?: Region;
  enterpriseNumber?: string;
  nisCode?: string;
}

export const DEMO_ORGANISATIONS: readonly OrgSeed[] = [
  {
    key: 'employer',
    kind: 'employer',
    name: 'Demo Employer NV (fictitious)',
    enterpriseNumber: enterpriseNumberFrom(1),
  },
  {
    key: 'mandatary',
    kind: 'mandatary',
    name: 'Demo Social Secretariat (fictitious)',
    enterpriseNumber: enterpriseNumberFrom(2),
  },
  { key: 'selfemployed', kind: 'self_employed', name: 'Demo Self-Employed (fictitious)' },
  { key: 'worker', kind: 'worker', name: 'Demo Worker (fictitious)' },
  {
    key: 'flanders',
    kind: 'regional_authority',
    region: 'flanders',
    name: 'Departement Werk en Sociale Economie — Economische Migratie',
  },
  {
    key: 'wallonia',
    kind: 'regional_authority',
    region: 'wallonia',
    name: 'SPW Économie, Emploi, Recherche — Permis de travail',
  },
  {
    key: 'brussels',
    kind: 'regional_authority',
    region: 'brussels',
    name: 'Bruxelles Économie et Emploi — Migration économique',
  },
  {
    key: 'ostbelgien',
    kind: 'regional_authority',
    region: 'ostbelgien',
    name: 'Ministerium der Deutschsprachigen Gemeinschaft — Beschäftigung',
  },
  { key: 'dvz', kind: 'dvz', name: 'Dienst Vreemdelingenzaken / Office des étrangers' },
  { key: 'onss', kind: 'onss', name: 'RSZ / ONSS (platform operator)' },
  { key: 'inasti', kind: 'inasti', name: 'RSVZ / INASTI' },
  { key: 'post', kind: 'post', name: 'Embassy of Belgium, demo post' },
  { key: 'post2', kind: 'post', name: 'Consulate General of Belgium, second demo post' },
  { key: 'municipality', kind: 'municipality', name: 'Antwerpen', nisCode: '11002' },
  { key: 'municipality-liege', kind: 'municipality', name: 'Liège', nisCode: '62063' },
  { key: 'counter', kind: 'business_counter', name: 'Demo accredited business counter' },
  { key: 'inspection', kind: 'inspection', name: 'Federal social inspection (demo)' },
  { key: 'pes', kind: 'employment_service', region: 'flanders', name: 'VDAB' },
  { key: 'forem', kind: 'employment_service', region: 'wallonia', name: 'Le Forem' },
  { key: 'actiris', kind: 'employment_service', region: 'brussels', name: 'Actiris' },
  {
    key: 'adg',
    kind: 'employment_service',
    region: 'ostbelgien',
    name: 'Arbeitsamt der Deutschsprachigen Gemeinschaft (ADG)',
  },
  { key: 'committee', kind: 'management_committee', name: 'Management committee' },
];

/** One account per party (api.md), each with the password `demo`. */
export const DEMO_ACCOUNTS: readonly {
  username: string;
  organisation: string;
  name: string;
  roles?: string[];
}[] = [
  { username: 'employer', organisation: 'employer', name: 'Erika Employer (demo)' },
  { username: 'mandatary', organisation: 'mandatary', name: 'Mats Mandatary (demo)' },
  { username: 'worker', organisation: 'worker', name: 'Wanda Worker (demo)' },
  { username: 'selfemployed', organisation: 'selfemployed', name: 'Sami Selfemployed (demo)' },
  { username: 'flanders', organisation: 'flanders', name: 'Flor Flanders (demo)' },
  { username: 'wallonia', organisation: 'wallonia', name: 'Wally Wallonia (demo)' },
  { username: 'brussels', organisation: 'brussels', name: 'Bram Brussels (demo)' },
  { username: 'ostbelgien', organisation: 'ostbelgien', name: 'Olga Ostbelgien (demo)' },
  { username: 'dvz', organisation: 'dvz', name: 'Dirk DVZ (demo)' },
  { username: 'post', organisation: 'post', name: 'Paula Post (demo)' },
  { username: 'municipality', organisation: 'municipality', name: 'Mona Municipality (demo)' },
  { username: 'counter', organisation: 'counter', name: 'Chris Counter (demo)' },
  { username: 'inspection', organisation: 'inspection', name: 'Ines Inspection (demo)' },
  { username: 'pes', organisation: 'pes', name: 'Piet PES (demo)' },
  { username: 'operator', organisation: 'onss', name: 'Otto Operator (demo)' },
  { username: 'dpo', organisation: 'flanders', name: 'Dana DPO (demo)', roles: ['dpo'] },
];

export type DemoDirectory = { organisations: Record<string, string>; users: Record<string, string> };

/** Organisations, accounts and the mandate; safe to run again (it finds what exists). */
export async function seedParties(db: Db): Promise<DemoDirectory> {
  const organisations: Record<string, string> = {};
  const users: Record<string, string> = {};
  const existing = await db.selectFrom('app_user').select(['id', 'username']).execute();
  if (existing.some((u) => u.username === 'employer')) {
    const orgs = await db.selectFrom('organisation').select(['id', 'name']).execute();
    for (const seed of DEMO_ORGANISATIONS) {
      const found = orgs.find((o) => o.name === seed.name);
      if (found) organisations[seed.key] = found.id;
    }
    for (const u of existing) users[u.username] = u.id;
    return { organisations, users };
  }
  const passwordHash = await hashPassword('demo');
  await db.transaction().execute(async (tx) => {
    for (const seed of DEMO_ORGANISATIONS) {
      const id = newId();
      organisations[seed.key] = id;
      await tx
        .insertInto('organisation')
        .values({
          id,
          kind: seed.kind,
          name: seed.name,
          region: seed.region ?? null,
          enterprise_number: seed.enterpriseNumber ?? null,
          nis_code: seed.nisCode ?? null,
        })
        .execute();
    }
    for (const account of DEMO_ACCOUNTS) {
      const id = newId();
      users[account.username] = id;
      await tx
        .insertInto('app_user')
        .values({
          id,
          username: account.username,
          display_name: account.name,
          email: `${account.username}@example.org`,
          password_hash: passwordHash,
        })
        .execute();
      await tx
        .insertInto('membership')
        .values({
          user_id: id,
          organisation_id: organisations[account.organisation] ?? '',
          roles: account.roles ?? ['member'],
        })
        .execute();
    }
    await tx
      .insertInto('mandate')
      .values({
        id: newId(),
        employer_organisation_id: organisations.employer ?? '',
        mandatary_organisation_id: organisations.mandatary ?? '',
        dossier_id: null,
        valid_from: new Date('2026-01-01T00:00:00Z'),
        valid_until: null,
        created_at: new Date(),
      })
      .execute();
  });
  return { organisations, users };
}

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('membership as m', 'm.user_id', 'u.id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'm.roles',
      'o.id as orgId',
      'o.kind',
      'o.name',
      'o.region',
    ])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    userId: row.id,
    username: row.username,
    name: row.display_name,
    organisation: {
      id: row.orgId,
      kind: row.kind as OrganisationKind,
      name: row.name,
      region: row.region as Region | null,
    },
    roles: row.roles,
    csrfToken: undefined,
  };
}

type Step =
  | 'draft'
  | 'complete'
  | 'filed'
  | 'incomplete'
  | 'admissible'
  | 'inadmissible'
  | 'work_granted'
  | 'work_refused'
  | 'residence_granted'
  | 'residence_refused'
  | 'issued'
  | 'withdrawn'
  | 'work_withdrawn'
  | 'residence_withdrawn'
  | 'residence_ended';

/** Drives one fictitious single permit through the real use cases up to `target`. */
async function demoDossier(deps: AppDeps, dir: DemoDirectory, worker: WorkerSeed, target: Step) {
  const as = async (username: string): Promise<Command> => ({
    actor: await actorFor(deps.db, username),
    idempotencyKey: undefined,
    route: 'demo',
    request: undefined,
  });
  const employer = await as('employer');
  const sections = singlePermitSections(worker, {
    visaPost: dir.organisations.post ?? '',
    municipality: dir.organisations.municipality ?? '',
    employerSerial: 1,
  });
  const created = await createDossier(
    deps,
    employer,
    {
      procedure: 'single_permit',
      category: 'single_permit',
      ...(target === 'draft' ? { identity: sections.identity } : {}),
      sections: target === 'draft' ? { identity: sections.identity } : sections,
    },
    'nl',
  );
  const id = created.body.id;
  if (target === 'draft') return;
  const today = legalDate(deps.clock.now());
  for (const type of documentsToUpload({
    procedure: 'single_permit',
    category: 'single_permit',
    postcode: worker.workplacePostcode,
    abroad: worker.abroad,
    on: today,
  })) {
    await addDocument(deps, employer, id, { type, fileName: `${type}.pdf`, content: DEMO_PDF });
  }
  if (target === 'complete') return;
  if (target === 'withdrawn') {
    await submitDossier(deps, employer, id);
    await withdrawApplication(deps, employer, id, {
      reason: 'The candidate accepted another offer (demo).',
    });
    return;
  }
  const region = await as('flanders');
  const dvz = await as('dvz');
  await submitDossier(deps, employer, id);
  if (target === 'filed') return;
  if (target === 'incomplete') {
    await requestDocuments(deps, region, id, {
      dueDate: addDays(today, 15),
      items: [{ documentType: 'diploma', description: 'Copy of the highest diploma' }],
    });
    return;
  }
  if (target === 'inadmissible') {
    await decideAdmissibility(deps, region, id, {
      outcome: 'inadmissible',
      grounds: 'The contract is not signed (demo grounds).',
    });
    return;
  }
  await decideAdmissibility(deps, region, id, { outcome: 'admissible' });
  if (target === 'admissible') return;
  if (target === 'work_refused') {
    await decide(deps, region, id, {
      kind: 'work',
      outcome: 'refused',
      grounds: 'The salary is below the threshold (demo grounds).',
    });
    return;
  }
  await decide(deps, region, id, {
    kind: 'work',
    outcome: 'granted',
    validFrom: '2027-02-01',
    validUntil: '2028-01-31',
  });
  if (target === 'work_granted') return;
  if (target === 'work_withdrawn') {
    await decide(deps, region, id, {
      kind: 'withdrawal',
      of: 'work',
      grounds: 'The employment ended (demo grounds).',
    });
    return;
  }
  if (target === 'residence_refused') {
    await decide(deps, dvz, id, {
      kind: 'residence',
      outcome: 'refused',
      grounds: 'Public order (demo grounds).',
    });
    return;
  }
  await decide(deps, dvz, id, {
    kind: 'residence',
    outcome: 'granted',
    validFrom: '2027-02-01',
    validUntil: '2028-01-31',
  });
  if (target === 'residence_granted') return;
  if (target === 'residence_withdrawn') {
    await decide(deps, dvz, id, {
      kind: 'withdrawal',
      of: 'residence',
      grounds: 'The conditions are no longer met (demo grounds).',
    });
    return;
  }
  if (target === 'residence_ended') {
    await decide(deps, dvz, id, {
      kind: 'end',
      of: 'residence',
      grounds: 'The worker left Belgium (demo grounds).',
    });
    return;
  }
  const issuer = await as(worker.abroad ? 'post' : 'municipality');
  await recordIssued(deps, issuer, id, { issuedOn: today, documentNumber: `DEMO-${worker.serial}` });
}

const DEMO_TARGETS: readonly Step[] = [
  'draft',
  'complete',
  'filed',
  'incomplete',
  'admissible',
  'inadmissible',
  'work_granted',
  'work_refused',
  'residence_granted',
  'residence_refused',
  'issued',
  'withdrawn',
  'work_withdrawn',
  'residence_withdrawn',
  'residence_ended',
];

const NATIONALITIES = [
  'IN',
  'MA',
  'BR',
  'PH',
  'NG',
  'TR',
  'US',
  'CN',
  'VN',
  'CO',
  'UA',
  'JP',
  'EG',
  'CA',
  'KE',
];

/** Demo mode: the parties, then fifteen fictitious dossiers, one in every state (only on an empty platform). */
export async function seedDemo(deps: AppDeps): Promise<DemoDirectory> {
  const dir = await seedParties(deps.db);
  if ((await countDossiers(deps.db)) > 0) return dir;
  for (const [i, target] of DEMO_TARGETS.entries()) {
    await demoDossier(
      deps,
      dir,
      {
        serial: i + 1,
        givenNames: `Demo ${i + 1}`,
        familyName: 'Voorbeeld-Exemple',
        nationality: NATIONALITIES[i] ?? 'IN',
        abroad: i % 3 !== 2,
        workplacePostcode: '2000',
      },
      target,
    );
  }
  return dir;
}

export function printDemoWelcome(address: string, _dir: DemoDirectory): void {
  console.log(`\nSingle Window demo is running at ${address}`);
  console.log(`  API reference: ${address}/api/docs`);
  console.log('  Demo accounts (password "demo" for each):');
  for (const account of DEMO_ACCOUNTS) console.log(`    ${account.username.padEnd(13)} ${account.name}`);
  console.log('  All data is fictitious. Stop with Ctrl+C.\n');
}
