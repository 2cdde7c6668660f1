import { z } from 'zod';
import { found, getJson, notFound, playScenario, scenarioOf, seedOf } from './source.js';
import type { CallOptions, Lookup } from './source.js';

/** LIMOSA (via ONSS/INASTI): the prior declaration of a worker posted to Belgium (Art. 13 §1). */
export const LimosaDeclaration = z.object({
  reference: z.string(),
  status: z.enum(['valid', 'cancelled']),
  from: z.string(),
  until: z.string(),
  sendingCountry: z.string(),
  /** Whether the declaration names the worker of the dossier (when a NISS was given). */
  matchesWorker: z.boolean().nullable(),
});
export type LimosaDeclaration = z.infer<typeof LimosaDeclaration>;

export interface LimosaSource {
  declaration(
    reference: string,
    niss: string | undefined,
    options: CallOptions,
  ): Promise<Lookup<LimosaDeclaration>>;
}

const digitsOf = (reference: string) => reference.replace(/\D/g, '');

/** Fictitious declarations; the reference's last three digits pick a scenario (docs/sources.md). */
export const fakeLimosa: LimosaSource = {
  async declaration(reference, niss, options) {
    const scenario = scenarioOf(digitsOf(reference));
    await playScenario(scenario, options);
    if (scenario === 'not_found') return notFound;
    const seed = seedOf(reference);
    return found({
      reference,
      status: scenario === 'unfavourable' ? 'cancelled' : 'valid',
      from: '2027-01-01',
      until: `2027-${String(6 + (seed % 7)).padStart(2, '0')}-30`,
      sendingCountry: ['IN', 'MA', 'TR', 'US', 'BR'][seed % 5] ?? 'IN',
      matchesWorker: niss === undefined ? null : true,
    });
  },
};

export function httpLimosa(base: string, token: string | undefined): LimosaSource {
  return {
    declaration: (reference, niss, options) =>
      getJson(
        base,
        `declarations/${encodeURIComponent(reference)}${niss ? `?niss=${niss}` : ''}`,
        LimosaDeclaration,
        token,
        options,
      ),
  };
}
