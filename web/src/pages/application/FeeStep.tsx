import { useState } from 'react';
import { formatIban } from '../../../../src/contract/identifiers';
import { Announcer, Loading, Notice } from '../../components/Page';
import { Summary } from '../../components/Summary';
import { useI18n } from '../../i18n/context';
import { DocumentRow } from '../parts/DocumentRow';
import { ContinueLink } from './ContinueLink';
import { PaymentQr } from './PaymentQr';
import { SectionStep } from './SectionStep';
import type { StepProps } from './steps';
import { useChecklist } from './useChecklist';

/**
 * The fee: the amount, the collecting authority's account and the structured communication to pay
 * with (or the QR code a banking app reads), the proof of payment, and where the payment stands.
 */
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
  const reference = dossier.fee?.paymentReference ?? '';
  const payTo = dossier.fee?.payTo ?? null;
  const state = dossier.fee?.state;
  return (
    <>
      <p>{t('fee.intro')}</p>
      <Summary
        className="fee-box"
        facts={[
          !!state && { term: t('fee.state.label'), detail: t(`fee.state.${state}`) },
          { term: t('fee.amount'), detail: formatMoney(fee.amountCents), className: 'big' },
          !!payTo && { term: t('fee.beneficiary'), detail: payTo.beneficiary },
          !!payTo && { term: t('fee.iban'), detail: formatIban(payTo.iban), className: 'big mono' },
          !!payTo && { term: t('fee.bic'), detail: payTo.bic, className: 'mono' },
          { term: t('fee.reference'), detail: reference, className: 'big mono' },
        ]}
      />
      {payTo && dossier.fee?.epcQr ? (
        <PaymentQr
          payload={dossier.fee.epcQr}
          alt={t('fee.qr.alt', {
            amount: formatMoney(fee.amountCents),
            beneficiary: payTo.beneficiary,
            iban: formatIban(payTo.iban),
            reference,
          })}
        />
      ) : (
        <Notice kind="warning">{t('fee.noAccount')}</Notice>
      )}
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
