import { actedBy, appendAudit } from '../audit/audit.js';
import type { CostKey, CostKeyInput, CostLine, CostLineInput, CostReport } from '../contract/costs.js';
import { REGIONS, type Region } from '../contract/regions.js';
import type { Queryable } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../identity/actor.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { isSecretariat } from '../committee/members.js';
import { dossiersPerRegion as fromFacts, type DossiersPerRegion } from './dossiers.js';
import { allocate } from './key.js';

/*
 * The cost report of Art. 33, for the management committee. The key is left to an implementing
 * agreement; until the committee records one for a period, the default applies: DVZ's share as
 * the minister gave it to Parliament for phase 3 (63 % in scope, 48 % out of scope), and the regions
 * sharing the rest by their share of the period's dossiers.
 */

export const DEFAULT_KEY: CostKeyInput = {
  federalInScopeBp: 6300,
  federalOutOfScopeBp: 4800,
  regionalKey: 'dossiers',
};

function requireSecretariat(actor: Actor): void {
  if (!isSecretariat(actor)) throw new AppError('action_forbidden');
}

export async function addCostLine(deps: AppDeps, actor: Actor, input: CostLineInput): Promise<CostLine> {
  requireSecretariat(actor);
  const id = newId();
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    await tx
      .insertInto('cost_line')
      .values({
        id,
        period: input.period,
        phase: input.phase,
        nature: input.nature,
        scope: input.scope,
        description: input.description,
        amount_cents: input.amountCents,
        created_by_user_id: actor.userId,
        created_at: now,
      })
      .execute();
    await appendAudit(
      tx,
      actedBy(actor, now, 'cost_recorded', { details: { lineId: id, period: input.period } }),
    );
  });
  return { id, ...input };
}

export async function setCostKey(
  deps: AppDeps,
  actor: Actor,
  period: string,
  input: CostKeyInput,
): Promise<CostKey> {
  requireSecretariat(actor);
  if (input.regionalKey === 'fixed') {
    const shares = input.fixedShares;
    if (!shares || REGIONS.reduce((sum, r) => sum + shares[r], 0) !== 10000)
      throw new AppError('cost_key_invalid');
  }
  const fixed = input.regionalKey === 'fixed' ? (input.fixedShares ?? null) : null;
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const values = {
      federal_in_scope_bp: input.federalInScopeBp,
      federal_out_of_scope_bp: input.federalOutOfScopeBp,
      regional_key: input.regionalKey,
      fixed_shares: fixed ? JSON.stringify(fixed) : null,
      updated_by_user_id: actor.userId,
      updated_at: now,
    };
    await tx
      .insertInto('cost_key')
      .values({ period, ...values })
      .onConflict((oc) => oc.column('period').doUpdateSet(values))
      .execute();
    await appendAudit(
      tx,
      actedBy(actor, now, 'cost_recorded', { details: { period, key: input.regionalKey } }),
    );
  });
  return costKeyOf(deps.db, period);
}

export async function costKeyOf(db: Queryable, period: string): Promise<CostKey> {
  const row = await db.selectFrom('cost_key').selectAll().where('period', '=', period).executeTakeFirst();
  if (!row) return { ...DEFAULT_KEY, source: 'default' };
  const shares: unknown =
    typeof row.fixed_shares === 'string' ? JSON.parse(row.fixed_shares) : row.fixed_shares;
  return {
    federalInScopeBp: row.federal_in_scope_bp,
    federalOutOfScopeBp: row.federal_out_of_scope_bp,
    regionalKey: row.regional_key as 'dossiers' | 'fixed',
    ...(shares ? { fixedShares: shares as Record<Region, number> } : {}),
    source: 'set',
  };
}

export async function costReport(
  db: Queryable,
  period: string,
  dossiersPerRegion: DossiersPerRegion = fromFacts,
): Promise<CostReport> {
  const key = await costKeyOf(db, period);
  const rows = await db
    .selectFrom('cost_line')
    .selectAll()
    .where('period', '=', period)
    .orderBy('phase')
    .orderBy('nature')
    .orderBy('created_at')
    .execute();
  const lines: CostLine[] = rows.map((r) => ({
    id: r.id,
    period: r.period,
    phase: r.phase as CostLine['phase'],
    nature: r.nature as CostLine['nature'],
    scope: r.scope as CostLine['scope'],
    description: r.description,
    amountCents: r.amount_cents,
  }));
  const sum = (scope: CostLine['scope']) =>
    lines.filter((l) => l.scope === scope).reduce((total, l) => total + l.amountCents, 0);
  const amounts = { inScope: sum('in_scope'), outOfScope: sum('out_of_scope') };
  const dossiers = await dossiersPerRegion(db, period);
  const weights = key.regionalKey === 'fixed' && key.fixedShares ? key.fixedShares : dossiers;
  const allocation = allocate(
    amounts,
    { inScopeBp: key.federalInScopeBp, outOfScopeBp: key.federalOutOfScopeBp },
    weights,
  );
  return {
    period,
    key,
    dossiers,
    equalSplitFallback: allocation.equalSplitFallback,
    lines,
    totals: {
      ...amounts,
      total: amounts.inScope + amounts.outOfScope,
      federal: allocation.federal,
      regional: allocation.regional,
      regions: allocation.regions,
    },
  };
}
