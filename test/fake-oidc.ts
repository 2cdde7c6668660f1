import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { SignJWT } from 'jose';

/**
 * A stand-in for the external OpenID Connect provider: discovery, an authorisation endpoint that
 * "signs in" whoever `nextSubject` names, a token endpoint checking client and PKCE, and JWKS.
 * `tamper` makes the next ID token wrong in one way, to see the platform refuse it.
 */
export interface FakeOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  nextSubject: string;
  tamper: 'audience' | 'nonce' | 'expired' | 'foreign_key' | 'issuer' | undefined;
  close(): Promise<void>;
}

export async function startFakeOidcProvider(now: () => Date): Promise<FakeOidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'fake-key-1';
  const codes = new Map<string, { challenge: string; nonce: string; subject: string; redirectUri: string }>();
  const app = Fastify();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const fake: FakeOidcProvider = {
    issuer: '',
    clientId: 'single-window-test',
    clientSecret: 'test-client-secret',
    nextSubject: '',
    tamper: undefined,
    close: () => app.close(),
  };

  app.get('/.well-known/openid-configuration', () => ({
    issuer: fake.issuer,
    authorization_endpoint: `${fake.issuer}/authorize`,
    token_endpoint: `${fake.issuer}/token`,
    jwks_uri: `${fake.issuer}/jwks`,
    response_types_supported: ['code'],
    id_token_signing_alg_values_supported: ['RS256'],
  }));

  app.get('/jwks', () => ({
    keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }],
  }));

  app.get('/authorize', (request, reply) => {
    const q = request.query as Record<string, string>;
    if (q.client_id !== fake.clientId || q.response_type !== 'code' || q.code_challenge_method !== 'S256') {
      return reply.code(400).send({ error: 'invalid_request' });
    }
    const code = randomBytes(16).toString('hex');
    codes.set(code, {
      challenge: q.code_challenge ?? '',
      nonce: q.nonce ?? '',
      subject: fake.nextSubject,
      redirectUri: q.redirect_uri ?? '',
    });
    const back = new URL(q.redirect_uri ?? '');
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.state ?? '');
    return reply.redirect(back.toString(), 302);
  });

  app.post('/token', async (request, reply) => {
    const form = request.body as Record<string, string>;
    const basic = Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64');
    if (request.headers.authorization !== `Basic ${basic}`)
      return reply.code(401).send({ error: 'invalid_client' });
    const grant = codes.get(form.code ?? '');
    codes.delete(form.code ?? '');
    const challenge = createHash('sha256')
      .update(form.code_verifier ?? '')
      .digest('base64url');
    if (!grant || grant.challenge !== challenge || grant.redirectUri !== form.redirect_uri) {
      return reply.code(400).send({ error: 'invalid_grant' });
    }
    const issuedAt = Math.floor(now().getTime() / 1000) - (fake.tamper === 'expired' ? 7200 : 0);
    const idToken = await new SignJWT({ nonce: fake.tamper === 'nonce' ? 'another-nonce' : grant.nonce })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(fake.tamper === 'issuer' ? 'https://elsewhere.example' : fake.issuer)
      .setAudience(fake.tamper === 'audience' ? 'another-client' : fake.clientId)
      .setSubject(grant.subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 300)
      .sign(fake.tamper === 'foreign_key' ? foreign.privateKey : privateKey);
    return { access_token: 'unused', token_type: 'Bearer', expires_in: 300, id_token: idToken };
  });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  fake.issuer = address;
  return fake;
}
