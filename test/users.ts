import type { TestPlatform } from './harness.js';
import { newId } from '../src/platform/ids.js';

/** Adds a second person to a demo organisation (same password `demo`), for two-person rules. */
export async function addColleague(platform: TestPlatform, of: string, username: string, roles = ['member']) {
  const db = platform.deps.db;
  const template = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('username', '=', of)
    .executeTakeFirstOrThrow();
  const org = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select('m.organisation_id')
    .where('u.username', '=', of)
    .executeTakeFirstOrThrow();
  const id = newId();
  await db
    .insertInto('app_user')
    .values({
      id,
      username,
      display_name: `${username} (test)`,
      email: null,
      password_hash: template.password_hash,
    })
    .execute();
  await db
    .insertInto('membership')
    .values({ user_id: id, organisation_id: org.organisation_id, roles })
    .execute();
  return id;
}

/** A new organisation of a kind with one member (password `demo`), e.g. a second business counter. */
export async function addOrganisation(
  platform: TestPlatform,
  organisation: { kind: string; name: string; region?: string },
  username: string,
) {
  const id = newId();
  await platform.deps.db
    .insertInto('organisation')
    .values({ id, kind: organisation.kind, name: organisation.name, region: organisation.region ?? null })
    .execute();
  const template = await platform.deps.db
    .selectFrom('app_user')
    .select('password_hash')
    .where('username', '=', 'employer')
    .executeTakeFirstOrThrow();
  const userId = newId();
  await platform.deps.db
    .insertInto('app_user')
    .values({
      id: userId,
      username,
      display_name: `${username} (test)`,
      email: null,
      password_hash: template.password_hash,
    })
    .execute();
  await platform.deps.db
    .insertInto('membership')
    .values({ user_id: userId, organisation_id: id, roles: ['member'] })
    .execute();
  return id;
}
