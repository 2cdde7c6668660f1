import { z } from 'zod';
import { found, getJson, notFound, playScenario, scenarioOf, seedOf } from './source.js';
import type { CallOptions, Lookup } from './source.js';

/** INASTI/RSVZ (Art. 14 §2): the general directory of the self-employed. */
export const InastiStatus = z.object({
  affiliated: z.boolean(),
  socialInsuranceFund: z.string().nullable(),
  since: z.string().nullable(),
  activity: z.enum(['main', 'secondary']).nullable(),
});
export type InastiStatus = z.infer<typeof InastiStatus>;

export interface InastiSource {
  /** By the person's NISS or BIS number (compact 11 digits). */
  selfEmployed(niss: string, options: CallOptions): Promise<Lookup<InastiStatus>>;
}

/** Fictitious affiliations derived from the number; serial digits 890-893 pick a scenario. */
export const fakeInasti: InastiSource = {
  async selfEmployed(niss, options) {
    const scenario = scenarioOf(niss.slice(0, 9));
    await playScenario(scenario, options);
    if (scenario === 'not_found') return notFound;
    if (scenario === 'unfavourable') {
      return found({ affiliated: false, socialInsuranceFund: null, since: null, activity: null });
    }
    const seed = seedOf(niss);
    return found({
      affiliated: true,
      socialInsuranceFund: `Fictitious social insurance fund ${String(1 + (seed % 9))}`,
      since: `2026-0${String(1 + (seed % 9))}-01`,
      activity: seed % 2 === 0 ? 'main' : 'secondary',
    });
  },
};

export function httpInasti(base: string, token: string | undefined): InastiSource {
  return {
    selfEmployed: (niss, options) => getJson(base, `self-employed/${niss}`, InastiStatus, token, options),
  };
}
