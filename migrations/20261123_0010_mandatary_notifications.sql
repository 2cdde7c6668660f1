-- Mandataries receive the messages of the dossiers under their mandate (Art. 20 §5): the
-- notification outbox names them as their own kind of recipient. An organisation's e-Box
-- Enterprise is addressed as `ebox:` and its enterprise number (docs/messaging.md).

alter table notification drop constraint notification_recipient_role_check;
alter table notification add constraint notification_recipient_role_check
  check (recipient_role in ('applicant', 'mandatary', 'worker'));
comment on column notification.address is 'category: identity (e-mail address, or ebox: and an enterprise number); erased once sent';
