import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '../config.js';
import type { Clock } from '../platform/clock.js';

/**
 * The port to an external OpenID Connect provider (the federal authentication service in
 * production). The platform only needs two things from it: where to send the browser, and —
 * given the code the browser brings back — the verified subject of the person who signed in.
 * The contract an adapter must honour is in docs/identity.md.
 */
export interface OidcProvider {
  authorizationUrl(request: { state: string; nonce: string; codeChallenge: string }): Promise<string>;
  /** Throws OidcRejected when the code, the token answer or the ID token does not hold. */
  exchange(request: { code: string; codeVerifier: string; nonce: string }): Promise<{ subject: string }>;
}

/** A sign-in the provider refused or that failed verification; `reason` is a code for the audit trail. */
export class OidcRejected extends Error {
  constructor(readonly reason: string) {
    super(`OpenID Connect sign-in rejected: ${reason}`);
  }
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

const PROVIDER_TIMEOUT_MS = 10_000;
/** Tolerated clock difference with the provider when checking exp, iat and nbf. */
const CLOCK_TOLERANCE_S = 60;

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

/**
 * Authorisation code flow with PKCE (S256), client_secret_basic at the token endpoint, and an
 * ID token verified as RS256 against the provider's published keys (iss, aud, azp, exp, nonce).
 */
export function openIdConnectProvider(config: OidcConfig, clock: Clock): OidcProvider {
  let discovery: Promise<{ doc: Discovery; keys: JWTVerifyGetKey }> | undefined;

  const discover = (): Promise<{ doc: Discovery; keys: JWTVerifyGetKey }> => {
    discovery ??= (async () => {
      const res = await fetch(`${withoutTrailingSlash(config.issuer)}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`OpenID Connect discovery answered ${res.status}`);
      const doc = (await res.json()) as Partial<Discovery>;
      // OpenID Connect Discovery §4.3: the document must name the issuer it was fetched for.
      if (
        typeof doc.issuer !== 'string' ||
        withoutTrailingSlash(doc.issuer) !== withoutTrailingSlash(config.issuer) ||
        typeof doc.authorization_endpoint !== 'string' ||
        typeof doc.token_endpoint !== 'string' ||
        typeof doc.jwks_uri !== 'string'
      ) {
        throw new Error('OpenID Connect discovery document is incomplete or names another issuer');
      }
      const complete = doc as Discovery;
      return { doc: complete, keys: createRemoteJWKSet(new URL(complete.jwks_uri)) };
    })();
    // A failed discovery is not cached: the next sign-in tries again.
    discovery.catch(() => (discovery = undefined));
    return discovery;
  };

  return {
    async authorizationUrl({ state, nonce, codeChallenge }) {
      const { doc } = await discover();
      const url = new URL(doc.authorization_endpoint);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', config.clientId);
      url.searchParams.set('redirect_uri', config.redirectUri);
      url.searchParams.set('scope', 'openid');
      url.searchParams.set('state', state);
      url.searchParams.set('nonce', nonce);
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      return url.toString();
    },

    async exchange({ code, codeVerifier, nonce }) {
      const { doc, keys } = await discover();
      // RFC 6749 §2.3.1: client id and secret are form-encoded before the Basic encoding.
      const basic = Buffer.from(
        `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`,
      ).toString('base64');
      const res = await fetch(doc.token_endpoint, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: config.redirectUri,
          code_verifier: codeVerifier,
        }),
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
      if (!res.ok) throw new OidcRejected('token_endpoint_refused');
      const body = (await res.json()) as { id_token?: unknown };
      if (typeof body.id_token !== 'string') throw new OidcRejected('no_id_token');
      let payload;
      try {
        ({ payload } = await jwtVerify(body.id_token, keys, {
          issuer: doc.issuer,
          audience: config.clientId,
          algorithms: ['RS256'],
          requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
          currentDate: clock.now(),
          clockTolerance: CLOCK_TOLERANCE_S,
        }));
      } catch {
        throw new OidcRejected('id_token_invalid');
      }
      if (payload.nonce !== nonce) throw new OidcRejected('nonce_mismatch');
      // OpenID Connect Core §3.1.3.7: with several audiences, azp must name this client.
      if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== config.clientId) {
        throw new OidcRejected('azp_mismatch');
      }
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new OidcRejected('no_subject');
      return { subject: payload.sub };
    },
  };
}
