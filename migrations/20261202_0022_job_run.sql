-- The operator's view of the timer jobs (issue 13): one row per job, overwritten at each run, so a
-- job that runs every five seconds adds nothing to the database over time. Names and times only.
create table job_run (
  job text primary key,
  started_at timestamptz not null,
  finished_at timestamptz,
  outcome text not null,
  duration_ms integer,
  error_kind text,
  runs integer not null default 0,
  failures integer not null default 0
);
comment on table job_run is 'The last run of each timer job (src/jobs.ts) with its outcome and duration, for the platform-health screen';
comment on column job_run.job is 'category: none; the job''s name in JOBS';
comment on column job_run.started_at is 'category: none; when the last run started';
comment on column job_run.finished_at is 'category: none; when the last run ended; null while it runs';
comment on column job_run.outcome is 'category: none; running, succeeded or failed';
comment on column job_run.duration_ms is 'category: none; how long the last run took';
comment on column job_run.error_kind is 'category: none; the name of the error class of a failed run, never its message';
comment on column job_run.runs is 'category: none; runs since the row was created';
comment on column job_run.failures is 'category: none; failed runs since the row was created';
