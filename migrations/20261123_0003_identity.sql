-- Identity, complete ("the gate", item 1): throttled logins, a second factor for authority
-- accounts, API tokens for systems and sign-in through an external OpenID Connect provider.
-- Frozen once landed: a later change is a new migration.

alter table app_user add column external_subject text unique;
alter table app_user add column totp_secret text;
alter table app_user add column totp_pending_secret text;
alter table app_user add column totp_last_step bigint;
comment on column app_user.external_subject is 'category: identity (of the platform user); the OpenID Connect subject (sub) of the external provider that signs this user in';
comment on column app_user.totp_secret is 'category: none; SECRET: the active TOTP seed (RFC 6238) of the second factor, never shown again once confirmed';
comment on column app_user.totp_pending_secret is 'category: none; SECRET: a TOTP seed being enrolled, active only after a code from it is confirmed';
comment on column app_user.totp_last_step is 'category: none; last accepted TOTP time step, so that a code cannot be used twice';

-- Failed (and in-flight) sign-in attempts, counted per username and per client address over a
-- short window. Only hashes are kept, and rows older than the window are deleted on each attempt.
create table login_attempt (
  id uuid primary key,
  at timestamptz not null,
  username_key text not null,
  client_key text not null
);
comment on table login_attempt is 'Sign-in attempts within the throttling window (15 minutes); purged as they age out';
comment on column login_attempt.username_key is 'category: none; SHA-256 of the username as typed, never the username itself';
comment on column login_attempt.client_key is 'category: identity (pseudonymised network address); SHA-256 of the client IP address, kept at most 15 minutes';
create index login_attempt_username_idx on login_attempt (username_key, at);
create index login_attempt_client_idx on login_attempt (client_key, at);

-- Tokens for systems (back offices, mandataries' software). The secret is shown once; only its
-- SHA-256 is kept. A token acts for one organisation in the name of the person who issued it.
create table api_token (
  id uuid primary key,
  organisation_id uuid not null references organisation (id),
  issued_by_user_id uuid not null references app_user (id),
  name text not null,
  scopes text[] not null,
  secret_hash text not null unique,
  created_at timestamptz not null,
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
comment on column api_token.name is 'category: none; label chosen by the organisation for the system using the token';
comment on column api_token.scopes is 'category: none; what the token may do: dossiers:read, dossiers:write';
comment on column api_token.secret_hash is 'category: none; SHA-256 of the token, never the token itself';
comment on column api_token.expires_at is 'category: none; after this instant the token no longer authenticates';
comment on column api_token.revoked_at is 'category: none; when the token was revoked; it stops authenticating at once';
comment on column api_token.last_used_at is 'category: none; last request made with the token';
create index api_token_organisation_idx on api_token (organisation_id, created_at);

-- A sign-in through the external provider in flight: state, nonce and PKCE verifier, for ten
-- minutes at most, used once.
create table oidc_login (
  state_hash text primary key,
  nonce text not null,
  code_verifier text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
comment on table oidc_login is 'OpenID Connect sign-ins in flight; deleted when used or expired';
comment on column oidc_login.state_hash is 'category: none; SHA-256 of the state parameter sent to the provider';
comment on column oidc_login.nonce is 'category: none; nonce the ID token must carry';
comment on column oidc_login.code_verifier is 'category: none; SECRET: PKCE code verifier, sent only to the provider''s token endpoint';
