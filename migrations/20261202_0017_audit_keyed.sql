-- A keyed audit chain (issue 12, fault 4). Until now each row's hash was a plain SHA-256 that
-- anyone with database access could recompute after a rewrite. From this migration on every new
-- row is chained by HMAC-SHA-256 under AUDIT_KEY, a key held outside the database. The rows
-- written before keep their plain hash: the column says by which algorithm each row is verified,
-- and the verifier refuses a plain row after the first keyed one (a downgrade).
alter table audit_trail add column algorithm text not null default 'sha256'
  check (algorithm in ('sha256', 'hmac-sha256'));
-- The default only labelled the existing rows; a new row must say how it is chained.
alter table audit_trail alter column algorithm drop default;
comment on column audit_trail.algorithm is 'category: none; sha256 (rows before the keyed chain) or hmac-sha256 (keyed with AUDIT_KEY)';
comment on column audit_trail.hash is 'category: none; sha256 or hmac-sha256 (see algorithm) of prev_hash and the canonical row';

-- TRUNCATE fires no row trigger, so the append-only tables refused UPDATE and DELETE but let a
-- TRUNCATE empty them. The retention purge deletes rows (and says so); it never truncates, so
-- nothing, not even the purge, may truncate these tables.
create function refuse_truncate() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only: TRUNCATE is refused', tg_table_name using errcode = 'P0001';
end;
$$;

create trigger dossier_action_no_truncate before truncate on dossier_action
  for each statement execute function refuse_truncate();
create trigger access_log_no_truncate before truncate on access_log
  for each statement execute function refuse_truncate();
create trigger delivery_no_truncate before truncate on delivery
  for each statement execute function refuse_truncate();
create trigger source_check_no_truncate before truncate on source_check
  for each statement execute function refuse_truncate();
create trigger decision_letter_no_truncate before truncate on decision_letter
  for each statement execute function refuse_truncate();
