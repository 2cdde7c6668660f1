-- Core of the platform: organisations, users, sessions, dossiers and their action log.
-- Frozen once landed: a later change is a new migration.

create table organisation (
  id uuid primary key,
  kind text not null check (kind in (
    'employer', 'mandatary', 'self_employed', 'worker', 'regional_authority', 'dvz', 'onss', 'inasti',
    'post', 'municipality', 'business_counter', 'inspection', 'employment_service',
    'management_committee')),
  name text not null,
  enterprise_number text unique,
  region text check (region in ('flanders', 'wallonia', 'brussels', 'ostbelgien')),
  nis_code text,
  created_at timestamptz not null default now()
);
comment on table organisation is 'Parties of the platform (domain.md §1); no personal data except for one-person organisations';
comment on column organisation.name is 'category: identity (for self-employed and worker organisations); otherwise public';
comment on column organisation.enterprise_number is 'category: employment; KBO/BCE number, compact 10 digits';
comment on column organisation.region is 'category: none; region of a regional authority, employment service or regional inspection';
comment on column organisation.nis_code is 'category: none; NIS code of a municipality';

create table app_user (
  id uuid primary key,
  username text not null unique,
  display_name text not null,
  email text,
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
comment on column app_user.display_name is 'category: identity (of the platform user)';
comment on column app_user.email is 'category: identity (of the platform user)';
comment on column app_user.password_hash is 'category: none; scrypt hash, never the password';

create table membership (
  user_id uuid not null references app_user (id),
  organisation_id uuid not null references organisation (id),
  roles text[] not null default '{}',
  primary key (user_id, organisation_id)
);
comment on column membership.roles is 'category: none; roles of the user within the organisation';

create table session (
  id text primary key,
  user_id uuid not null references app_user (id),
  organisation_id uuid not null references organisation (id),
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ended_at timestamptz
);
comment on column session.id is 'category: none; SHA-256 of the session cookie, never the cookie itself';
comment on column session.csrf_token is 'category: none; anti-CSRF token returned to the session holder';

create sequence dossier_reference_seq;

create table mandate (
  id uuid primary key,
  employer_organisation_id uuid not null references organisation (id),
  mandatary_organisation_id uuid not null references organisation (id),
  dossier_id uuid,
  valid_from timestamptz not null,
  valid_until timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null
);
comment on table mandate is 'An employer lets a mandatary file and follow its dossiers (all, or one when dossier_id is set)';
create index mandate_mandatary_idx on mandate (mandatary_organisation_id);

create table dossier (
  id uuid primary key,
  reference text not null unique,
  procedure text not null check (procedure in ('single_permit', 'work_permit', 'professional_card')),
  category text not null,
  long_term_mobility boolean not null default false,
  language text not null check (language in ('nl', 'fr', 'de', 'en')),
  applicant_organisation_id uuid not null references organisation (id),
  region text check (region in ('flanders', 'wallonia', 'brussels', 'ostbelgien')),
  follows_dossier_id uuid references dossier (id),
  follows_kind text check (follows_kind in ('renewal', 'change_of_employer')),
  identity jsonb not null default '{}',
  residence jsonb not null default '{}',
  employment jsonb not null default '{}',
  self_employed jsonb not null default '{}',
  fee jsonb not null default '{}',
  state text not null,
  filed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
comment on column dossier.reference is 'category: admin; public reference of the dossier, no personal data';
comment on column dossier.region is 'category: none; competent region derived from the workplace postcode (R-PROC-4)';
comment on column dossier.identity is 'category: identity (Art. 12 §1 1°)';
comment on column dossier.residence is 'category: residence (Art. 12 §1 2°)';
comment on column dossier.employment is 'category: employment (Art. 13 §1)';
comment on column dossier.self_employed is 'category: self_employed (Art. 13 §3)';
comment on column dossier.fee is 'category: admin (Art. 18)';
comment on column dossier.state is 'category: admin; projection of dossier_action, recomputed in the same transaction';
create index dossier_applicant_idx on dossier (applicant_organisation_id, created_at desc, id);
create index dossier_region_idx on dossier (region, state);

create table dossier_action (
  id uuid primary key,
  dossier_id uuid not null references dossier (id),
  seq integer not null,
  action text not null,
  actor_user_id uuid not null references app_user (id),
  actor_organisation_id uuid not null references organisation (id),
  relation text not null,
  at timestamptz not null,
  legal_basis text not null,
  idempotency_key text not null,
  payload jsonb not null default '{}',
  unique (dossier_id, seq),
  unique (actor_user_id, idempotency_key)
);
comment on table dossier_action is 'Append-only log from which a dossier''s state is derived';
comment on column dossier_action.payload is 'category: admin, except payload.grounds which is category grounds (Art. 24)';

create table document (
  id uuid primary key,
  dossier_id uuid not null references dossier (id),
  type text not null,
  category text not null,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  storage_key text not null,
  uploaded_by_user_id uuid not null references app_user (id),
  uploaded_by_organisation_id uuid not null references organisation (id),
  uploaded_at timestamptz not null,
  removed_at timestamptz
);
comment on column document.category is 'category: none; the data category of the document''s content';
comment on column document.file_name is 'category: same as the document''s category';
create index document_dossier_idx on document (dossier_id);

create table access_log (
  id uuid primary key,
  at timestamptz not null,
  user_id uuid not null references app_user (id),
  organisation_id uuid not null references organisation (id),
  dossier_id uuid not null references dossier (id),
  categories text[] not null,
  purpose text not null
);
comment on table access_log is 'Every read of personal data (access.md rule 5), written in the transaction of the read';
create index access_log_dossier_idx on access_log (dossier_id, at);

create table idempotency_record (
  user_id uuid not null references app_user (id),
  key text not null,
  route text not null,
  request_hash text not null,
  status integer not null,
  body jsonb,
  created_at timestamptz not null,
  primary key (user_id, key)
);
comment on column idempotency_record.body is 'category: as the response it replays; deleted with the dossier';

-- The action log is history: it is never rewritten. Only the retention purge, which deletes a
-- whole dossier when its legal period ends (Art. 27), may remove rows, and it says so explicitly.
create function refuse_history_rewrite() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and coalesce(current_setting('single_window.retention_purge', true), '') = 'on' then
    return old;
  end if;
  raise exception 'table % is append-only', tg_table_name using errcode = 'P0001';
end;
$$;

create trigger dossier_action_append_only before update or delete on dossier_action
  for each row execute function refuse_history_rewrite();
create trigger access_log_append_only before update or delete on access_log
  for each row execute function refuse_history_rewrite();
