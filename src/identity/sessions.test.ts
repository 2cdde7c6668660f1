import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { newId } from '../platform/ids.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform.close());

/** A person of their own, so that disabling or switching does not disturb the demo accounts. */
async function addUser(username: string, organisations: string[]): Promise<string> {
  const db = platform.deps.db;
  const { password_hash } = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('username', '=', 'employer')
    .executeTakeFirstOrThrow();
  const id = newId();
  await db
    .insertInto('app_user')
    .values({ id, username, display_name: `${username} (test)`, password_hash })
    .execute();
  for (const key of organisations) {
    await db
      .insertInto('membership')
      .values({
        user_id: id,
        organisation_id: platform.directory.organisations[key] ?? '',
        roles: ['member'],
      })
      .execute();
  }
  return id;
}

async function auditOf(kind: string) {
  return platform.deps.db
    .selectFrom('audit_trail')
    .select(['actor_user_id', 'actor_organisation_id', 'details'])
    .where('kind', '=', kind)
    .orderBy('seq')
    .execute();
}

/** Signs in with plain fetch, optionally sending a cookie, and returns the new cookie. */
async function rawSignIn(username: string, cookie?: string): Promise<string> {
  const res = await fetch(`${platform.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const whoAmI = (cookie: string) => fetch(`${platform.url}/api/v1/session`, { headers: { cookie } });

describe('sessions', () => {
  it('audits a sign-in and a sign-out, and a signed-out cookie no longer works', async () => {
    const userId = platform.directory.users.employer;
    const client = await platform.login('employer');
    expect((await auditOf('login')).some((e) => e.actor_user_id === userId)).toBe(true);
    expect((await client.delete('/api/v1/session')).status).toBe(204);
    expect((await client.get('/api/v1/session')).status).toBe(401);
    expect(await auditOf('logout')).toContainEqual(
      expect.objectContaining({
        actor_user_id: userId,
        actor_organisation_id: platform.directory.organisations.employer,
      }),
    );
  });

  it('ends the sessions of an account the moment it is disabled', async () => {
    const id = await addUser('soon-gone', ['employer']);
    const client = await platform.login('soon-gone');
    expect((await client.get('/api/v1/session')).status).toBe(200);
    await platform.deps.db
      .updateTable('app_user')
      .set({ disabled_at: platform.clock.now() })
      .where('id', '=', id)
      .execute();
    expect((await client.get('/api/v1/session')).status).toBe(401);
    expect((await client.get('/api/v1/dossiers')).status).toBe(401);
    const again = await platform
      .anonymous()
      .post('/api/v1/session', { username: 'soon-gone', password: 'demo' });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('invalid_credentials');
  });

  it('ends the session a browser already held when it signs in (no session fixation)', async () => {
    const planted = await rawSignIn('mandatary');
    const fresh = await rawSignIn('employer', planted);
    expect(fresh).not.toBe(planted);
    expect((await whoAmI(planted)).status).toBe(401);
    expect((await whoAmI(fresh)).status).toBe(200);
  });

  it('gives a new cookie on every sign-in', async () => {
    const first = await rawSignIn('employer');
    const second = await rawSignIn('employer');
    expect(second).not.toBe(first);
  });
});

describe('switching the organisation one acts for', () => {
  it('moves to another organisation of the user, renews the cookie and audits it', async () => {
    const userId = await addUser('two-hats', ['employer', 'mandatary']);
    const { employer, mandatary } = platform.directory.organisations;
    const client = platform.anonymous();
    const signedIn = await client.post('/api/v1/session', {
      username: 'two-hats',
      password: 'demo',
      organisationId: employer,
    });
    expect(signedIn.body.organisation).toMatchObject({ id: employer, kind: 'employer' });
    const oldCsrf = signedIn.body.csrfToken;

    const switched = await client.request('PUT', '/api/v1/session/organisation', {
      organisationId: mandatary,
    });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({
      user: { id: userId, username: 'two-hats' },
      organisation: { id: mandatary, kind: 'mandatary' },
      csrfToken: expect.any(String),
    });
    expect(switched.body.csrfToken).not.toBe(oldCsrf);
    expect((await client.get('/api/v1/session')).body.organisation.id).toBe(mandatary);
    expect(await auditOf('organisation_switched')).toContainEqual({
      actor_user_id: userId,
      actor_organisation_id: mandatary,
      details: { fromOrganisationId: employer },
    });
  });

  it('answers 404 for an organisation the user is not a member of', async () => {
    const client = await platform.login('employer');
    for (const organisationId of [platform.directory.organisations.flanders, newId()]) {
      const res = await client.request('PUT', '/api/v1/session/organisation', { organisationId });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await client.get('/api/v1/session')).body.organisation.kind).toBe('employer');
  });

  it('needs the CSRF token like any other change', async () => {
    const client = await platform.login('employer');
    const res = await client.request(
      'PUT',
      '/api/v1/session/organisation',
      { organisationId: platform.directory.organisations.employer },
      { 'x-csrf-token': 'wrong' },
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_token_invalid');
  });
});
