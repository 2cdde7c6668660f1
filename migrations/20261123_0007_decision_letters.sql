-- Decision letters: the PDF of every decision (Art. 18), written in the transaction of the
-- decision itself, so a committed decision always has its letters and a rolled-back one never
-- does. A negative decision has two variants: the full letter with grounds and appeal, which only
-- the person concerned and the deciding authority receive, and a notice that states only that a
-- negative decision was taken (Art. 24). Who may download which variant is decided by the gate.
-- A letter is never rewritten: a new decision supersedes the old one with letters of its own.

create table decision_letter (
  id uuid primary key,
  dossier_id uuid not null references dossier (id),
  action_id uuid not null references dossier_action (id),
  variant text not null check (variant in ('full', 'notice')),
  language text not null check (language in ('nl', 'fr', 'de', 'en')),
  courtesy boolean not null,
  categories text[] not null,
  content bytea not null,
  size_bytes integer not null,
  sha256 text not null,
  created_at timestamptz not null,
  unique (action_id, variant, language)
);
comment on table decision_letter is 'The PDF letters of a decision (Art. 18, 24), one per variant and language, kept with the dossier';
comment on column decision_letter.id is 'category: none';
comment on column decision_letter.dossier_id is 'category: none';
comment on column decision_letter.action_id is 'category: none; the decision (dossier_action) the letter states';
comment on column decision_letter.variant is 'category: none; full (grounds and appeal, Art. 24 second para.) or notice (the bare fact of a negative decision)';
comment on column decision_letter.language is 'category: none; nl, fr, de or en';
comment on column decision_letter.courtesy is 'category: none; true for the English courtesy copy beside the authentic national-language letter';
comment on column decision_letter.categories is 'category: none; the data categories the content carries, which the reader must be allowed to read';
comment on column decision_letter.content is 'category: as listed in categories (identity, employment or self_employed, admin, and grounds in a full letter of a negative decision)';
comment on column decision_letter.size_bytes is 'category: none';
comment on column decision_letter.sha256 is 'category: none; hex SHA-256 of content, to show that what is served is what was stored';
comment on column decision_letter.created_at is 'category: none; the moment of the decision';
create index decision_letter_dossier_idx on decision_letter (dossier_id);

create trigger decision_letter_append_only before update or delete on decision_letter
  for each row execute function refuse_history_rewrite();
