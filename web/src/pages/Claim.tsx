import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { Notice, Page } from '../components/Page';
import { useI18n } from '../i18n/context';
import { ApiError, api } from '../lib/api';
import { useSession } from '../lib/session';
import type { Dossier } from '../lib/types';

/**
 * The worker links the dossier filed for them (Art. 24, 28): reference, passport number and birth
 * date go in the request body, never in a URL; the code comes by e-mail.
 */
export function Claim() {
  const { t } = useI18n();
  const { session, platform } = useSession();
  const navigate = useNavigate();
  const [reference, setReference] = useState('');
  const [passportNumber, setPassportNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [claimId, setClaimId] = useState<string | undefined>(undefined);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  if (session && session.organisation.kind !== 'worker') {
    return (
      <Page title={t('claim.title')}>
        <Notice kind="info">{t('claim.onlyWorkers')}</Notice>
      </Page>
    );
  }

  const start = async () => {
    const problems: SummaryItem[] = [];
    const ref = reference.trim().toUpperCase();
    if (!/^SW-\d{4}-\d{6}$/.test(ref))
      problems.push({ target: 'claim-reference', text: t('claim.referenceInvalid') });
    if (passportNumber.trim().length < 5)
      problems.push({ target: 'claim-passport', text: t('claim.passportInvalid') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate))
      problems.push({ target: 'claim-birthdate', text: t('claim.birthDateInvalid') });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      const res = await api<{ claimId: string }>('POST', '/claims', {
        reference: ref,
        passportNumber: passportNumber.trim(),
        birthDate,
      });
      setClaimId(res.claimId);
    } catch (e) {
      setErrors([{ text: e instanceof ApiError && e.title ? e.title : t('error.generic') }]);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!/^\d{6}$/.test(code.trim())) {
      setErrors([{ target: 'claim-code', text: t('claim.codeInvalid') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const dossier = await api<Dossier>('POST', `/claims/${claimId ?? ''}/confirm`, { code: code.trim() });
      void navigate(`/dossiers/${dossier.id}`);
    } catch (e) {
      setErrors([
        { target: 'claim-code', text: e instanceof ApiError && e.title ? e.title : t('error.generic') },
      ]);
    } finally {
      setBusy(false);
    }
  };

  const err = (id: string) => errors.find((e) => e.target === id)?.text;

  return (
    <Page
      title={claimId ? t('claim.codeTitle') : t('claim.title')}
      lead={claimId ? undefined : t('claim.intro')}
    >
      <ErrorSummary items={errors} />
      {!claimId ? (
        <form
          noValidate
          className="narrow"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <TextField
            id="claim-reference"
            label={t('claim.reference')}
            hint={t('claim.reference.hint')}
            value={reference}
            onChange={setReference}
            width="medium"
            error={err('claim-reference')}
          />
          <TextField
            id="claim-passport"
            label={t('claim.passport')}
            value={passportNumber}
            onChange={setPassportNumber}
            width="medium"
            error={err('claim-passport')}
          />
          <TextField
            id="claim-birthdate"
            type="date"
            label={t('claim.birthDate')}
            value={birthDate}
            onChange={setBirthDate}
            width="medium"
            error={err('claim-birthdate')}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('claim.send')}
          </button>
        </form>
      ) : (
        <>
          <Notice kind="info">{t('claim.codeSent')}</Notice>
          {platform?.demo && <Notice kind="warning">{t('claim.demoOutbox')}</Notice>}
          <form
            noValidate
            className="narrow"
            onSubmit={(e) => {
              e.preventDefault();
              void confirm();
            }}
          >
            <TextField
              id="claim-code"
              label={t('claim.code')}
              value={code}
              onChange={setCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              width="short"
              error={err('claim-code')}
            />
            <button type="submit" className="button" disabled={busy}>
              {t('claim.confirm')}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
