-- Settings of the access policy that the agreement leaves to a later decision, each with the
-- decision that fixed it (Art. 30 §2: the management committee). No row: the platform applies the
-- narrower reading. Each change is also a row of the audit trail.

create table policy_setting (
  name text primary key check (name in ('inspection_reading')),
  value text not null,
  decision_reference text not null check (length(decision_reference) between 1 and 200),
  decided_on date not null,
  recorded_by uuid not null references app_user (id),
  recorded_at timestamptz not null,
  check (name <> 'inspection_reading' or value in ('narrow', 'broad'))
);
