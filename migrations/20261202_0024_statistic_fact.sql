-- Anonymous facts for the statistics (Art. 31-32, lifecycle.md §3, R-STAT-1/2). One row is written
-- in the transaction of each filing, admissibility decision, request for documents, decision,
-- withdrawal and end of a dossier, and when a region notes a person admitted to work ex officio.
-- No identifier of a dossier, person or organisation, no free text, no date finer than a month:
-- the rows outlive the dossiers (the retention purge deletes tables with a dossier_id, and this
-- one has none on purpose), so a past year's figures never change.

create table statistic_fact (
  id bigserial primary key,
  event text not null check (event in (
    'filed', 'admissibility', 'documents_requested', 'decision', 'application_withdrawn',
    'permit_withdrawn', 'permit_ended', 'ex_officio')),
  year integer not null,
  month integer not null check (month between 1 and 12),
  procedure text check (procedure in ('single_permit', 'work_permit', 'professional_card')),
  category text,
  long_term_mobility boolean not null default false,
  region text check (region in ('flanders', 'wallonia', 'brussels', 'ostbelgien')),
  decision_kind text check (decision_kind in ('admissibility', 'work', 'residence', 'professional_card')),
  outcome text check (outcome in ('granted', 'refused', 'admissible', 'inadmissible', 'withdrawn', 'ended')),
  application_kind text check (application_kind in ('first', 'renewal', 'change_of_employer')),
  reason text check (reason in ('remunerated', 'family', 'education', 'other')),
  validity_months integer,
  citizenship text,
  sex text check (sex in ('F', 'M', 'X')),
  age_band text check (age_band in ('15-24', '25-34', '35-44', '45-54', '55-64', '65+', 'unknown')),
  isco2 text check (isco2 ~ '^[0-9]{2}$'),
  nace_division text check (nace_division ~ '^[0-9]{2}$'),
  ict_role text check (ict_role in ('manager', 'specialist', 'trainee')),
  previous_member_state text,
  ex_officio_category text,
  days_taken integer,
  deadline_days integer,
  within_deadline boolean
);
comment on table statistic_fact is 'Anonymous facts of the statistics (Art. 31-32); never names a dossier, person or organisation';
comment on column statistic_fact.id is 'category: none; a counter, unrelated to any dossier';
comment on column statistic_fact.event is 'category: none; which moment of a dossier the fact records';
comment on column statistic_fact.year is 'category: none; the year of the event';
comment on column statistic_fact.month is 'category: none; the month of the event';
comment on column statistic_fact.procedure is 'category: none';
comment on column statistic_fact.category is 'category: none; the Art. 4 category';
comment on column statistic_fact.long_term_mobility is 'category: none';
comment on column statistic_fact.region is 'category: none; the competent region';
comment on column statistic_fact.decision_kind is 'category: none';
comment on column statistic_fact.outcome is 'category: none';
comment on column statistic_fact.application_kind is 'category: none; first permit, renewal or change of employer';
comment on column statistic_fact.reason is 'category: none; Eurostat reason of a single permit';
comment on column statistic_fact.validity_months is 'category: none; complete months of validity of a granted permit';
comment on column statistic_fact.citizenship is 'category: none; ISO 3166-1 alpha-2';
comment on column statistic_fact.sex is 'category: none';
comment on column statistic_fact.age_band is 'category: none; age band on the day of the event, never the birth date';
comment on column statistic_fact.isco2 is 'category: none; ISCO-08 sub-major group';
comment on column statistic_fact.nace_division is 'category: none; NACE Rev. 2 division';
comment on column statistic_fact.ict_role is 'category: none; manager, specialist or trainee (Directive 2014/66/EU)';
comment on column statistic_fact.previous_member_state is 'category: none; long-term mobility: the Member State the person comes from';
comment on column statistic_fact.ex_officio_category is 'category: none; Art. 32 4°: the category of the royal decree of 2 September 2018';
comment on column statistic_fact.days_taken is 'category: none; calendar days from filing to the decision';
comment on column statistic_fact.deadline_days is 'category: none; the days the legal deadline allowed (suspensions and extension included)';
comment on column statistic_fact.within_deadline is 'category: none';

-- The dashboards filter by period (and a region by its own region); Eurostat reads one year's decisions.
create index statistic_fact_period_idx on statistic_fact (year, month, event);
create index statistic_fact_region_period_idx on statistic_fact (region, year, month);
