-- The audit trail (R-SEC-2, access.md rule 6): every action, login, failed authorisation,
-- mandate and designation change, chained by hashes so that any rewrite is detectable, and
-- refused outright by the database. Details never hold personal data: ids and codes only.

create table audit_trail (
  seq bigint primary key,
  at timestamptz not null,
  kind text not null,
  actor_user_id uuid,
  actor_organisation_id uuid,
  dossier_id uuid,
  details jsonb not null default '{}',
  prev_hash text not null,
  hash text not null unique
);
comment on table audit_trail is 'Append-only, hash-chained audit trail; seq is gap-free';
comment on column audit_trail.details is 'category: none; identifiers and codes only, never personal data';
comment on column audit_trail.hash is 'category: none; sha256 of prev_hash and the canonical row';

create function refuse_audit_rewrite() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only' using errcode = 'P0001';
end;
$$;

create trigger audit_trail_append_only before update or delete on audit_trail
  for each row execute function refuse_audit_rewrite();
create trigger audit_trail_no_truncate before truncate on audit_trail
  for each statement execute function refuse_audit_rewrite();
