-- The worker's own access to their dossier (Art. 24, 28) and the register of persons designated
-- to read health and criminal data (Art. 16-17).

create table dossier_subject (
  dossier_id uuid not null references dossier (id),
  user_id uuid not null references app_user (id),
  claimed_at timestamptz not null,
  primary key (dossier_id, user_id)
);
comment on table dossier_subject is 'The person a dossier is about, matched on their own login';

create table dossier_claim (
  id uuid primary key,
  user_id uuid not null references app_user (id),
  dossier_id uuid references dossier (id),
  code_hash text,
  attempts integer not null default 0,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  confirmed_at timestamptz
);
comment on table dossier_claim is 'A pending claim: a one-time code sent to the e-mail address in the dossier';
comment on column dossier_claim.dossier_id is 'category: none; null when the details matched no dossier (the caller is not told)';
comment on column dossier_claim.code_hash is 'category: none; SHA-256 of the one-time code, never the code';

create table designation (
  id uuid primary key,
  controller_organisation_id uuid not null references organisation (id),
  user_id uuid not null references app_user (id),
  category text not null check (category in ('health', 'criminal')),
  valid_from date not null,
  valid_until date,
  reason text not null,
  proposed_by uuid not null references app_user (id),
  proposed_at timestamptz not null,
  validated_by uuid references app_user (id),
  validated_at timestamptz,
  ended_by uuid references app_user (id),
  ended_at timestamptz,
  check (validated_by is null or validated_by <> proposed_by)
);
comment on table designation is 'Register of persons designated by name for special categories (Art. 16 §2, Art. 17)';
comment on column designation.reason is 'category: none; the task that needs the access, no personal data about workers';
create index designation_user_idx on designation (user_id, category);
