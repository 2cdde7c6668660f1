import type { DossierRecord } from '../../dossier/model/record.js';
import { legalDate } from '../../platform/clock.js';
import {
  nissKind,
  parseEnterpriseNumber,
  parseNiss,
  parseStructuredReference,
} from '../../contract/identifiers.js';
import type { Sources } from './index.js';
import { SourceUnavailable, type CallOptions, type Lookup } from './source.js';

/*
 * The automated checks of the examination (issue 5, item 2; R-DATA-3, Art. 14): identifiers by
 * their check digits, then what the authentic sources hold about the enterprise, the employer and,
 * for renewals, the worker. Each result keeps the data it rests on and when it was fetched; it is
 * stored with the dossier as `source` data and shown only to relations that may read that
 * category.
 */

export type CheckName =
  | 'niss_check_digits'
  | 'enterprise_number_check_digits'
  | 'fee_reference_check_digits'
  | 'kbo_enterprise_active'
  | 'onss_employer_registered'
  | 'dimona_employer'
  | 'dimona_worker'
  | 'dmfa_employer'
  | 'dmfa_worker_salary'
  | 'limosa_declaration'
  | 'inasti_affiliation'
  /** The platform's own: re-evaluated at every read on the day of examination (dossier/findings.ts). */
  | 'passport_valid_for_stay';
export type SourceName = 'platform' | 'kbo' | 'onss' | 'limosa' | 'inasti';
export type CheckOutcome = 'pass' | 'fail' | 'not_found' | 'unavailable' | 'timeout' | 'not_applicable';

export interface CheckResult {
  check: CheckName;
  source: SourceName;
  outcome: CheckOutcome;
  detail: Record<string, unknown>;
  fetchedAt: Date;
}

type Answer<T> =
  { ok: true; data: T } | { ok: false; outcome: 'not_found' | 'unavailable' | 'timeout'; code?: string };

/** One call under a deadline. A source that ignores the abort signal is still not waited for. */
async function ask<T>(timeoutMs: number, call: (o: CallOptions) => Promise<Lookup<T>>): Promise<Answer<T>> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const answer = await Promise.race([call({ signal: controller.signal }), deadline]);
    if (answer === 'timeout') return { ok: false, outcome: 'timeout' };
    return answer.found ? { ok: true, data: answer.data } : { ok: false, outcome: 'not_found' };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, outcome: 'timeout' };
    return {
      ok: false,
      outcome: 'unavailable',
      code: error instanceof SourceUnavailable ? error.code : 'error',
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The four quarters before the one `today` falls in, newest first, as `YYYY-Qn`. */
export function previousQuarters(today: string, count = 4): string[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
    out.push(`${year}-Q${quarter}`);
  }
  return out;
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(fictitious\)|[^a-z0-9]/g, '');

/** Wages declared in DmfA may fall this much short of the declared salary (rounding, a day off). */
const SALARY_TOLERANCE = 0.98;

export async function runChecks(
  sources: Sources,
  now: () => Date,
  record: DossierRecord,
): Promise<CheckResult[]> {
  const { identity, employment, selfEmployed, fee } = record.sections;
  const isCard = record.procedure === 'professional_card';
  const renewal = record.follows?.kind === 'renewal';
  const niss = identity?.niss;
  const enterprise = isCard ? selfEmployed?.enterpriseNumber : employment?.employer?.enterpriseNumber;
  const declaredName = isCard ? selfEmployed?.registration?.name : employment?.employer?.name;
  const declaredSalary = employment?.grossMonthlySalaryCents;
  const quarters = previousQuarters(legalDate(now()));
  const t = sources.timeoutMs;

  const local = (check: CheckName, value: string | undefined, valid: (v: string) => boolean, detail = {}) =>
    ({
      check,
      source: 'platform',
      outcome: value === undefined ? 'not_applicable' : valid(value) ? 'pass' : 'fail',
      detail,
      fetchedAt: now(),
    }) satisfies CheckResult;

  const fromSource = async <T>(
    check: CheckName,
    source: SourceName,
    call: (o: CallOptions) => Promise<Lookup<T>>,
    judge: (data: T) => { pass: boolean; detail: Record<string, unknown> },
  ): Promise<CheckResult> => {
    const answer = await ask(t, call);
    const fetchedAt = now();
    if (!answer.ok) {
      return {
        check,
        source,
        outcome: answer.outcome,
        detail: answer.code ? { code: answer.code } : {},
        fetchedAt,
      };
    }
    const { pass, detail } = judge(answer.data);
    return { check, source, outcome: pass ? 'pass' : 'fail', detail, fetchedAt };
  };

  const results: CheckResult[] = [
    local(
      'niss_check_digits',
      niss,
      (v) => parseNiss(v) !== undefined,
      niss && parseNiss(niss) ? { kind: nissKind(niss) } : {},
    ),
    local('enterprise_number_check_digits', enterprise, (v) => parseEnterpriseNumber(v) !== undefined),
    local(
      'fee_reference_check_digits',
      fee?.structuredReference,
      (v) => parseStructuredReference(v) !== undefined,
    ),
  ];
  const pending: Promise<CheckResult>[] = [];

  if (enterprise) {
    pending.push(
      fromSource(
        'kbo_enterprise_active',
        'kbo',
        (o) => sources.kbo.enterprise(enterprise, o),
        (e) => ({
          pass: e.status === 'active',
          detail: {
            name: e.name,
            status: e.status,
            legalForm: e.legalForm,
            startDate: e.startDate,
            seat: e.seat,
            nameMatchesDeclared:
              declaredName === undefined ? null : normalise(e.name) === normalise(declaredName),
          },
        }),
      ),
    );
  } else {
    // An employer not yet registered gives its registration data instead (Art. 20 §2 3°).
    results.push({
      check: 'kbo_enterprise_active',
      source: 'kbo',
      outcome: 'not_applicable',
      detail: { reason: 'no_enterprise_number' },
      fetchedAt: now(),
    });
  }

  if (enterprise && !isCard) {
    pending.push(
      fromSource(
        'onss_employer_registered',
        'onss',
        (o) => sources.onss.employer(enterprise, o),
        (e) => ({
          pass: e.registered,
          detail: {
            onssNumber: e.onssNumber,
            registeredSince: e.registeredSince,
            onssNumberMatchesDeclared:
              employment?.onssNumber === undefined ? null : employment.onssNumber === e.onssNumber,
          },
        }),
      ),
      fromSource(
        'dimona_employer',
        'onss',
        (o) => sources.onss.employerDimona(enterprise, o),
        (d) => ({
          pass: d.activeDeclarations > 0,
          detail: { activeDeclarations: d.activeDeclarations },
        }),
      ),
      fromSource(
        'dmfa_employer',
        'onss',
        (o) => sources.onss.employerDmfa(enterprise, quarters, o),
        (d) => {
          const last = d.quarters[0];
          const average =
            last && last.workers > 0 ? Math.round(last.grossWagesCents / last.workers / 3) : null;
          return {
            pass: (last?.workers ?? 0) > 0,
            detail: {
              quarters: d.quarters,
              averageMonthlyGrossCentsPerWorker: average,
              declaredGrossMonthlySalaryCents: declaredSalary ?? null,
            },
          };
        },
      ),
    );
    if (renewal && niss) {
      const today = legalDate(now());
      pending.push(
        fromSource(
          'dimona_worker',
          'onss',
          (o) => sources.onss.workerDimona(enterprise, niss, o),
          (d) => ({
            pass: d.declarations.some((x) => x.from <= today && (x.until === null || x.until >= today)),
            detail: { declarations: d.declarations },
          }),
        ),
        fromSource(
          'dmfa_worker_salary',
          'onss',
          (o) => sources.onss.workerDmfa(enterprise, niss, quarters, o),
          (d) => {
            const worked = d.quarters.filter((q) => q.daysWorked > 0);
            const average = worked.length
              ? Math.round(worked.reduce((sum, q) => sum + q.grossWagesCents, 0) / (worked.length * 3))
              : 0;
            return {
              pass: declaredSalary === undefined || average >= declaredSalary * SALARY_TOLERANCE,
              detail: {
                quarters: d.quarters,
                averageMonthlyGrossCents: average,
                declaredGrossMonthlySalaryCents: declaredSalary ?? null,
              },
            };
          },
        ),
      );
    }
  }

  const limosa = employment?.posting?.limosaReference;
  if (limosa && !isCard) {
    pending.push(
      fromSource(
        'limosa_declaration',
        'limosa',
        (o) => sources.limosa.declaration(limosa, niss, o),
        (l) => ({
          pass: l.status === 'valid' && l.matchesWorker !== false,
          detail: {
            status: l.status,
            from: l.from,
            until: l.until,
            sendingCountry: l.sendingCountry,
            matchesWorker: l.matchesWorker,
          },
        }),
      ),
    );
  }

  if (isCard && niss) {
    pending.push(
      fromSource(
        'inasti_affiliation',
        'inasti',
        (o) => sources.inasti.selfEmployed(niss, o),
        (s) => ({
          pass: s.affiliated,
          detail: s,
        }),
      ),
    );
  }

  return [...results, ...(await Promise.all(pending))];
}
