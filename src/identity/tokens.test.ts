import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { newId, sha256 } from '../platform/ids.js';
import { issueToken } from './tokens.js';

let platform: TestPlatform;
let employer: Client;
beforeAll(async () => {
  platform = await startPlatform();
  employer = await platform.login('employer');
});
afterAll(() => platform.close());

/** A system calling with its token only: no cookie, no CSRF token. */
const bearer = (token: string, method: string, path: string, body?: unknown) =>
  platform.anonymous().request(method, path, body, { authorization: `Bearer ${token}` });

const issue = async (client: Client, body: Record<string, unknown>) => {
  const res = await client.post('/api/v1/tokens', body);
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string; token: Record<string, unknown> };
};

describe('API tokens for systems', () => {
  it('shows the secret once and keeps only its hash', async () => {
    const issued = await issue(employer, { name: 'HR system', scopes: ['dossiers:read'] });
    expect(issued.secret).toMatch(/^sw_[A-Za-z0-9_-]{43}$/);
    expect(issued.token).toMatchObject({
      name: 'HR system',
      scopes: ['dossiers:read'],
      issuedBy: { id: platform.directory.users.employer },
      revokedAt: null,
    });
    const row = await platform.deps.db
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(sha256(issued.secret));
    expect(JSON.stringify(row)).not.toContain(issued.secret);

    const list = await employer.get('/api/v1/tokens');
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(issued.id);
    expect(JSON.stringify(list.body)).not.toContain(issued.secret);
    // Another organisation sees none of them.
    const mandatary = await platform.login('mandatary');
    expect((await mandatary.get('/api/v1/tokens')).body.items).toEqual([]);
  });

  it('authenticates as the organisation, in the name of the person who issued it, without CSRF', async () => {
    const { secret } = await issue(employer, {
      name: 'back office',
      scopes: ['dossiers:read', 'dossiers:write'],
    });
    const created = await bearer(secret, 'POST', '/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
    });
    expect(created.status).toBe(201);
    const read = await bearer(secret, 'GET', `/api/v1/dossiers/${created.body.id}`);
    expect(read.status).toBe(200);
    const list = await bearer(secret, 'GET', '/api/v1/dossiers');
    expect(list.body.items.map((d: { id: string }) => d.id)).toContain(created.body.id);
    const actions = await platform.deps.db
      .selectFrom('dossier_action')
      .select(['actor_user_id', 'actor_organisation_id'])
      .where('dossier_id', '=', created.body.id)
      .execute();
    expect(actions[0]).toEqual({
      actor_user_id: platform.directory.users.employer,
      actor_organisation_id: platform.directory.organisations.employer,
    });
  });

  it('needs dossiers:read to read and dossiers:write for anything else', async () => {
    const reader = (await issue(employer, { name: 'reader', scopes: ['dossiers:read'] })).secret;
    const writer = (await issue(employer, { name: 'writer', scopes: ['dossiers:write'] })).secret;
    expect((await bearer(reader, 'GET', '/api/v1/dossiers')).status).toBe(200);
    const refused = await bearer(reader, 'POST', '/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('token_scope_insufficient');
    expect((await bearer(writer, 'GET', '/api/v1/dossiers')).body.code).toBe('token_scope_insufficient');
  });

  it('cannot manage the session, the second factor or tokens with a token', async () => {
    const { secret } = await issue(employer, { name: 'all', scopes: ['dossiers:read', 'dossiers:write'] });
    for (const [method, path, body] of [
      ['GET', '/api/v1/tokens', undefined],
      ['POST', '/api/v1/tokens', { name: 'x', scopes: ['dossiers:read'] }],
      ['GET', '/api/v1/session', undefined],
      ['POST', '/api/v1/session/totp', {}],
    ] as const) {
      const res = await bearer(secret, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('token_scope_insufficient');
    }
  });

  it('stops working the moment it is revoked, and only its organisation can revoke it', async () => {
    const { id, secret } = await issue(employer, { name: 'to revoke', scopes: ['dossiers:read'] });
    const mandatary = await platform.login('mandatary');
    expect((await mandatary.delete(`/api/v1/tokens/${id}`)).status).toBe(404);
    expect((await bearer(secret, 'GET', '/api/v1/dossiers')).status).toBe(200);
    expect((await employer.delete(`/api/v1/tokens/${id}`)).status).toBe(204);
    const refused = await bearer(secret, 'GET', '/api/v1/dossiers');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('unauthenticated');
    expect((await employer.delete(`/api/v1/tokens/${id}`)).status).toBe(204);
    const trail = await platform.deps.db
      .selectFrom('audit_trail')
      .select(['kind', 'details'])
      .where('kind', 'in', ['token_issued', 'token_revoked'])
      .execute();
    expect(trail).toContainEqual({
      kind: 'token_issued',
      details: { tokenId: id, scopes: ['dossiers:read'] },
    });
    expect(trail.filter((e) => e.kind === 'token_revoked')).toEqual([
      { kind: 'token_revoked', details: { tokenId: id } },
    ]);
    expect(JSON.stringify(trail)).not.toContain(secret);
  });

  it('refuses unknown and malformed tokens, and a cookie does not rescue a bad token', async () => {
    expect((await bearer('sw_not-a-real-token', 'GET', '/api/v1/dossiers')).status).toBe(401);
    const res = await employer.request('GET', '/api/v1/dossiers', undefined, {
      authorization: 'Bearer nonsense',
    });
    expect(res.status).toBe(401);
  });

  it('dies with the account of the person who issued it', async () => {
    const colleague = newId();
    await platform.deps.db
      .insertInto('app_user')
      .values({ id: colleague, username: 'leaver', display_name: 'Leaver (test)', password_hash: null })
      .execute();
    await platform.deps.db
      .insertInto('membership')
      .values({ user_id: colleague, organisation_id: platform.directory.organisations.employer ?? '' })
      .execute();
    const { secret } = await issueToken(platform.deps.db, platform.clock, {
      organisationId: platform.directory.organisations.employer ?? '',
      userId: colleague,
      name: 'left behind',
      scopes: ['dossiers:read'],
      expiresAt: null,
    });
    expect((await bearer(secret, 'GET', '/api/v1/dossiers')).status).toBe(200);
    await platform.deps.db
      .updateTable('app_user')
      .set({ disabled_at: platform.clock.now() })
      .where('id', '=', colleague)
      .execute();
    expect((await bearer(secret, 'GET', '/api/v1/dossiers')).status).toBe(401);
  });

  it('refuses an expiry in the past and stops at its expiry', async () => {
    const past = await employer.post('/api/v1/tokens', {
      name: 'late',
      scopes: ['dossiers:read'],
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(422);
    const expiresAt = new Date(platform.clock.now().getTime() + 3600_000).toISOString();
    const { secret, token } = await issue(employer, {
      name: 'an hour',
      scopes: ['dossiers:read'],
      expiresAt,
    });
    expect(token.expiresAt).toBe(expiresAt);
    expect((await bearer(secret, 'GET', '/api/v1/dossiers')).status).toBe(200);
    platform.clock.advanceSeconds(3601);
    expect((await bearer(secret, 'GET', '/api/v1/dossiers')).status).toBe(401);
  });
});
