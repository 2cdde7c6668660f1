import { useState, type SyntheticEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary';
import { CodeField, TextField } from '../components/fields';
import { Notice, Page } from '../components/Page';
import { useI18n } from '../i18n/context';
import { ApiError } from '../lib/api';
import { useSession } from '../lib/session';
import { useForm } from '../lib/useForm';

/** The applicant accounts are explained; the authorities' accounts work through the API (back office). */
const DESCRIBED = ['employer', 'mandatary', 'worker', 'selfemployed'] as const;

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
        // The inspection consults by searching with a purpose; it has no list of dossiers to browse.
        const home = session.organisation.kind === 'inspection' ? '/search' : '/dossiers';
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
          <ul className="demo-accounts">
            {DESCRIBED.filter((u) => accounts.some((a) => a.username === u)).map((u) => (
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
                {t(`signIn.demo.${u}` as const)}
              </li>
            ))}
          </ul>
          <p className="hint">
            {t('signIn.demo.authorities', {
              usernames: accounts
                .map((a) => a.username)
                .filter((u) => !(DESCRIBED as readonly string[]).includes(u))
                .join(', '),
            })}
          </p>
        </section>
      )}
    </Page>
  );
}
