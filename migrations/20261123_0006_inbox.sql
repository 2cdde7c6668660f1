-- The inbox of communications to applicant organisations (Art. 20 §5): a durable copy of every
-- notification, kept on the platform where the e-mail copy in the `notification` outbox is
-- erased once sent. Written in the transaction of the step it tells of, with the same subject
-- and body, so a committed step always has its message and a rolled-back one never does.
-- Workers read their dossier itself after claiming it; their inbox is not part of this table.

create table inbox_message (
  id uuid primary key,
  recipient_organisation_id uuid not null references organisation (id),
  dossier_id uuid not null references dossier (id),
  action_id uuid not null references dossier_action (id),
  language text not null check (language in ('nl', 'fr', 'de', 'en')),
  subject text not null,
  body text not null,
  created_at timestamptz not null,
  read_at timestamptz,
  read_by_user_id uuid references app_user (id),
  unique (action_id, recipient_organisation_id)
);
comment on table inbox_message is 'Communications to an applicant organisation about its dossiers (Art. 20 §5), one per step';
comment on column inbox_message.subject is 'category: admin';
comment on column inbox_message.body is 'category: admin; what the applicant was told, never the grounds of a negative decision (Art. 24)';
comment on column inbox_message.read_at is 'category: none; set once, when someone of the organisation marks it read';
create index inbox_message_org_idx on inbox_message (recipient_organisation_id, created_at desc, id);
create index inbox_message_dossier_idx on inbox_message (dossier_id);
