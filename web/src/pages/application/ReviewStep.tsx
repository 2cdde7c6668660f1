import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SectionName } from '../../../../src/contract/sections';
import { DataProtectionNotice } from '../../components/DataProtectionNotice';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Notice } from '../../components/Page';
import { Summary, procedureFacts, regionFact } from '../../components/Summary';
import { useI18n } from '../../i18n/context';
import { ApiError, api, problemText } from '../../lib/api';
import { documentLabel } from '../../lib/format';
import { SECTION_FIELDS, labelKey, toValues } from '../../lib/sections';
import type { Dossier } from '../../lib/types';
import { useSubmit } from '../../lib/useForm';
import { useDisplay } from '../parts/data/display';
import { missingTarget, missingText, stepOfSection, stepPath, type Step, type StepProps } from './steps';

/** A part of the review: its heading leads back to the step that changes it. */
function ReviewSection({
  dossierId,
  step,
  children,
}: {
  dossierId: string;
  step: Step;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <h2 id={`review-${step}`}>
        {t(`step.${step}` as const)}{' '}
        <Link className="small" to={stepPath(dossierId, step)}>
          {t('review.change')}
          <span className="visually-hidden"> {t(`step.${step}` as const)}</span>
        </Link>
      </h2>
      {children}
    </section>
  );
}

/** Everything the draft says, what is still missing, and the filing itself. */
export function ReviewStep({ dossier, setDossier }: Omit<StepProps, 'next'>) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<{ title: string; items: SummaryItem[] } | undefined>(undefined);
  const { busy, run } = useSubmit();
  // The same words for a value as the examination screen uses.
  const display = useDisplay({
    posts: true,
    municipalities: true,
    counters: dossier.procedure === 'professional_card',
  });

  const refresh = useCallback(() => {
    api<Dossier>('GET', `/dossiers/${dossier.id}`).then(setDossier, () => undefined);
  }, [dossier.id, setDossier]);
  useEffect(refresh, [refresh]);

  const sections: SectionName[] =
    dossier.procedure === 'professional_card'
      ? ['identity', 'residence', 'selfEmployed', 'fee']
      : ['identity', 'residence', 'employment', 'fee'];

  const missing = dossier.missing ?? [];
  const missingItems: SummaryItem[] = missing.map((m) => ({
    text: missingText(t, m),
    target: missingTarget(m),
  }));

  const file = () =>
    run(
      async () => {
        const filed = await api<Dossier>('POST', `/dossiers/${dossier.id}/submit`, {});
        void navigate(`/dossiers/${filed.id}`, { state: { filed: true } });
      },
      (e) => {
        if (e instanceof ApiError && e.missing.length) {
          setProblem({ title: e.title, items: e.missing.map((m) => ({ text: missingText(t, m) })) });
          refresh();
        } else {
          setProblem({
            title: t('errors.summaryTitle'),
            items: [{ text: problemText(e, t('error.generic')) }],
          });
        }
      },
    );

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
                  to={stepPath(
                    dossier.id,
                    m.kind === 'document'
                      ? m.name === 'fee_proof'
                        ? 'fee'
                        : 'documents'
                      : stepOfSection(m.section),
                  )}
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
      <Summary facts={[...procedureFacts(t, dossier), regionFact(t, dossier.region)]} />
      {sections.map((section) => {
        const values = toValues(section, dossier.sections[section]);
        const filled = SECTION_FIELDS[section].filter((s) => !s.local && values[s.path] !== undefined);
        return (
          <ReviewSection key={section} dossierId={dossier.id} step={stepOfSection(section)}>
            {filled.length === 0 ? (
              <p className="muted">{t('review.empty')}</p>
            ) : (
              <Summary
                facts={filled.map((spec) => ({
                  term: `${spec.group ? `${t(spec.group)} — ` : ''}${t(labelKey(section, spec))}`,
                  detail: display(spec, values[spec.path] ?? ''),
                }))}
              />
            )}
          </ReviewSection>
        );
      })}
      <ReviewSection dossierId={dossier.id} step="documents">
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
      </ReviewSection>
      <section className="review-section review-privacy" aria-labelledby="review-privacy">
        <h2 id="review-privacy">{t('review.privacy.title')}</h2>
        <p>{t('review.privacy.intro')}</p>
        <DataProtectionNotice
          procedure={dossier.procedure}
          region={dossier.region}
          level={3}
          idPrefix="review-dp-"
        />
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
