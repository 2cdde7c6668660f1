import { z } from 'zod';
import { REGIONS } from './regions.js';

/** The platform's development phases (phases 1-2 under the 2021 agreement, 3 now, 4 the professional cards). */
export const COST_PHASES = ['phase_1', 'phase_2', 'phase_3', 'phase_4'] as const;
export const COST_NATURES = ['development', 'operation'] as const;
/** In or out of the agreed project scope: the federal share differs (63 % / 48 % for phase 3). */
export const COST_SCOPES = ['in_scope', 'out_of_scope'] as const;

/** A year (`2026`) or a quarter (`2026-Q1`). */
export const CostPeriod = z.string().regex(/^\d{4}(-Q[1-4])?$/);

/** Hundredths of a per cent: 6300 is 63 %. */
const BasisPoints = z.number().int().min(0).max(10000);

export const CostLineInput = z
  .object({
    period: CostPeriod,
    phase: z.enum(COST_PHASES),
    nature: z.enum(COST_NATURES),
    scope: z.enum(COST_SCOPES),
    description: z.string().trim().min(1).max(300),
    amountCents: z.number().int().min(0).max(1e13),
  })
  .strict();
export type CostLineInput = z.infer<typeof CostLineInput>;

export const CostLine = CostLineInput.extend({ id: z.uuid() });
export type CostLine = z.infer<typeof CostLine>;

export const RegionalShares = z.object(
  Object.fromEntries(REGIONS.map((r) => [r, BasisPoints])) as Record<
    (typeof REGIONS)[number],
    typeof BasisPoints
  >,
);

export const CostKeyInput = z
  .object({
    federalInScopeBp: BasisPoints,
    federalOutOfScopeBp: BasisPoints,
    regionalKey: z.enum(['dossiers', 'fixed']),
    fixedShares: RegionalShares.optional(),
  })
  .strict();
export type CostKeyInput = z.infer<typeof CostKeyInput>;

export const CostKey = CostKeyInput.extend({
  /** `default`: no key was set for the period, the platform's default applies. */
  source: z.enum(['default', 'set']),
});
export type CostKey = z.infer<typeof CostKey>;

const Cents = z.number().int();
const PerRegion = z.object(
  Object.fromEntries(REGIONS.map((r) => [r, Cents])) as Record<(typeof REGIONS)[number], typeof Cents>,
);

export const CostReport = z.object({
  period: CostPeriod,
  key: CostKey,
  /** The period's filed dossiers per region, the default regional key. */
  dossiers: PerRegion,
  /** True when the key is by dossiers and none were filed: the regions then share equally. */
  equalSplitFallback: z.boolean(),
  lines: z.array(CostLine),
  totals: z.object({
    inScope: Cents,
    outOfScope: Cents,
    total: Cents,
    federal: Cents,
    regional: Cents,
    regions: PerRegion,
  }),
});
export type CostReport = z.infer<typeof CostReport>;
