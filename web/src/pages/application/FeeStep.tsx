import { useState } from 'react';
import { Announcer, Loading, Notice } from '../../components/Page';
import { Summary } from '../../components/Summary';
import { useI18n } from '../../i18n/context';
import { DocumentRow } from '../parts/DocumentRow';
import { ContinueLink } from './ContinueLink';
import { SectionStep } from './SectionStep';
import type { StepProps } from './steps';
import { useChecklist } from './useChecklist';

/** The fee: the amount and the reference to pay with, the proof of payment, and when it was paid. */
export function FeeStep({ dossier, setDossier, next }: StepProps) {
  const { t, formatMoney } = useI18n();
  const checklist = useChecklist(dossier);
  const [announcement, setAnnouncement] = useState('');
  const fee = dossier.fee ?? checklist?.fee;
  if (!fee) return <Loading />;
  if (fee.amountCents === 0) {
    return (
      <>
        <Notice kind="info">{t('fee.none')}</Notice>
        <ContinueLink dossierId={dossier.id} next={next} />
      </>
    );
  }
  return (
    <>
      <p>{t('fee.intro')}</p>
      <Summary
        className="fee-box"
        facts={[
          { term: t('fee.amount'), detail: formatMoney(fee.amountCents), className: 'big' },
          { term: t('fee.reference'), detail: dossier.fee?.paymentReference ?? '', className: 'big mono' },
        ]}
      />
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
