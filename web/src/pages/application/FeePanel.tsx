import { useState } from 'react';
import { formatIban } from '../../../../src/contract/identifiers';
import { Notice } from '../../components/Page';
import { Summary } from '../../components/Summary';
import { useI18n } from '../../i18n/context';
import { api, problemText } from '../../lib/api';
import type { Dossier } from '../../lib/types';
import { useSubmit } from '../../lib/useForm';

/**
 * Where the fee of a filed dossier stands, for the applicant and the examining authority alike;
 * the authority that may confirm the payment reached the collecting account does so here.
 */
export function FeePanel({ dossier, onChanged }: { dossier: Dossier; onChanged: () => void }) {
  const { t, formatMoney } = useI18n();
  const { busy, run } = useSubmit();
  const [error, setError] = useState<string | undefined>(undefined);
  const fee = dossier.fee;
  if (!fee) return null;
  const proofs = dossier.documents.filter((d) => d.type === 'fee_proof').length;
  return (
    <section aria-labelledby="fee-title" className="panel fee-panel">
      <h2 id="fee-title">{t('fee.title')}</h2>
      <Summary
        facts={[
          { term: t('fee.state.label'), detail: <strong>{t(`fee.state.${fee.state}`)}</strong> },
          fee.amountCents > 0 && { term: t('fee.amount'), detail: formatMoney(fee.amountCents) },
          fee.amountCents > 0 && {
            term: t('fee.reference'),
            detail: fee.paymentReference,
            className: 'mono',
          },
          !!fee.payTo && { term: t('fee.iban'), detail: formatIban(fee.payTo.iban), className: 'mono' },
          proofs > 0 && { term: t('fee.proof'), detail: String(proofs) },
        ]}
      />
      {error && <Notice kind="error">{error}</Notice>}
      {dossier.allowedActions.includes('confirm_fee_payment') && fee.state !== 'paid_confirmed' && (
        <p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void run(
                async () => {
                  await api('POST', `/dossiers/${dossier.id}/fee/confirmation`, {});
                  setError(undefined);
                  onChanged();
                },
                (e) => {
                  setError(problemText(e, t('error.generic')));
                },
              )
            }
          >
            {t('fee.confirm')}
          </button>
        </p>
      )}
    </section>
  );
}
