import type { Db } from '../db/database.js';
import type { OrganisationKind } from '../contract/organisations.js';
import type { Region } from '../contract/regions.js';
import { ACTOR_COLUMNS, actorOfRow, type Actor } from '../identity/actor.js';
import { hashPassword } from '../identity/passwords.js';
import { newId } from '../platform/ids.js';
import { enterpriseNumberFrom } from './fixtures.js';

/*
 * The fictitious parties of demo mode: organisations, one account per party (password `demo`)
 * and the mandate between the demo employer and mandatary.
 */

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
  {
    key: 'inspection-wallonia',
    kind: 'inspection',
    region: 'wallonia',
    name: 'Walloon social inspection (demo)',
  },
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
  {
    username: 'inspection-wallonia',
    organisation: 'inspection-wallonia',
    name: 'Ivo Inspection Wallonia (demo)',
  },
  { username: 'pes', organisation: 'pes', name: 'Piet PES (demo)' },
  { username: 'operator', organisation: 'onss', name: 'Otto Operator (demo)' },
  { username: 'dpo', organisation: 'flanders', name: 'Dana DPO (demo)', roles: ['dpo'] },
  {
    username: 'committee',
    organisation: 'committee',
    name: 'Cora Committee Secretariat (demo)',
    roles: ['member', 'secretariat'],
  },
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
    .select(['m.roles', ...ACTOR_COLUMNS])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  return actorOfRow(row, { roles: row.roles, csrfToken: undefined });
}
