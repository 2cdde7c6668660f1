-- The sharing of the platform's costs (Art. 33): the key is left to an implementing agreement, so
-- the platform keeps it configurable per period. Cost lines are entered per period, development
-- phase and nature; the federal share (DVZ) is set per scope — the minister told Parliament 63 %
-- of phase 3's development "in scope" and 48 % "out of scope" — and the rest is split between the
-- regional authorities by their share of the period's dossiers or by fixed shares.

create table cost_key (
  period text primary key check (period ~ '^[0-9]{4}(-Q[1-4])?$'),
  federal_in_scope_bp integer not null check (federal_in_scope_bp between 0 and 10000),
  federal_out_of_scope_bp integer not null check (federal_out_of_scope_bp between 0 and 10000),
  regional_key text not null check (regional_key in ('dossiers', 'fixed')),
  fixed_shares jsonb,
  updated_by_user_id uuid not null references app_user (id),
  updated_at timestamptz not null
);
comment on table cost_key is 'The key of a period (Art. 33): federal share by scope, and how the regions split the rest';
comment on column cost_key.period is 'category: none; a year (2026) or a quarter (2026-Q1)';
comment on column cost_key.federal_in_scope_bp is 'category: none; DVZ''s share of in-scope costs, in hundredths of a per cent';
comment on column cost_key.federal_out_of_scope_bp is 'category: none; DVZ''s share of out-of-scope costs, in hundredths of a per cent';
comment on column cost_key.regional_key is 'category: none; dossiers: each region''s share of the period''s dossiers; fixed: the shares below';
comment on column cost_key.fixed_shares is 'category: none; per region, in hundredths of a per cent, adding up to 10000';
comment on column cost_key.updated_by_user_id is 'category: none';
comment on column cost_key.updated_at is 'category: none';

create table cost_line (
  id uuid primary key,
  period text not null check (period ~ '^[0-9]{4}(-Q[1-4])?$'),
  phase text not null check (phase in ('phase_1', 'phase_2', 'phase_3', 'phase_4')),
  nature text not null check (nature in ('development', 'operation')),
  scope text not null check (scope in ('in_scope', 'out_of_scope')),
  description text not null,
  amount_cents bigint not null check (amount_cents >= 0),
  created_by_user_id uuid not null references app_user (id),
  created_at timestamptz not null
);
comment on table cost_line is 'A cost of the common platform in a period (Art. 33)';
comment on column cost_line.period is 'category: none';
comment on column cost_line.phase is 'category: none; the development phase of the platform the cost belongs to';
comment on column cost_line.nature is 'category: none; development, or operation (hosting, support, maintenance)';
comment on column cost_line.scope is 'category: none; in or out of the project''s agreed scope, which decides the federal share';
comment on column cost_line.description is 'category: none';
comment on column cost_line.amount_cents is 'category: none; euro cents, VAT included';
comment on column cost_line.created_by_user_id is 'category: none';
comment on column cost_line.created_at is 'category: none';
create index cost_line_period_idx on cost_line (period, created_at);
