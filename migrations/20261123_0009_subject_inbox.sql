-- The inbox of the person concerned (Art. 20 §5, Art. 24): every decision as it was sent to the
-- worker's e-mail address, kept on the platform so a worker who claimed the dossier reads it
-- there even when the e-mail never arrived. Written in the transaction of the decision, like the
-- applicant's inbox; read only through the gate, by the person who claimed the dossier.

create table subject_message (
  id uuid primary key,
  dossier_id uuid not null references dossier (id),
  action_id uuid not null unique references dossier_action (id),
  language text not null check (language in ('nl', 'fr', 'de', 'en')),
  subject text not null,
  body text not null,
  created_at timestamptz not null,
  read_at timestamptz
);
comment on table subject_message is 'Communications to the person a dossier is about, one per decision';
comment on column subject_message.dossier_id is 'category: none';
comment on column subject_message.action_id is 'category: none; the decision it tells of';
comment on column subject_message.language is 'category: none; the dossier''s language';
comment on column subject_message.subject is 'category: admin';
comment on column subject_message.body is 'category: grounds; the whole decision, grounds of a negative one included (Art. 24)';
comment on column subject_message.created_at is 'category: none';
comment on column subject_message.read_at is 'category: none; set once, when the person marks it read';
create index subject_message_dossier_idx on subject_message (dossier_id, created_at desc, id);
