import { z } from 'zod';
import { found, getJson, notFound, playScenario, scenarioOf, seedOf } from './source.js';
import type { CallOptions, Lookup } from './source.js';

/**
 * ONSS/RSZ (Art. 14 §1): the employer's registration, DIMONA declarations (who works where since
 * when) and DmfA quarterly wage declarations. Employer-level answers are counts and totals, never
 * other workers' records (data minimisation, Art. 11).
 */
export const OnssEmployer = z.object({
  enterpriseNumber: z.string(),
  onssNumber: z.string(),
  registered: z.boolean(),
  registeredSince: z.string().nullable(),
});
export const EmployerDimona = z.object({ activeDeclarations: z.number().int().nonnegative() });
export const WorkerDimona = z.object({
  declarations: z.array(
    z.object({
      id: z.string(),
      from: z.string(),
      until: z.string().nullable(),
      jointCommittee: z.string().nullable(),
    }),
  ),
});
/** Quarters are named `YYYY-Qn`. */
export const EmployerDmfa = z.object({
  quarters: z.array(
    z.object({ quarter: z.string(), workers: z.number().int(), grossWagesCents: z.number().int() }),
  ),
});
export const WorkerDmfa = z.object({
  quarters: z.array(
    z.object({ quarter: z.string(), grossWagesCents: z.number().int(), daysWorked: z.number().int() }),
  ),
});
export type OnssEmployer = z.infer<typeof OnssEmployer>;
export type EmployerDimona = z.infer<typeof EmployerDimona>;
export type WorkerDimona = z.infer<typeof WorkerDimona>;
export type EmployerDmfa = z.infer<typeof EmployerDmfa>;
export type WorkerDmfa = z.infer<typeof WorkerDmfa>;

export interface OnssSource {
  employer(enterpriseNumber: string, options: CallOptions): Promise<Lookup<OnssEmployer>>;
  employerDimona(enterpriseNumber: string, options: CallOptions): Promise<Lookup<EmployerDimona>>;
  workerDimona(enterpriseNumber: string, niss: string, options: CallOptions): Promise<Lookup<WorkerDimona>>;
  employerDmfa(
    enterpriseNumber: string,
    quarters: readonly string[],
    options: CallOptions,
  ): Promise<Lookup<EmployerDmfa>>;
  workerDmfa(
    enterpriseNumber: string,
    niss: string,
    quarters: readonly string[],
    options: CallOptions,
  ): Promise<Lookup<WorkerDmfa>>;
}

const enterpriseScenario = (n: string) => scenarioOf(n.slice(0, 8));
const nissScenario = (niss: string) => scenarioOf(niss.slice(0, 9));
const headcount = (n: string) => 5 + (seedOf(n) % 40);

/** Fictitious social-security records derived from the numbers (docs/sources.md). */
export const fakeOnss: OnssSource = {
  async employer(enterpriseNumber, options) {
    const scenario = enterpriseScenario(enterpriseNumber);
    await playScenario(scenario, options);
    if (scenario === 'not_found') return notFound;
    const seed = seedOf(enterpriseNumber);
    return found({
      enterpriseNumber,
      onssNumber: String(1_000_000 + (seed % 8_999_999)),
      registered: scenario !== 'unfavourable',
      registeredSince: scenario === 'unfavourable' ? null : `20${String(10 + (seed % 15))}-01-01`,
    });
  },
  async employerDimona(enterpriseNumber, options) {
    const scenario = enterpriseScenario(enterpriseNumber);
    await playScenario(scenario, options);
    if (scenario === 'not_found') return notFound;
    return found({ activeDeclarations: scenario === 'unfavourable' ? 0 : headcount(enterpriseNumber) });
  },
  async workerDimona(enterpriseNumber, niss, options) {
    const scenario = nissScenario(niss);
    await playScenario(scenario, options);
    if (scenario === 'not_found') return notFound;
    if (scenario === 'unfavourable') return found({ declarations: [] });
    const seed = seedOf(`${enterpriseNumber}${niss}`);
    return found({
      declarations: [
        {
          id: `DIMONA-FAKE-${String(seed).padStart(7, '0')}`,
          from: `2025-0${String(1 + (seed % 9))}-01`,
          until: null,
          jointCommittee: '200',
        },
      ],
    });
  },
  async employerDmfa(enterpriseNumber, quarters, options) {
    const scenario = enterpriseScenario(enterpriseNumber);
    await playScenario(scenario, options);
    if (scenario === 'not_found') return notFound;
    const workers = scenario === 'unfavourable' ? 0 : headcount(enterpriseNumber);
    const monthly = 350_000 + (seedOf(enterpriseNumber) % 10) * 20_000;
    return found({
      quarters: quarters.map((quarter) => ({ quarter, workers, grossWagesCents: workers * monthly * 3 })),
    });
  },
  async workerDmfa(_enterpriseNumber, niss, quarters, options) {
    const scenario = nissScenario(niss);
    await playScenario(scenario, options);
    if (scenario === 'not_found') return notFound;
    // Normal workers earn 6,000 to 7,900 a month, above any salary the demo declares; an
    // unfavourable one 1,800, below it.
    const monthly = scenario === 'unfavourable' ? 180_000 : 600_000 + (seedOf(niss) % 20) * 10_000;
    return found({
      quarters: quarters.map((quarter) => ({ quarter, grossWagesCents: monthly * 3, daysWorked: 65 })),
    });
  },
};

export function httpOnss(base: string, token: string | undefined): OnssSource {
  const q = (quarters: readonly string[]) => `quarters=${quarters.map(encodeURIComponent).join(',')}`;
  return {
    employer: (e, o) => getJson(base, `employers/${e}`, OnssEmployer, token, o),
    employerDimona: (e, o) => getJson(base, `employers/${e}/dimona`, EmployerDimona, token, o),
    workerDimona: (e, niss, o) =>
      getJson(base, `employers/${e}/workers/${niss}/dimona`, WorkerDimona, token, o),
    employerDmfa: (e, quarters, o) =>
      getJson(base, `employers/${e}/dmfa?${q(quarters)}`, EmployerDmfa, token, o),
    workerDmfa: (e, niss, quarters, o) =>
      getJson(base, `employers/${e}/workers/${niss}/dmfa?${q(quarters)}`, WorkerDmfa, token, o),
  };
}
