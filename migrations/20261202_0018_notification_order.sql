-- Messages leave in the order they were written: three steps taken in one second (admissible, work
-- granted, residence granted) must not reach the worker in another order. The outbox's ids are
-- random; a sequence gives the order of writing, and the index of what is due follows it.
alter table notification add column written_seq bigserial;
drop index notification_due_idx;
create index notification_due_idx on notification (next_attempt_at, written_seq)
  where sent_at is null and gave_up_at is null;
