import { REGIONS, type Region } from '../contract/regions.js';

/*
 * The sharing of a period's costs (Art. 33), pure: the federal share of each scope, then the rest
 * split between the regional authorities by weights (dossiers or fixed shares). Amounts are whole
 * cents and every cent is allocated: the parts always add up to the total.
 */

/** `amount × bp / 10000`, rounded half up, in whole cents. */
export function shareOf(amountCents: number, basisPoints: number): number {
  // BigInt: a large amount times 10000 would lose cents in a double.
  return Number((BigInt(amountCents) * BigInt(basisPoints) + 5000n) / 10000n);
}

/**
 * Splits whole cents by weights with the largest-remainder method: each region gets the floor of
 * its exact share, and the cents left over go to the largest remainders (ties in the order of
 * REGIONS), so the parts add up to the amount exactly.
 */
export function splitByWeights(amountCents: number, weights: Record<Region, number>): Record<Region, number> {
  const total = REGIONS.reduce((sum, r) => sum + weights[r], 0);
  if (total <= 0) throw new Error('no weights to split by');
  const exact = REGIONS.map((r) => {
    const product = BigInt(amountCents) * BigInt(weights[r]);
    return { region: r, floor: Number(product / BigInt(total)), rest: Number(product % BigInt(total)) };
  });
  let left = amountCents - exact.reduce((sum, e) => sum + e.floor, 0);
  // Array.prototype.sort is stable, so equal remainders keep the order of REGIONS.
  const order = [...exact].sort((a, b) => b.rest - a.rest);
  for (const e of order) {
    if (left === 0) break;
    e.floor += 1;
    left -= 1;
  }
  return Object.fromEntries(exact.map((e) => [e.region, e.floor])) as Record<Region, number>;
}

export interface Allocation {
  federal: number;
  regional: number;
  regions: Record<Region, number>;
  equalSplitFallback: boolean;
}

/**
 * The period's allocation: DVZ pays its share of the in-scope and of the out-of-scope costs; the
 * regions split the rest by `weights`. With no weight at all (a dossier key in a period without
 * dossiers) they share equally, and the report says so.
 */
export function allocate(
  amounts: { inScope: number; outOfScope: number },
  federal: { inScopeBp: number; outOfScopeBp: number },
  weights: Record<Region, number>,
): Allocation {
  const federalCents =
    shareOf(amounts.inScope, federal.inScopeBp) + shareOf(amounts.outOfScope, federal.outOfScopeBp);
  const regional = amounts.inScope + amounts.outOfScope - federalCents;
  const noWeights = REGIONS.every((r) => weights[r] <= 0);
  const equal = Object.fromEntries(REGIONS.map((r) => [r, 1])) as Record<Region, number>;
  return {
    federal: federalCents,
    regional,
    regions: splitByWeights(regional, noWeights ? equal : weights),
    equalSplitFallback: noWeights,
  };
}
