import { z } from 'zod';
import { found, getJson, notFound, playScenario, scenarioOf, seedOf } from './source.js';
import type { CallOptions, Lookup } from './source.js';

/** The Crossroads Bank for Enterprises (KBO/BCE): is the enterprise active, its name and seat. */
export const KboEnterprise = z.object({
  enterpriseNumber: z.string(),
  name: z.string(),
  status: z.enum(['active', 'stopped']),
  legalForm: z.string(),
  startDate: z.string(),
  seat: z.object({
    street: z.string(),
    number: z.string(),
    postcode: z.string(),
    municipality: z.string(),
  }),
});
export type KboEnterprise = z.infer<typeof KboEnterprise>;

export interface KboSource {
  /** `enterpriseNumber` is the compact 10 digits. */
  enterprise(enterpriseNumber: string, options: CallOptions): Promise<Lookup<KboEnterprise>>;
}

const NAMES = ['Voorbeeld', 'Exemple', 'Beispiel', 'Specimen', 'Muster', 'Modèle'];
const FORMS = ['BV', 'NV', 'SRL', 'SA', 'CommV'];
const SEATS = [
  { postcode: '1000', municipality: 'Brussel' },
  { postcode: '2000', municipality: 'Antwerpen' },
  { postcode: '9000', municipality: 'Gent' },
  { postcode: '4000', municipality: 'Liège' },
  { postcode: '4700', municipality: 'Eupen' },
];

/** Fictitious enterprises derived from the number; serial digits 890-893 pick a scenario. */
export const fakeKbo: KboSource = {
  async enterprise(enterpriseNumber, options) {
    const scenario = scenarioOf(enterpriseNumber.slice(0, 8));
    await playScenario(scenario, options);
    if (scenario === 'not_found') return notFound;
    const seed = seedOf(enterpriseNumber);
    const form = FORMS[seed % FORMS.length] ?? 'BV';
    const seat = SEATS[seed % SEATS.length] ?? { postcode: '1000', municipality: 'Brussel' };
    return found({
      enterpriseNumber,
      name: `${NAMES[seed % NAMES.length] ?? 'Voorbeeld'} ${enterpriseNumber.slice(4, 8)} ${form} (fictitious)`,
      status: scenario === 'unfavourable' ? 'stopped' : 'active',
      legalForm: form,
      startDate: `20${String(10 + (seed % 15))}-0${String(1 + (seed % 9))}-01`,
      seat: { street: 'Fictieve straat', number: String(1 + (seed % 199)), ...seat },
    });
  },
};

export function httpKbo(base: string, token: string | undefined): KboSource {
  return {
    enterprise: (enterpriseNumber, options) =>
      getJson(base, `enterprises/${enterpriseNumber}`, KboEnterprise, token, options),
  };
}
