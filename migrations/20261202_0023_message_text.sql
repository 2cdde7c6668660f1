-- Messages are read in the reader's language (issue 13): the inbox keeps which message it is and
-- its values, and renders it at read time in the language the reader chose. What was sent stays as
-- sent in `subject` and `body` (the e-mail copy is a record); rows written before this migration
-- have no kind and are shown as they were written.

alter table inbox_message add column text_kind text;
alter table inbox_message add column text_vars jsonb;
comment on column inbox_message.text_kind is 'category: none; which message it is (notification-texts.ts StepText)';
comment on column inbox_message.text_vars is 'category: admin; the values the message is rendered from, as the body carries them';

alter table subject_message add column text_kind text;
alter table subject_message add column text_vars jsonb;
comment on column subject_message.text_kind is 'category: none; which message it is (notification-texts.ts StepText)';
comment on column subject_message.text_vars is 'category: grounds; the values the whole decision is rendered from, grounds of a negative one included (Art. 24)';

-- E-mails reach each user in the language they last signed in with (the portal's chosen language);
-- null until then, when the dossier's language is used.
alter table app_user add column language text check (language in ('nl', 'fr', 'de', 'en'));
comment on column app_user.language is 'category: none; the language the user last signed in with, for their e-mails';
