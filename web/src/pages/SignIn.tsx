import { useState, type SyntheticEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary';
import { CodeField, TextField } from '../components/fields';
import { Notice, Page } from '../components/Page';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n/context';
import { ApiError } from '../lib/api';
import { homeOf } from '../lib/homes';
import { useSession } from '../lib/session';
import { useForm } from '../lib/useForm';

/** Applicant accounts, and the person concerned; every other demo account is an authority's. */
const APPLICANTS: ReadonlySet<string> = new Set(['employer', 'mandatary', 'worker', 'selfemployed']);

/** What each demo account does and sees in the portal (src/demo/parties.ts lists them). */
const DESCRIPTION: Record<string, MessageKey> = {
  employer: 'signIn.demo.employer',
  mandatary: 'signIn.demo.mandatary',
  worker: 'signIn.demo.worker',
  selfemployed: 'signIn.demo.selfemployed',
  flanders: 'signIn.demo.flanders',
  wallonia: 'signIn.demo.wallonia',
  brussels: 'signIn.demo.brussels',
  ostbelgien: 'signIn.demo.ostbelgien',
  dvz: 'signIn.demo.dvz',
  post: 'signIn.demo.post',
  municipality: 'signIn.demo.municipality',
  counter: 'signIn.demo.counter',
  inspection: 'signIn.demo.inspection',
  'inspection-wallonia': 'signIn.demo.inspectionWallonia',
  pes: 'signIn.demo.pes',
  operator: 'signIn.demo.operator',
  dpo: 'signIn.demo.dpo',
  committee: 'signIn.demo.committee',
};

export function SignIn() {
  const { t } = useI18n();
  const { signIn, platform, expired } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const form = useForm('', { username: '', password: '', totp: '' });
  const [needsTotp, setNeedsTotp] = useState(false);
  const { username, password, totp } = form.values;

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!username.trim()) missing.username = t('signIn.usernameMissing');
    if (!password) missing.password = t('signIn.passwordMissing');
    if (!form.check(missing)) return;
    await form.submit(
      async () => {
        const session = await signIn(username.trim(), password, needsTotp ? totp : undefined);
        // Each role starts where its work is (lib/homes.ts): a case officer on the queue, and so on.
        const home = homeOf(session);
        void navigate(from && from.startsWith('/') ? from : home, { replace: true });
      },
      (error) => {
        if (error instanceof ApiError && error.code === 'second_factor_required') {
          setNeedsTotp(true);
          form.setErrors({ totp: error.title });
        } else if (error instanceof ApiError && error.status !== 0) {
          form.setErrors({ username: error.title });
        } else {
          form.setProblem(t('error.network'));
        }
      },
    );
  };

  const accounts = platform?.demoAccounts ?? [];
  const accountList = (shown: { username: string }[]) => (
    <ul className="demo-accounts">
      {shown.map(({ username: u }) => (
        <li key={u}>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              form.set({ username: u, password: 'demo' });
            }}
          >
            {t('signIn.demo.use', { username: u })}
          </button>{' '}
          {t(DESCRIPTION[u] ?? 'signIn.demo.other')}
        </li>
      ))}
    </ul>
  );

  return (
    <Page title={t('signIn.title')} lead={t('signIn.intro')}>
      {expired && <Notice kind="warning">{t('error.sessionEnded')}</Notice>}
      <ErrorSummary items={form.summary} />
      <form onSubmit={(e) => void submit(e)} noValidate className="narrow">
        <TextField {...form.field('username')} label={t('signIn.username')} autoComplete="username" />
        <TextField
          {...form.field('password')}
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
        />
        {needsTotp && <CodeField {...form.field('totp')} label={t('signIn.totp')} />}
        <button type="submit" className="button" disabled={form.busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to="/privacy">{t('signIn.privacy')}</Link>
      </p>
      {platform?.demo && accounts.length > 0 && (
        <section aria-labelledby="demo-accounts" className="panel">
          <h2 id="demo-accounts">{t('signIn.demo.title')}</h2>
          <p>{t('signIn.demo.body')}</p>
          <h3>{t('signIn.demo.applicants')}</h3>
          {accountList(accounts.filter((a) => APPLICANTS.has(a.username)))}
          <h3>{t('signIn.demo.authoritiesTitle')}</h3>
          {accountList(accounts.filter((a) => !APPLICANTS.has(a.username)))}
        </section>
      )}
    </Page>
  );
}
