import { useEffect, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { Loading, Notice, Page } from '../components/Page';
import { useI18n } from '../i18n/context';
import { api, problemText } from '../lib/api';
import type { Dossier } from '../lib/types';
import { DocumentsStep } from './application/DocumentsStep';
import { FeeStep } from './application/FeeStep';
import { ReviewStep } from './application/ReviewStep';
import { SectionStep } from './application/SectionStep';
import { stepOfSection, stepPath, stepsOf, type Step } from './application/steps';

/**
 * Art. 28: the rights are stated on the form itself, on every step. The notice opens in a new tab
 * so what is typed in the step is not lost.
 */
function RightsLine() {
  const { t } = useI18n();
  return (
    <p className="rights-line">
      <a href="/privacy#rights" target="_blank" rel="noopener noreferrer">
        {t('form.rightsLink')} <span className="small">{t('form.rightsNewTab')}</span>
      </a>
    </p>
  );
}

/** The form of a draft, one step a page: each step is in ./application/. */
export function Application() {
  const { id = '', step = 'identity' } = useParams();
  const { t } = useI18n();
  const [dossier, setDossier] = useState<Dossier | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);

  useEffect(() => {
    api<Dossier>('GET', `/dossiers/${id}`).then(setDossier, (e: unknown) => {
      setLoadError(problemText(e, t('error.generic')));
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
  if (!current) return <Navigate to={stepPath(dossier.id, steps[0] ?? 'identity')} replace />;
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
              <Link to={stepPath(dossier.id, s)} aria-current={s === step ? 'step' : undefined}>
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>{' '}
                <span className="step-label">{t(`step.${s}` as const)}</span>
                {s !== 'review' && missingSections.has(s) && (
                  <span className="visually-hidden"> ({t('form.stepIncomplete')})</span>
                )}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <p className="muted">{t('form.progress', { n: index + 1, total: steps.length })}</p>
      <RightsLine />
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
