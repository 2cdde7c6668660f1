import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary';
import { CodeField, DateField, TextField } from '../components/fields';
import { Notice, Page } from '../components/Page';
import { useI18n } from '../i18n/context';
import { api, problemText } from '../lib/api';
import { useSession } from '../lib/session';
import type { Dossier } from '../lib/types';
import { useForm } from '../lib/useForm';

/**
 * The worker links the dossier filed for them (Art. 24, 28): reference, passport number and birth
 * date go in the request body, never in a URL; the code comes by e-mail.
 */
export function Claim() {
  const { t } = useI18n();
  const { session, platform } = useSession();
  const navigate = useNavigate();
  const form = useForm('claim', { reference: '', passport: '', birthdate: '', code: '' });
  const [claimId, setClaimId] = useState<string | undefined>(undefined);

  if (session && session.organisation.kind !== 'worker') {
    return (
      <Page title={t('claim.title')}>
        <Notice kind="info">{t('claim.onlyWorkers')}</Notice>
      </Page>
    );
  }

  const { reference, passport, birthdate, code } = form.values;
  const start = async () => {
    const found: Record<string, string> = {};
    const ref = reference.trim().toUpperCase();
    if (!/^SW-\d{4}-\d{6}$/.test(ref)) found['claim-reference'] = t('claim.referenceInvalid');
    if (passport.trim().length < 5) found['claim-passport'] = t('claim.passportInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birthdate)) found['claim-birthdate'] = t('claim.birthDateInvalid');
    if (!form.check(found)) return;
    await form.submit(async () => {
      const res = await api<{ claimId: string }>('POST', '/claims', {
        reference: ref,
        passportNumber: passport.trim(),
        birthDate: birthdate,
      });
      setClaimId(res.claimId);
    });
  };

  const confirm = async () => {
    if (!form.check(/^\d{6}$/.test(code.trim()) ? {} : { 'claim-code': t('claim.codeInvalid') })) return;
    await form.submit(
      async () => {
        const dossier = await api<Dossier>('POST', `/claims/${claimId ?? ''}/confirm`, { code: code.trim() });
        void navigate(`/dossiers/${dossier.id}`);
      },
      (e) => {
        form.setErrors({ 'claim-code': problemText(e, t('error.generic')) });
      },
    );
  };

  return (
    <Page
      title={claimId ? t('claim.codeTitle') : t('claim.title')}
      lead={claimId ? undefined : t('claim.intro')}
    >
      <ErrorSummary items={form.summary} />
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
            {...form.field('reference')}
            label={t('claim.reference')}
            hint={t('claim.reference.hint')}
            width="medium"
          />
          <TextField {...form.field('passport')} label={t('claim.passport')} width="medium" />
          <DateField {...form.field('birthdate')} label={t('claim.birthDate')} autoComplete="bday" />
          <button type="submit" className="button" disabled={form.busy}>
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
            <CodeField {...form.field('code')} label={t('claim.code')} />
            <button type="submit" className="button" disabled={form.busy}>
              {t('claim.confirm')}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
