-- Deliveries to recipients (R-RCPT-1..4), their push to recipients' own systems (webhooks),
-- notifications to applicants and workers (Art. 20 §5, Art. 24), and the results of checks
-- against authentic sources (R-DATA-3, Art. 14).
-- Deliveries, pushes and notifications are written in the transaction of the decision they
-- follow, so a committed decision always has them and a rolled-back one never does.

create table delivery (
  id uuid primary key,
  recipient_organisation_id uuid not null references organisation (id),
  dossier_id uuid not null references dossier (id),
  action_id uuid not null references dossier_action (id),
  event text not null check (event in (
    'visa_d_authorised', 'residence_document_authorised', 'single_permit_withdrawn', 'negative_decision')),
  created_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by_user_id uuid references app_user (id),
  unique (action_id, recipient_organisation_id)
);
comment on table delivery is 'One decision delivered to one recipient organisation; ids and the kind of event only, the content is read through the gate';
comment on column delivery.event is 'category: none; what happened, never the content or grounds of the decision';
comment on column delivery.acknowledged_at is 'category: none; set once, when the recipient acknowledges';
create index delivery_inbox_idx on delivery (recipient_organisation_id, created_at desc, id);

-- Nothing delivered is lost: a delivery is never deleted (except by the retention purge of its
-- dossier) and changes only once, when it is acknowledged.
create function guard_delivery() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if coalesce(current_setting('single_window.retention_purge', true), '') = 'on' then
      return old;
    end if;
    raise exception 'deliveries are never deleted' using errcode = 'P0001';
  end if;
  if old.acknowledged_at is null and new.acknowledged_at is not null
     and new.acknowledged_by_user_id is not null
     and new.id = old.id and new.recipient_organisation_id = old.recipient_organisation_id
     and new.dossier_id = old.dossier_id and new.action_id = old.action_id
     and new.event = old.event and new.created_at = old.created_at then
    return new;
  end if;
  raise exception 'a delivery changes only once, when it is acknowledged' using errcode = 'P0001';
end;
$$;
create trigger delivery_guard before update or delete on delivery
  for each row execute function guard_delivery();

create table webhook_subscription (
  id uuid primary key,
  organisation_id uuid not null references organisation (id),
  url text not null,
  secret text not null,
  created_by_user_id uuid not null references app_user (id),
  created_at timestamptz not null,
  removed_at timestamptz,
  removed_by_user_id uuid references app_user (id)
);
comment on table webhook_subscription is 'A recipient organisation''s own system, to which its deliveries are pushed';
comment on column webhook_subscription.url is 'category: none; endpoint of the recipient''s system, never logged';
comment on column webhook_subscription.secret is 'category: none; HMAC key shared with the subscriber, never returned after creation';
create index webhook_subscription_org_idx on webhook_subscription (organisation_id) where removed_at is null;

create table webhook_push (
  id uuid primary key,
  delivery_id uuid not null references delivery (id),
  subscription_id uuid not null references webhook_subscription (id),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  gave_up_at timestamptz,
  created_at timestamptz not null,
  unique (delivery_id, subscription_id)
);
comment on table webhook_push is 'Outbox of pushes: one per delivery and subscription, retried with exponential backoff';
comment on column webhook_push.last_error is 'category: none; a short code (timeout, http_500, network), never a message';
create index webhook_push_due_idx on webhook_push (next_attempt_at)
  where delivered_at is null and gave_up_at is null;

create table notification (
  id uuid primary key,
  dossier_id uuid not null references dossier (id),
  action_id uuid not null references dossier_action (id),
  recipient_role text not null check (recipient_role in ('applicant', 'worker')),
  recipient_user_id uuid references app_user (id),
  address text,
  language text not null check (language in ('nl', 'fr', 'de', 'en')),
  subject text,
  body text,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_error text,
  sent_at timestamptz,
  gave_up_at timestamptz,
  created_at timestamptz not null
);
comment on table notification is 'Outbox of messages to applicants and workers (Art. 20 §5); address, subject and body are erased once sent';
comment on column notification.address is 'category: identity (e-mail address); erased once sent';
comment on column notification.subject is 'category: admin; erased once sent';
comment on column notification.body is 'category: admin, and grounds for the worker''s copy of a negative decision (Art. 24); erased once sent';
comment on column notification.last_error is 'category: none; a short code, never a message';
create index notification_due_idx on notification (next_attempt_at) where sent_at is null and gave_up_at is null;
create index notification_dossier_idx on notification (dossier_id);

create table source_check (
  id uuid primary key,
  dossier_id uuid not null references dossier (id),
  run_id uuid not null,
  check_name text not null,
  source text not null check (source in ('platform', 'kbo', 'onss', 'limosa', 'inasti')),
  outcome text not null check (outcome in (
    'pass', 'fail', 'not_found', 'unavailable', 'timeout', 'not_applicable')),
  detail jsonb not null default '{}',
  fetched_at timestamptz not null
);
comment on table source_check is 'Results of the automated checks against authentic sources (Art. 14), kept with the dossier';
comment on column source_check.run_id is 'category: none; the run_checks action''s payload.runId';
comment on column source_check.detail is 'category: source (data fetched from KBO, ONSS, LIMOSA, INASTI)';
create index source_check_dossier_idx on source_check (dossier_id, fetched_at);

create trigger source_check_append_only before update or delete on source_check
  for each row execute function refuse_history_rewrite();
