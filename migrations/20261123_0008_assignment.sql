-- Who of an examining authority handles a dossier. Work organisation only: it grants no access
-- (the gate decides by the organisation's relation, never by the assignee) and is not part of
-- the dossier's legal history, so it is not in the action log; every change is in the audit
-- trail. One current assignee per dossier and organisation.

create table dossier_assignment (
  dossier_id uuid not null references dossier (id),
  organisation_id uuid not null references organisation (id),
  user_id uuid not null references app_user (id),
  assigned_at timestamptz not null,
  primary key (dossier_id, organisation_id)
);
comment on table dossier_assignment is 'The member of an examining authority who handles a dossier, one per dossier and organisation';
comment on column dossier_assignment.dossier_id is 'category: none';
comment on column dossier_assignment.organisation_id is 'category: none; the authority (region or DVZ) whose work it organises';
comment on column dossier_assignment.user_id is 'category: none; a member of that organisation, assigned by themselves';
comment on column dossier_assignment.assigned_at is 'category: none';
create index dossier_assignment_user_idx on dossier_assignment (user_id);
