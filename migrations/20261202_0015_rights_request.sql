-- Requests of the persons concerned (Art. 29, GDPR 15-21, R-RIGHT-1..3). A request is filed by
-- the worker in the portal for their claimed dossiers, or registered by a DPO when it came by
-- post or e-mail. It is routed to its controllers by Art. 29 §2-3: one part per dossier and
-- controller (the competent region for work, DVZ for the residence of a single permit), and each
-- part is answered by its own controller within its own due date (GDPR 12(3)).

create table rights_request (
  id uuid primary key,
  kind text not null check (kind in (
    'access', 'rectification', 'erasure', 'restriction', 'objection', 'portability',
    'notification_of_recipients')),
  concerns text not null check (concerns in ('work', 'residence', 'both')),
  channel text not null check (channel in ('portal', 'post', 'email')),
  requester_user_id uuid references app_user (id),
  registered_by_user_id uuid not null references app_user (id),
  language text not null check (language in ('nl', 'fr', 'de', 'en')),
  details text not null,
  correction jsonb,
  received_at timestamptz not null,
  acknowledged_at timestamptz not null,
  created_at timestamptz not null
);
comment on table rights_request is 'A request of a person concerned (GDPR 15-21, Art. 29), as received';
comment on column rights_request.kind is 'category: none; the right invoked';
comment on column rights_request.concerns is 'category: none; the part of a single permit the request is about (Art. 29 §2-3)';
comment on column rights_request.channel is 'category: none; portal, or post / e-mail registered by a DPO';
comment on column rights_request.requester_user_id is 'category: none; the worker''s account, when they have one';
comment on column rights_request.registered_by_user_id is 'category: none; who filed or registered it';
comment on column rights_request.language is 'category: none; the language of the acknowledgement and answers';
comment on column rights_request.details is 'category: identity; the request in the person''s own words';
comment on column rights_request.correction is 'category: identity, residence; a rectification asked: section and fields with the correct values';
comment on column rights_request.received_at is 'category: none; receipt, from which the month of GDPR 12(3) runs';
comment on column rights_request.acknowledged_at is 'category: none; the dated acknowledgement of Art. 29 §4, given on receipt';
comment on column rights_request.created_at is 'category: none';
create index rights_request_requester_idx on rights_request (requester_user_id, received_at desc);

create table rights_request_part (
  id uuid primary key,
  request_id uuid not null references rights_request (id),
  dossier_id uuid not null references dossier (id),
  controller_organisation_id uuid not null references organisation (id),
  part text not null check (part in ('work', 'residence')),
  due_on date not null,
  extended_at timestamptz,
  extension_reasons text,
  outcome text check (outcome in ('granted', 'refused')),
  answer text,
  legal_basis text,
  action_id uuid references dossier_action (id),
  answered_at timestamptz,
  answered_by_user_id uuid references app_user (id),
  lifted_action_id uuid references dossier_action (id),
  reminded_at timestamptz,
  unique (request_id, dossier_id, part)
);
comment on table rights_request_part is 'The part of a request one controller answers for one dossier (Art. 29 §2-3)';
comment on column rights_request_part.dossier_id is 'category: none';
comment on column rights_request_part.controller_organisation_id is 'category: none; the region or DVZ that answers this part';
comment on column rights_request_part.part is 'category: none; work (the region) or residence (DVZ)';
comment on column rights_request_part.due_on is 'category: none; one month from receipt, two more once extended (GDPR 12(3))';
comment on column rights_request_part.extended_at is 'category: none; set once, when the controller''s DPO extends';
comment on column rights_request_part.extension_reasons is 'category: admin; why the controller needs two more months';
comment on column rights_request_part.outcome is 'category: none';
comment on column rights_request_part.answer is 'category: admin; the reasons of the answer';
comment on column rights_request_part.legal_basis is 'category: none; the legal basis of a refusal';
comment on column rights_request_part.action_id is 'category: none; the dossier action the answer took (rectify, restrict_processing)';
comment on column rights_request_part.lifted_action_id is 'category: none; the lift_restriction action that ended a restriction';
comment on column rights_request_part.reminded_at is 'category: none; when the DPOs were reminded that the due date is near';
create index rights_request_part_controller_idx on rights_request_part (controller_organisation_id, due_on);
create index rights_request_part_dossier_idx on rights_request_part (dossier_id);

-- The messages of a request kept for the person on the platform: the dated acknowledgement, an
-- extension and each answer. They name no dossier and carry no dossier content.
create table rights_message (
  id uuid primary key,
  seq bigserial,
  request_id uuid not null references rights_request (id),
  language text not null check (language in ('nl', 'fr', 'de', 'en')),
  subject text not null,
  body text not null,
  created_at timestamptz not null
);
comment on table rights_message is 'Acknowledgement, extension and answers of a rights request, as told to the person';
comment on column rights_message.seq is 'category: none; the order the messages were written in, within one instant too';
comment on column rights_message.language is 'category: none';
comment on column rights_message.subject is 'category: none';
comment on column rights_message.body is 'category: admin; what was received or answered, with dates and reasons';
comment on column rights_message.created_at is 'category: none';
create index rights_message_request_idx on rights_message (request_id, seq);

-- The recipients that had a rectified value are told (GDPR 19) with a delivery event. The list of
-- events is extended from the constraint as it stands, so an event another migration added stays.
do $$
declare
  def text;
begin
  select pg_get_constraintdef(c.oid) into def
    from pg_constraint c
   where c.conrelid = 'delivery'::regclass and c.conname = 'delivery_event_check';
  alter table delivery drop constraint delivery_event_check;
  execute 'alter table delivery add constraint delivery_event_check '
    || replace(def, 'ARRAY[', 'ARRAY[''rectified''::text, ');
end
$$;
