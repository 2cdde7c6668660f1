import { useState } from 'react';
import type { AuditVerification } from '../../../../src/contract/oversight';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import { api, problemText } from '../../lib/api';
import { useSubmit } from '../../lib/useForm';

/** The audit trail verified on demand: every entry's link and the heads published outside the database. */
export function AuditCheck() {
  const { t, formatDateTime } = useI18n();
  const [result, setResult] = useState<AuditVerification | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const { busy, run } = useSubmit();
  const verify = () =>
    run(
      async () => {
        setProblem(undefined);
        setResult(await api<AuditVerification>('GET', '/audit/verification'));
      },
      (e) => {
        setProblem(problemText(e, t('error.generic')));
      },
    );
  return (
    <section aria-labelledby="oversight-audit-title">
      <h2 id="oversight-audit-title">{t('oversight.audit.title')}</h2>
      <p>{t('oversight.audit.lead')}</p>
      <p>
        <button type="button" className="button" disabled={busy} onClick={() => void verify()}>
          {t('oversight.audit.verify')}
        </button>
      </p>
      {problem && <ErrorSummary items={[{ text: problem }]} />}
      {result && (
        <Notice
          kind={result.intact ? 'success' : 'error'}
          title={
            result.intact
              ? t('oversight.audit.intact')
              : t('oversight.audit.broken', { seq: result.brokenAt ?? 0 })
          }
        >
          <p className="audit-result">
            {t('oversight.audit.entries', { count: result.entries })}
            {result.head &&
              ` ${t('oversight.audit.head', { seq: result.head.seq, hash: result.head.hash.slice(0, 16) })}`}
          </p>
          <p>
            {result.publishedHeads.checked === 0
              ? t('oversight.audit.noHeads')
              : result.publishedHeads.agree
                ? t('oversight.audit.headsAgree', { count: result.publishedHeads.checked })
                : t('oversight.audit.headsDisagree')}
          </p>
          {result.reason && <p>{t('oversight.audit.reason', { reason: result.reason })}</p>}
          <p className="muted">{t('oversight.audit.at', { at: formatDateTime(result.verifiedAt) })}</p>
        </Notice>
      )}
    </section>
  );
}
