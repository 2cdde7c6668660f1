import type { z } from 'zod';

/**
 * What every authentic-source port shares (R-DATA-3, Art. 14): a lookup finds the record or says
 * it does not exist; anything else (the source down, an answer we cannot read) is thrown as
 * `SourceUnavailable`, and a call that outlives its deadline is aborted through `signal`.
 */
export type Lookup<T> = { found: true; data: T } | { found: false };

export interface CallOptions {
  /** Aborted when the check's deadline passes; adapters must stop waiting then. */
  signal: AbortSignal;
}

/** The source could not answer. Carries a short code only: never the identifier asked about. */
export class SourceUnavailable extends Error {
  constructor(readonly code: string) {
    super(`source unavailable: ${code}`);
    this.name = 'SourceUnavailable';
  }
}

export const found = <T>(data: T): Lookup<T> => ({ found: true, data });
export const notFound: Lookup<never> = { found: false };

/**
 * The fakes derive everything from the identifier asked about, so tests and the demo are
 * repeatable. Three digits of the serial part choose a behaviour (docs/sources.md):
 * 890 not found, 891 the source fails, 892 it never answers, 893 an unfavourable record.
 */
export type FakeScenario = 'normal' | 'not_found' | 'failure' | 'timeout' | 'unfavourable';

const SCENARIOS: Record<string, FakeScenario> = {
  '890': 'not_found',
  '891': 'failure',
  '892': 'timeout',
  '893': 'unfavourable',
};

/** The scenario of a serial part (the digits before an identifier's check digits). */
export function scenarioOf(serialDigits: string): FakeScenario {
  return SCENARIOS[serialDigits.slice(-3)] ?? 'normal';
}

/** A small number derived from an identifier, to vary fictitious values deterministically. */
export function seedOf(digits: string): number {
  let n = 0;
  for (const ch of digits) n = (n * 31 + ch.charCodeAt(0)) % 1_000_003;
  return n;
}

/** A fake's behaviour before it answers: fail, hang until aborted, or go on. */
export async function playScenario(scenario: FakeScenario, options: CallOptions): Promise<void> {
  if (scenario === 'failure') throw new SourceUnavailable('fake_failure');
  if (scenario !== 'timeout') return;
  await new Promise<never>((_, reject) => {
    const abort = () => {
      reject(new SourceUnavailable('aborted'));
    };
    if (options.signal.aborted) abort();
    options.signal.addEventListener('abort', abort, { once: true });
  });
}

/**
 * The real adapters speak JSON over HTTPS to the sources gateway (docs/sources.md): 200 with the
 * record, 404 when there is none; anything else is `SourceUnavailable`. The identifier travels in
 * the path, so gateway access logs are the gateway's to protect; the platform logs none of it.
 */
export async function getJson<S extends z.ZodType>(
  base: string,
  path: string,
  schema: S,
  token: string | undefined,
  options: CallOptions,
): Promise<Lookup<z.output<S>>> {
  let res: Response;
  try {
    res = await fetch(new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`), {
      headers: { accept: 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      redirect: 'error',
      signal: options.signal,
    });
  } catch {
    throw new SourceUnavailable(options.signal.aborted ? 'aborted' : 'network');
  }
  if (res.status === 404) return notFound;
  if (!res.ok) throw new SourceUnavailable(`http_${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new SourceUnavailable('unreadable');
  }
  // An answer of another shape is a broken contract, not a finding about the dossier.
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SourceUnavailable('unexpected_shape');
  return found(parsed.data);
}
