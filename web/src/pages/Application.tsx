import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import type { SectionName } from '../../../src/contract/sections';
import { parseEnterpriseNumber } from '../../../src/contract/identifiers';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { Fieldset, RadioGroup, SelectField, TextField, type Option } from '../components/fields';
import { Loading, Notice, Page } from '../components/Page';
import { DICTIONARIES, type MessageKey } from '../i18n';
import { useI18n, type I18n } from '../i18n/context';
import { ApiError, api } from '../lib/api';
import { documentLabel } from '../lib/format';
import {
  COUNTRY_CODES,
  SECTION_FIELDS,
  buildPatch,
  hintKey,
  inputId,
  isOptional,
  labelKey,
  specFor,
  toValues,
  validateSection,
  type Context,
  type FieldSpec,
} from '../lib/sections';
import type { Checklist, Dossier, DocumentView, Organisation } from '../lib/types';
import { guideNotesKey, type GuideNotes } from './Guide';
import { DocumentRow } from './parts/DocumentRow';

export type Step = 'identity' | 'residence' | 'employment' | 'selfEmployed' | 'documents' | 'fee' | 'review';

export function stepsOf(dossier: Dossier): Step[] {
  return dossier.procedure === 'professional_card'
    ? ['identity', 'residence', 'selfEmployed', 'documents', 'fee', 'review']
    : ['identity', 'residence', 'employment', 'documents', 'fee', 'review'];
}

export const stepOfSection = (section: string | undefined): Step =>
  section === 'identity' ||
  section === 'residence' ||
  section === 'employment' ||
  section === 'selfEmployed' ||
  section === 'fee'
    ? section
    : 'documents';

function readNotes(id: string): GuideNotes | undefined {
  try {
    const raw = sessionStorage.getItem(guideNotesKey(id));
    return raw ? (JSON.parse(raw) as GuideNotes) : undefined;
  } catch {
    return undefined;
  }
}

/** The text of a missing item: "The job — Job title", "Document: Passport". */
export function missingText(t: I18n['t'], item: { kind: string; section?: string; name: string }): string {
  if (item.kind === 'document')
    return t('review.missing.document', { document: documentLabel(t, item.name) });
  const section = item.section ?? '';
  const key = `f.${section}.${item.name}`;
  const groupKey = `g.${section}.${item.name}`;
  const field =
    key in DICTIONARIES.en
      ? t(key as MessageKey)
      : groupKey in DICTIONARIES.en
        ? t(groupKey as MessageKey)
        : item.name;
  const stepKey = `step.${stepOfSection(section)}`;
  return t('review.missing.field', { section: t(stepKey as MessageKey), field });
}

export function missingTarget(item: { kind: string; section?: string; name: string }): string {
  if (item.kind === 'document') return `upload-${item.name}`;
  const section = (item.section ?? 'identity') as SectionName;
  const spec = specFor(section, item.name);
  return inputId(section, spec?.path ?? item.name);
}

export function Application() {
  const { id = '', step = 'identity' } = useParams();
  const { t } = useI18n();
  const [dossier, setDossier] = useState<Dossier | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);

  useEffect(() => {
    api<Dossier>('GET', `/dossiers/${id}`).then(setDossier, (e: unknown) => {
      setLoadError(e instanceof ApiError && e.title ? e.title : t('error.generic'));
    });
  }, [id, t]);

  if (loadError)
    return (
      <Page title={t('error.title')}>
        <Notice kind="error">{loadError}</Notice>
      </Page>
    );
  if (!dossier)
    return (
      <Page title={t('common.loading')}>
        <Loading />
      </Page>
    );
  if (dossier.state !== 'draft') return <Navigate to={`/dossiers/${dossier.id}`} replace />;
  const steps = stepsOf(dossier);
  const current = steps.find((s) => s === step);
  if (!current) return <Navigate to={`/dossiers/${dossier.id}/edit/${steps[0] ?? 'identity'}`} replace />;
  return <Wizard dossier={dossier} step={current} steps={steps} setDossier={setDossier} />;
}

function Wizard({
  dossier,
  step,
  steps,
  setDossier,
}: {
  dossier: Dossier;
  step: Step;
  steps: Step[];
  setDossier: (d: Dossier) => void;
}) {
  const { t } = useI18n();
  const index = steps.indexOf(step);
  const next = steps[index + 1];
  const stepTitle = t(`step.${step}` as const);
  const missingSections = new Set(
    (dossier.missing ?? []).map((m) => (m.kind === 'document' ? 'documents' : stepOfSection(m.section))),
  );
  return (
    <Page title={`${stepTitle} — ${dossier.reference}`}>
      <p className="muted">
        {t('form.draftOf', {
          reference: dossier.reference,
          category: t(`category.${dossier.category}` as const),
        })}
        {dossier.applicant.name && ` · ${dossier.applicant.name}`}
      </p>
      <nav aria-label={t('form.stepsNav')} className="step-nav">
        <ol>
          {steps.map((s, i) => (
            <li key={s} className={s === step ? 'current' : ''}>
              <Link to={`/dossiers/${dossier.id}/edit/${s}`} aria-current={s === step ? 'step' : undefined}>
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>{' '}
                {t(`step.${s}` as const)}
                {s !== 'review' && missingSections.has(s) && (
                  <span className="visually-hidden"> ({t('form.stepIncomplete')})</span>
                )}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <p className="muted">{t('form.progress', { n: index + 1, total: steps.length })}</p>
      {step === 'documents' ? (
        <DocumentsStep dossier={dossier} setDossier={setDossier} next={next} />
      ) : step === 'fee' ? (
        <FeeStep dossier={dossier} setDossier={setDossier} next={next} />
      ) : step === 'review' ? (
        <ReviewStep dossier={dossier} setDossier={setDossier} />
      ) : (
        <SectionStep key={step} section={step} dossier={dossier} setDossier={setDossier} next={next} />
      )}
    </Page>
  );
}

function useOrganisations(kind: 'post' | 'municipality', wanted: boolean): Option[] {
  const [items, setItems] = useState<Option[]>([]);
  useEffect(() => {
    if (!wanted) return;
    api<{ items: Organisation[] }>('GET', `/organisations?kind=${kind}`).then(
      (r) => {
        setItems(r.items.map((o) => ({ value: o.id, label: o.name })));
      },
      () => undefined,
    );
  }, [kind, wanted]);
  return items;
}

function useCountryOptions(): Option[] {
  const { countryName, lang } = useI18n();
  return useMemo(
    () =>
      COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) =>
        a.label.localeCompare(b.label, lang),
      ),
    [countryName, lang],
  );
}

interface StepProps {
  dossier: Dossier;
  setDossier: (d: Dossier) => void;
  next: Step | undefined;
}

function initialValues(section: SectionName, dossier: Dossier): Record<string, string> {
  const stored = dossier.sections[section];
  const values = toValues(section, stored);
  const notes = readNotes(dossier.id);
  if (section === 'employment') {
    const posting = stored?.posting;
    values.posted = posting ? 'true' : notes ? String(notes.posted) : '';
    // The guide already asked where the work is and who applies: nothing is asked twice.
    if (!values['workplace.postcode'] && notes?.postcode) values['workplace.postcode'] = notes.postcode;
    if (!values['workplace.municipality'] && notes?.locality)
      values['workplace.municipality'] = notes.locality;
    if (!values['employer.name'] && dossier.applicant.name) values['employer.name'] = dossier.applicant.name;
    if (!values['employer.seatAddress.country']) values['employer.seatAddress.country'] = 'BE';
  }
  if (section === 'fee' && !values.structuredReference && dossier.fee) {
    values.structuredReference = dossier.fee.paymentReference;
  }
  return values;
}

function SectionStep({ section, dossier, setDossier, next }: StepProps & { section: SectionName }) {
  const { t, lang, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(section, dossier));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const countries = useCountryOptions();
  const ctx: Context = { procedure: dossier.procedure, category: dossier.category, values };
  const posts = useOrganisations('post', section === 'residence');
  const municipalities = useOrganisations('municipality', section === 'residence');

  // Once-only (Art. 20 §2 3°): a valid enterprise number fills the employer's name and seat from
  // the Crossroads Bank for Enterprises. A number already saved is not looked up again, so a
  // reopened draft keeps what the employer corrected.
  const enterpriseInput = section === 'employment' ? values['employer.enterpriseNumber'] : undefined;
  const lookedUp = useRef<string | undefined>(
    parseEnterpriseNumber(initialValues(section, dossier)['employer.enterpriseNumber'] ?? ''),
  );
  const [lookup, setLookup] = useState<{ kind: 'success' | 'warning'; text: string } | undefined>(undefined);
  useEffect(() => {
    const number = parseEnterpriseNumber(enterpriseInput ?? '');
    if (!number || number === lookedUp.current) return;
    lookedUp.current = number;
    let live = true;
    api<{
      name: string;
      seat: { street: string; number: string; postcode: string; municipality: string };
    }>('GET', `/enterprises/${number}`)
      .then((e) => {
        if (!live) return;
        setValues((prev) => ({
          ...prev,
          'employer.name': e.name,
          'employer.seatAddress.street': e.seat.street,
          'employer.seatAddress.number': e.seat.number,
          'employer.seatAddress.postcode': e.seat.postcode,
          'employer.seatAddress.municipality': e.seat.municipality,
        }));
        setLookup({ kind: 'success', text: t('employer.lookupDone') });
      })
      .catch((err: unknown) => {
        if (!live) return;
        setLookup({
          kind: 'warning',
          text:
            err instanceof ApiError && err.status === 404
              ? t('employer.lookupNotFound')
              : err instanceof ApiError
                ? err.title
                : t('error.generic'),
        });
      });
    return () => {
      live = false;
    };
  }, [enterpriseInput, t]);

  // Arriving from the review's "still missing" list: focus the field named.
  useEffect(() => {
    const focus = (location.state as { focus?: string } | null)?.focus;
    if (focus) document.getElementById(focus)?.focus();
  }, [location.state]);

  const show = (messages: { path: string; message: string }[]) => {
    const byField: Record<string, string> = {};
    const items: SummaryItem[] = [];
    for (const m of messages) {
      const spec = specFor(section, m.path);
      const path = spec?.path ?? m.path;
      if (byField[path]) continue;
      byField[path] = m.message;
      items.push({
        target: spec ? inputId(section, spec.path) : undefined,
        text: spec ? `${t(labelKey(section, spec))}: ${m.message}` : m.message,
      });
    }
    setErrors(byField);
    setSummary(items);
  };

  const save = async (then: 'stay' | 'next') => {
    const { value, patch } = buildPatch(section, ctx, dossier.sections[section]);
    const local = validateSection(section, value, lang);
    if (local.length) {
      show(local);
      return;
    }
    setBusy(true);
    try {
      const updated = await api<Dossier>('PATCH', `/dossiers/${dossier.id}`, { [section]: patch });
      setDossier(updated);
      show([]);
      setSaved(formatDateTime(new Date().toISOString()));
      if (then === 'next' && next) void navigate(`/dossiers/${dossier.id}/edit/${next}`);
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) {
        show(
          e.errors.map((f) => ({
            path: f.field.replace(new RegExp(`^${section}\\.?`), ''),
            message: f.message,
          })),
        );
      } else {
        setErrors({});
        setSummary([{ text: e instanceof ApiError && e.title ? e.title : t('error.generic') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const visible = SECTION_FIELDS[section].filter((s) => !s.when || s.when(ctx));
  // Consecutive fields of one group share a fieldset.
  const groups: { group: MessageKey | undefined; specs: FieldSpec[] }[] = [];
  for (const spec of visible) {
    const last = groups[groups.length - 1];
    if (last && last.group === spec.group) last.specs.push(spec);
    else groups.push({ group: spec.group, specs: [spec] });
  }

  const render = (spec: FieldSpec) => {
    const id = inputId(section, spec.path);
    const common = {
      id,
      label: t(labelKey(section, spec)),
      hint: hintKey(section, spec) ? t(hintKey(section, spec) as MessageKey) : undefined,
      error: errors[spec.path],
      optional: isOptional(section, spec, ctx),
      value: values[spec.path] ?? '',
      onChange: (v: string) => {
        setValues((prev) => ({ ...prev, [spec.path]: v }));
      },
    };
    switch (spec.kind) {
      case 'country':
        return <SelectField key={id} {...common} options={countries} />;
      case 'sex':
        return (
          <RadioGroup
            key={id}
            {...common}
            options={(['F', 'M', 'X'] as const).map((s) => ({ value: s, label: t(`sex.${s}` as const) }))}
          />
        );
      case 'abroad':
        return (
          <RadioGroup
            key={id}
            {...common}
            options={[
              { value: 'true', label: t('guide.abroad.abroad') },
              { value: 'false', label: t('guide.abroad.belgium') },
            ]}
          />
        );
      case 'yesno':
        return (
          <RadioGroup
            key={id}
            {...common}
            options={[
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]}
          />
        );
      case 'post':
        return <SelectField key={id} {...common} options={posts} />;
      case 'municipality':
        return <SelectField key={id} {...common} options={municipalities} />;
      case 'ictRole':
        return (
          <SelectField
            key={id}
            {...common}
            options={(['manager', 'specialist', 'trainee'] as const).map((r) => ({
              value: r,
              label: t(`ictRole.${r}` as const),
            }))}
          />
        );
      case 'number':
      case 'money':
        return <TextField key={id} {...common} inputMode="decimal" width={spec.width} />;
      case 'date':
        return <TextField key={id} {...common} type="date" width="medium" />;
      case 'email':
        return <TextField key={id} {...common} type="email" autoComplete="off" />;
      case 'tel':
        return <TextField key={id} {...common} type="tel" inputMode="tel" width="medium" />;
      case 'text':
        if (section === 'employment' && spec.path === 'employer.enterpriseNumber') {
          return (
            <div key={id}>
              <TextField {...common} width={spec.width} />
              <p className="hint">{t('employer.lookupHint')}</p>
              <div aria-live="polite" className="lookup">
                {lookup && <p className={`notice notice-${lookup.kind}`}>{lookup.text}</p>}
              </div>
            </div>
          );
        }
        return <TextField key={id} {...common} width={spec.width} />;
    }
  };

  return (
    <>
      <p>{t(`intro.${section}` as const)}</p>
      <ErrorSummary items={summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save('next');
        }}
      >
        {groups.map((g, i) =>
          g.group ? (
            <Fieldset key={`${g.group}-${String(i)}`} legend={t(g.group)}>
              {g.specs.map(render)}
            </Fieldset>
          ) : (
            g.specs.map(render)
          ),
        )}
        <div aria-live="polite" className="saved">
          {saved && <p className="saved-note">{t('form.savedAt', { time: saved })}</p>}
        </div>
        <p className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('form.saveContinue')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => void save('stay')}
          >
            {t('form.saveDraft')}
          </button>
        </p>
      </form>
    </>
  );
}

function useChecklist(dossier: Dossier): Checklist | undefined {
  const [checklist, setChecklist] = useState<Checklist | undefined>(undefined);
  const residence = dossier.sections.residence;
  const employment = dossier.sections.employment as
    { employer?: { enterpriseNumber?: string }; posting?: unknown } | undefined;
  const selfEmployed = dossier.sections.selfEmployed as { enterpriseNumber?: string } | undefined;
  const params = new URLSearchParams({ procedure: dossier.procedure, category: dossier.category });
  if (dossier.region) params.set('region', dossier.region);
  if (typeof residence?.abroad === 'boolean') params.set('abroad', String(residence.abroad));
  params.set('posted', String(employment?.posting !== undefined));
  const hasNumber =
    dossier.procedure === 'professional_card'
      ? selfEmployed?.enterpriseNumber !== undefined
      : employment?.employer?.enterpriseNumber !== undefined;
  if (dossier.procedure === 'professional_card' ? selfEmployed : employment?.employer)
    params.set('hasEnterpriseNumber', String(hasNumber));
  if (dossier.longTermMobility) params.set('longTermMobility', 'true');
  const query = params.toString();
  useEffect(() => {
    let live = true;
    api<Checklist>('GET', `/rules/checklist?${query}`).then(
      (c) => {
        if (live) setChecklist(c);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [query]);
  return checklist;
}

function Announcer({ text }: { text: string }) {
  return (
    <div aria-live="polite" className="visually-hidden" role="status">
      {text}
    </div>
  );
}

function DocumentsStep({ dossier, setDossier, next }: StepProps) {
  const { t } = useI18n();
  const checklist = useChecklist(dossier);
  const [announcement, setAnnouncement] = useState('');
  const [otherType, setOtherType] = useState('other');
  const byType = (type: string): DocumentView[] => dossier.documents.filter((d) => d.type === type);
  if (!checklist) return <Loading />;
  const required = checklist.documents.filter((d) => d.documentType !== 'fee_proof');
  const requiredTypes = new Set(checklist.documents.map((d) => d.documentType));
  const extra = [...new Set(dossier.documents.map((d) => d.type))].filter((type) => !requiredTypes.has(type));
  const missing = required.filter((d) => byType(d.documentType).length === 0);
  return (
    <>
      <p>{t('docs.intro')}</p>
      <p>{t('docs.formats')}</p>
      <Announcer text={announcement} />
      {missing.length === 0 ? (
        <Notice kind="success">{t('docs.allPresent')}</Notice>
      ) : (
        <Notice kind="info">{t('docs.missingCount', { count: missing.length })}</Notice>
      )}
      <h2>{t('docs.required')}</h2>
      <ul className="doc-list">
        {required.map((d) => (
          <DocumentRow
            key={d.documentType}
            dossierId={dossier.id}
            type={d.documentType}
            special={d.special}
            legalSource={d.legalSource}
            existing={byType(d.documentType)}
            editable
            required
            onChange={(updated) => {
              setDossier(updated);
            }}
            announce={setAnnouncement}
          />
        ))}
      </ul>
      {extra.length > 0 && (
        <>
          <h2>{t('docs.other')}</h2>
          <ul className="doc-list">
            {extra.map((type) => (
              <DocumentRow
                key={type}
                dossierId={dossier.id}
                type={type}
                existing={byType(type)}
                editable
                required={false}
                onChange={setDossier}
                announce={setAnnouncement}
              />
            ))}
          </ul>
        </>
      )}
      <details className="panel">
        <summary>{t('docs.addOther')}</summary>
        <SelectField
          id="other-type"
          label={t('docs.type')}
          value={otherType}
          onChange={setOtherType}
          options={OPTIONAL_TYPES.filter((type) => !requiredTypes.has(type)).map((type) => ({
            value: type,
            label: documentLabel(t, type),
          }))}
        />
        {otherType && (
          <ul className="doc-list">
            <DocumentRow
              key={`other-${otherType}`}
              dossierId={dossier.id}
              type={otherType}
              existing={[]}
              editable
              required={false}
              onChange={setDossier}
              announce={setAnnouncement}
            />
          </ul>
        )}
      </details>
      {next && (
        <p className="actions">
          <Link className="button" to={`/dossiers/${dossier.id}/edit/${next}`}>
            {t('common.continue')}
          </Link>
        </p>
      )}
    </>
  );
}

const OPTIONAL_TYPES = [
  'address_proof',
  'residence_permit',
  'visa_d',
  'diploma',
  'qualification',
  'health_insurance',
  'subsistence',
  'payslips',
  'other',
];

function FeeStep({ dossier, setDossier, next }: StepProps) {
  const { t, formatMoney } = useI18n();
  const checklist = useChecklist(dossier);
  const [announcement, setAnnouncement] = useState('');
  const fee = dossier.fee ?? checklist?.fee;
  if (!fee) return <Loading />;
  if (fee.amountCents === 0) {
    return (
      <>
        <Notice kind="info">{t('fee.none')}</Notice>
        {next && (
          <p className="actions">
            <Link className="button" to={`/dossiers/${dossier.id}/edit/${next}`}>
              {t('common.continue')}
            </Link>
          </p>
        )}
      </>
    );
  }
  const reference = dossier.fee?.paymentReference ?? '';
  return (
    <>
      <p>{t('fee.intro')}</p>
      <dl className="summary fee-box">
        <div>
          <dt>{t('fee.amount')}</dt>
          <dd className="big">{formatMoney(fee.amountCents)}</dd>
        </div>
        <div>
          <dt>{t('fee.reference')}</dt>
          <dd className="big mono">{reference}</dd>
        </div>
      </dl>
      <details>
        <summary>{t('docs.why')}</summary>
        <p className="hint">{fee.legalSource}</p>
      </details>
      <Announcer text={announcement} />
      <h2>{t('fee.proof')}</h2>
      <ul className="doc-list">
        <DocumentRow
          dossierId={dossier.id}
          type="fee_proof"
          existing={dossier.documents.filter((d) => d.type === 'fee_proof')}
          editable
          required
          onChange={setDossier}
          announce={setAnnouncement}
        />
      </ul>
      <h2>{t('fee.payment')}</h2>
      <SectionStep section="fee" dossier={dossier} setDossier={setDossier} next={next} />
    </>
  );
}

function ReviewStep({ dossier, setDossier }: { dossier: Dossier; setDossier: (d: Dossier) => void }) {
  const { t, countryName, formatDate, formatMoney } = useI18n();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<{ title: string; items: SummaryItem[] } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const posts = useOrganisations('post', true);
  const municipalities = useOrganisations('municipality', true);

  const refresh = useCallback(() => {
    api<Dossier>('GET', `/dossiers/${dossier.id}`).then(setDossier, () => undefined);
  }, [dossier.id, setDossier]);
  useEffect(refresh, [refresh]);

  const sections: SectionName[] =
    dossier.procedure === 'professional_card'
      ? ['identity', 'residence', 'selfEmployed', 'fee']
      : ['identity', 'residence', 'employment', 'fee'];

  const display = (spec: FieldSpec, raw: string): string => {
    switch (spec.kind) {
      case 'country':
        return countryName(raw);
      case 'date':
        return formatDate(raw);
      case 'sex':
        return t(`sex.${raw as 'F' | 'M' | 'X'}` as const);
      case 'abroad':
        return raw === 'true' ? t('guide.abroad.abroad') : t('guide.abroad.belgium');
      case 'yesno':
        return raw === 'true' ? t('common.yes') : t('common.no');
      case 'post':
        return posts.find((p) => p.value === raw)?.label ?? raw;
      case 'municipality':
        return municipalities.find((p) => p.value === raw)?.label ?? raw;
      case 'money':
        return formatMoney(Math.round(Number(raw) * 100));
      case 'ictRole':
        return t(`ictRole.${raw as 'manager' | 'specialist' | 'trainee'}` as const);
      case 'text':
      case 'email':
      case 'tel':
      case 'number':
        return raw;
    }
  };

  const missing = dossier.missing ?? [];
  const missingItems: SummaryItem[] = missing.map((m) => ({
    text: missingText(t, m),
    target: missingTarget(m),
  }));

  const file = async () => {
    setBusy(true);
    try {
      const filed = await api<Dossier>('POST', `/dossiers/${dossier.id}/submit`, {});
      void navigate(`/dossiers/${filed.id}`, { state: { filed: true } });
    } catch (e) {
      if (e instanceof ApiError && e.missing.length) {
        setProblem({ title: e.title, items: e.missing.map((m) => ({ text: missingText(t, m) })) });
        refresh();
      } else {
        setProblem({
          title: t('errors.summaryTitle'),
          items: [{ text: e instanceof ApiError && e.title ? e.title : t('error.generic') }],
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t('review.intro')}</p>
      {problem && <ErrorSummary title={problem.title} items={problem.items} />}
      {missing.length > 0 ? (
        <section className="notice notice-warning" aria-labelledby="missing-title">
          <h2 id="missing-title">{t('review.missing.title')}</h2>
          <ul className="missing-list">
            {missing.map((m, i) => (
              <li key={`${m.kind}-${m.section ?? ''}-${m.name}-${String(i)}`}>
                <Link
                  to={`/dossiers/${dossier.id}/edit/${m.kind === 'document' ? (m.name === 'fee_proof' ? 'fee' : 'documents') : stepOfSection(m.section)}`}
                  state={{ focus: missingItems[i]?.target }}
                >
                  {missingItems[i]?.text}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <Notice kind="success">{t('review.complete')}</Notice>
      )}
      <dl className="summary">
        <div>
          <dt>{t('guide.proposal.procedure')}</dt>
          <dd>{t(`procedure.${dossier.procedure}` as const)}</dd>
        </div>
        <div>
          <dt>{t('guide.proposal.category')}</dt>
          <dd>{t(`category.${dossier.category}` as const)}</dd>
        </div>
        <div>
          <dt>{t('dossier.region')}</dt>
          <dd>{dossier.region ? t(`region.${dossier.region as 'flanders'}` as const) : '—'}</dd>
        </div>
      </dl>
      {sections.map((section) => {
        const values = toValues(section, dossier.sections[section]);
        const filled = SECTION_FIELDS[section].filter((s) => !s.local && values[s.path] !== undefined);
        return (
          <section key={section} className="review-section" aria-labelledby={`review-${section}`}>
            <h2 id={`review-${section}`}>
              {t(`step.${stepOfSection(section)}` as const)}{' '}
              <Link className="small" to={`/dossiers/${dossier.id}/edit/${stepOfSection(section)}`}>
                {t('review.change')}
                <span className="visually-hidden"> {t(`step.${stepOfSection(section)}` as const)}</span>
              </Link>
            </h2>
            {filled.length === 0 ? (
              <p className="muted">{t('review.empty')}</p>
            ) : (
              <dl className="summary">
                {filled.map((spec) => (
                  <div key={spec.path}>
                    <dt>
                      {spec.group ? `${t(spec.group)} — ` : ''}
                      {t(labelKey(section, spec))}
                    </dt>
                    <dd>{display(spec, values[spec.path] ?? '')}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        );
      })}
      <section className="review-section" aria-labelledby="review-documents">
        <h2 id="review-documents">
          {t('step.documents')}{' '}
          <Link className="small" to={`/dossiers/${dossier.id}/edit/documents`}>
            {t('review.change')}
            <span className="visually-hidden"> {t('step.documents')}</span>
          </Link>
        </h2>
        {dossier.documents.length === 0 ? (
          <p className="muted">{t('review.empty')}</p>
        ) : (
          <ul>
            {dossier.documents.map((d) => (
              <li key={d.id}>
                {documentLabel(t, d.type)}
                {d.fileName ? ` — ${d.fileName}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="hint">{t('review.declaration')}</p>
      <p className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void file()}>
          {t('review.file')}
        </button>
      </p>
    </>
  );
}
