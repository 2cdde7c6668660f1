-- What the retention purge (Art. 27 §2, lifecycle.md §1) leaves behind on purpose, in tables that
-- name no dossier row: the append-only tables already let the purge delete (refuse_history_rewrite
-- and guard_delivery honour `single_window.retention_purge`), so nothing here changes a trigger.

-- The deletion event owed to each webhook subscription whose organisation received deliveries of
-- a deleted dossier. A webhook_push hangs on a delivery, which is deleted with its dossier; this
-- outbox holds only the dossier's random id, which the receiver knows and which is no longer
-- linked to anything on the platform.
create table deletion_push (
  id uuid primary key,
  subscription_id uuid not null references webhook_subscription (id),
  deleted_dossier_id uuid not null,
  deleted_at timestamptz not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  gave_up_at timestamptz,
  created_at timestamptz not null,
  unique (deleted_dossier_id, subscription_id)
);
comment on table deletion_push is 'Outbox of dossier_deleted webhook events: one per deleted dossier and subscription that received it';
comment on column deletion_push.subscription_id is 'category: none';
comment on column deletion_push.deleted_dossier_id is 'category: none; the random id of a dossier that no longer exists (no foreign key: the row is gone)';
comment on column deletion_push.deleted_at is 'category: none';
comment on column deletion_push.attempts is 'category: none';
comment on column deletion_push.next_attempt_at is 'category: none';
comment on column deletion_push.last_attempt_at is 'category: none';
comment on column deletion_push.last_status is 'category: none';
comment on column deletion_push.last_error is 'category: none; a short code (timeout, http_500, network), never a message';
comment on column deletion_push.delivered_at is 'category: none';
comment on column deletion_push.gave_up_at is 'category: none';
comment on column deletion_push.created_at is 'category: none';
create index deletion_push_due_idx on deletion_push (next_attempt_at)
  where delivered_at is null and gave_up_at is null;

-- Files outside the database that a committed purge still has to remove: document files (by
-- storage key) and e-mails kept on disk (by message id). Written in the purge's transaction and
-- removed once the file is gone, so a failure after commit is retried by the next run.
create table retention_leftover (
  kind text not null check (kind in ('document_file', 'message')),
  key text not null,
  recorded_at timestamptz not null,
  primary key (kind, key)
);
comment on table retention_leftover is 'Files of deleted dossiers still to remove after commit (document storage keys, message ids)';
comment on column retention_leftover.kind is 'category: none';
comment on column retention_leftover.key is 'category: none; a random storage key or message id';
comment on column retention_leftover.recorded_at is 'category: none';
