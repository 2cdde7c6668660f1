-- Retention (Art. 27, lifecycle.md §1). A decision's periods run from its notification: the moment
-- its letter reached an addressee through the platform. The dossier row projects the date from
-- which it is due for deletion, so the daily sweep finds what is due by an index, not by folding
-- every dossier.

create table decision_notification (
  decision_id uuid primary key references dossier_action (id),
  dossier_id uuid not null references dossier (id),
  notified_at timestamptz not null,
  channel text not null check (channel in ('email', 'ebox', 'platform', 'before_notification_dates'))
);
comment on table decision_notification is 'When each decision reached its addressee (Art. 27 periods run from it)';
comment on column decision_notification.dossier_id is 'category: none';
create index decision_notification_dossier_idx on decision_notification (dossier_id);

-- Decisions taken before notification dates were recorded: the first message about them that was
-- sent, else the decision itself (its letter was on the platform from then).
insert into decision_notification (decision_id, dossier_id, notified_at, channel)
select a.id, a.dossier_id,
       coalesce((select min(n.sent_at) from notification n where n.action_id = a.id), a.at),
       'before_notification_dates'
  from dossier_action a
 where a.action in ('declare_admissible', 'declare_inadmissible', 'decide_work', 'decide_professional_card',
                    'decide_residence', 'withdraw_work', 'withdraw_professional_card', 'withdraw_residence',
                    'end_residence');

-- A message about a decision tells the dispatcher that sending it notifies that decision.
alter table notification add column about_decision boolean not null default false;

alter table dossier add column retention_until date;
alter table dossier add column retention_rule text
  check (retention_rule in ('granted_10y', 'closed_5y', 'hold_1y', 'draft_180d', 'pending'));
-- When the applicant of an idle draft was told it will be deleted (30 days before).
alter table dossier add column draft_notice_at timestamptz;
comment on column dossier.retention_until is 'category: admin; projection of the action log and notifications (Art. 27); null: kept';
comment on column dossier.retention_rule is 'category: admin; null until first computed, pending while under examination';
create index dossier_retention_idx on dossier (retention_until) where retention_until is not null;
