-- Throttling with back-off instead of lockout (issue 12): sign-in failures are now counted over an
-- hour, and requests that mail a code (claims) are counted per dossier reference, per client
-- address and per user. Only hashes are kept, and rows older than the window are deleted.
comment on table login_attempt is 'Failed (and in-flight) sign-in attempts within the back-off window (one hour); purged as they age out';
comment on column login_attempt.client_key is 'category: identity (pseudonymised network address); SHA-256 of the client IP address, kept at most one hour';

create table throttle_event (
  id uuid primary key,
  at timestamptz not null,
  scope text not null,
  key text not null
);
comment on table throttle_event is 'Requests counted for back-off other than sign-in (claims that mail a code); purged after one hour';
comment on column throttle_event.id is 'category: none';
comment on column throttle_event.at is 'category: none; when the request was made';
comment on column throttle_event.scope is 'category: none; what is counted: claim_reference, claim_client or claim_user';
comment on column throttle_event.key is 'category: identity (pseudonymised); SHA-256 of the dossier reference, client address or user id, kept at most one hour';
create index throttle_event_key_idx on throttle_event (scope, key, at);
