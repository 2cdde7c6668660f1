import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import type { DemoDirectory } from '../../src/demo/parties.js';
import { enterpriseNumberFrom } from '../../src/demo/fixtures.js';
import { hashPassword } from '../../src/identity/passwords.js';
import { REGIONS, type Region } from '../../src/contract/regions.js';
import type { Cast } from './generate.js';
import { DOSSIERS_PER_EMPLOYER, REGION_WEIGHTS } from './proportions.js';

/*
 * The fictitious parties of a generated population: employers (one account each, password `demo`,
 * usernames `scale-employer-N`), self-employed applicants, and case officers of the demo regional
 * authorities and DVZ (`scale-flanders-N`, `scale-dvz-N`). The demo parties stay as they are.
 */

const FIRST_SERIAL = 1000;

async function insertChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await write(rows.slice(i, i + 1000));
}

export async function buildCast(db: Db, dir: DemoDirectory, dossiers: number): Promise<Cast> {
  const passwordHash = await hashPassword('demo');
  const org = (key: string) => {
    const id = dir.organisations[key];
    if (!id) throw new Error(`demo organisation ${key} is missing`);
    return id;
  };
  const user = (key: string) => {
    const id = dir.users[key];
    if (!id) throw new Error(`demo account ${key} is missing`);
    return id;
  };
  const organisations: { id: string; kind: string; name: string; enterprise_number: string | null }[] = [];
  const users: {
    id: string;
    username: string;
    display_name: string;
    email: string;
    password_hash: string;
  }[] = [];
  const memberships: { user_id: string; organisation_id: string; roles: string[] }[] = [];
  const account = (username: string, name: string, organisationId: string) => {
    const id = randomUUID();
    users.push({
      id,
      username,
      display_name: name,
      email: `${username}@example.org`,
      password_hash: passwordHash,
    });
    memberships.push({ user_id: id, organisation_id: organisationId, roles: ['member'] });
    return id;
  };

  const employerCount = Math.max(20, Math.ceil(dossiers / DOSSIERS_PER_EMPLOYER));
  const employers = Array.from({ length: employerCount }, (_, i) => {
    const serial = FIRST_SERIAL + i;
    const orgId = randomUUID();
    const name = `Demo Employer ${serial} BV (fictitious)`;
    organisations.push({
      id: orgId,
      kind: 'employer',
      name,
      enterprise_number: enterpriseNumberFrom(serial),
    });
    return {
      orgId,
      serial,
      name,
      userId: account(`scale-employer-${serial}`, `Employer ${serial} (demo)`, orgId),
    };
  });
  const selfEmployedCount = Math.max(10, Math.ceil(dossiers * 0.06));
  const selfEmployed = Array.from({ length: selfEmployedCount }, (_, i) => {
    const serial = FIRST_SERIAL + employerCount + i;
    const orgId = randomUUID();
    organisations.push({
      id: orgId,
      kind: 'self_employed',
      name: `Demo Self-Employed ${serial} (fictitious)`,
      enterprise_number: enterpriseNumberFrom(serial),
    });
    return {
      orgId,
      serial,
      userId: account(`scale-selfemployed-${serial}`, `Self-employed ${serial} (demo)`, orgId),
    };
  });
  // Case officers in proportion to each region's share; the demo account of each authority is one of them.
  const officersOf = (key: string, count: number) => [
    user(key),
    ...Array.from({ length: count }, (_, i) =>
      account(`scale-${key}-${i + 1}`, `Officer ${i + 1} of ${key} (demo)`, org(key)),
    ),
  ];
  const regions = Object.fromEntries(
    REGIONS.map((r: Region) => {
      const share = REGION_WEIGHTS.find(([name]) => name === r)?.[1] ?? 1;
      return [r, { orgId: org(r), officers: officersOf(r, Math.max(1, Math.round(share * 1.5))) }];
    }),
  ) as Cast['regions'];
  const dvz = { orgId: org('dvz'), officers: officersOf('dvz', 40) };

  await db.transaction().execute(async (tx) => {
    await insertChunks(organisations, (chunk) => tx.insertInto('organisation').values(chunk).execute());
    await insertChunks(users, (chunk) => tx.insertInto('app_user').values(chunk).execute());
    await insertChunks(memberships, (chunk) => tx.insertInto('membership').values(chunk).execute());
  });
  const demo = dir.organisations.employer ?? '';
  return {
    employers,
    selfEmployed,
    demoEmployer: { orgId: demo, userId: user('employer'), serial: 1, name: 'Demo Employer NV (fictitious)' },
    regions,
    dvz,
    // Only the demo post and municipality have an account to record the issue with.
    posts: [{ orgId: org('post'), userId: user('post') }],
    municipalities: [{ orgId: org('municipality'), userId: user('municipality') }],
    counter: org('counter'),
  };
}
