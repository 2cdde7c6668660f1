import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { SectionName } from '../../../../src/contract/sections';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Fieldset } from '../../components/fields';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n/context';
import { ApiError, api, problemText } from '../../lib/api';
import {
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
} from '../../lib/sections';
import type { Dossier } from '../../lib/types';
import { useSubmit } from '../../lib/useForm';
import { guideNotesKey, type GuideNotes } from '../Guide';
import { useCountryOptions, useOrganisations } from './choices';
import { EnterpriseNumberField, useEnterpriseLookup } from './EnterpriseLookup';
import { SectionField } from './SectionField';
import { stepPath, type StepProps } from './steps';

function readNotes(id: string): GuideNotes | undefined {
  try {
    const raw = sessionStorage.getItem(guideNotesKey(id));
    return raw ? (JSON.parse(raw) as GuideNotes) : undefined;
  } catch {
    return undefined;
  }
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
    // The employer is the applicant itself: its registered number is the only one accepted.
    if (!values['employer.enterpriseNumber'] && dossier.applicant.enterpriseNumber)
      values['employer.enterpriseNumber'] = dossier.applicant.enterpriseNumber;
    if (!values['employer.seatAddress.country']) values['employer.seatAddress.country'] = 'BE';
  }
  if (section === 'fee' && !values.structuredReference && dossier.fee) {
    values.structuredReference = dossier.fee.paymentReference;
  }
  return values;
}

/** One section of the form (identity, residence, the job or the activity, the payment), saved as a whole. */
export function SectionStep({ section, dossier, setDossier, next }: StepProps & { section: SectionName }) {
  const { t, lang, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(section, dossier));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const { busy, run } = useSubmit();
  const ctx: Context = { procedure: dossier.procedure, category: dossier.category, values };
  const choices = {
    countries: useCountryOptions(),
    posts: useOrganisations('post', section === 'residence'),
    municipalities: useOrganisations('municipality', section === 'residence'),
    counters: useOrganisations('business_counter', section === 'selfEmployed'),
  };
  const lookup = useEnterpriseLookup(
    section === 'employment' ? values['employer.enterpriseNumber'] : undefined,
    {
      own: dossier.applicant.enterpriseNumber,
      saved: (dossier.sections.employment?.employer as { enterpriseNumber?: string } | undefined)
        ?.enterpriseNumber,
      fill: setValues,
    },
  );

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
    await run(
      async () => {
        const updated = await api<Dossier>('PATCH', `/dossiers/${dossier.id}`, { [section]: patch });
        setDossier(updated);
        show([]);
        setSaved(formatDateTime(new Date().toISOString()));
        if (then === 'next' && next) void navigate(stepPath(dossier.id, next));
      },
      (e) => {
        if (e instanceof ApiError && e.errors.length) {
          show(
            e.errors.map((f) => ({
              path: f.field.replace(new RegExp(`^${section}\\.?`), ''),
              message: f.message,
            })),
          );
        } else {
          setErrors({});
          setSummary([{ text: problemText(e, t('error.generic')) }]);
        }
      },
    );
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
    const hint = hintKey(section, spec);
    const control = {
      id,
      label: t(labelKey(section, spec)),
      hint: hint ? t(hint) : undefined,
      error: errors[spec.path],
      optional: isOptional(section, spec, ctx),
      value: values[spec.path] ?? '',
      onChange: (v: string) => {
        setValues((prev) => ({ ...prev, [spec.path]: v }));
      },
    };
    return section === 'employment' && spec.path === 'employer.enterpriseNumber' ? (
      <EnterpriseNumberField key={id} {...control} width={spec.width} lookup={lookup} />
    ) : (
      <SectionField key={id} spec={spec} control={control} choices={choices} />
    );
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
