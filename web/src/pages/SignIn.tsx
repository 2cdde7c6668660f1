import { useState, type SyntheticEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { Notice, Page } from '../components/Page';
import { useI18n } from '../i18n/context';
import { ApiError } from '../lib/api';
import { useSession } from '../lib/session';

/** The applicant accounts are explained; the authorities' accounts work through the API (back office). */
const DESCRIBED = ['employer', 'mandatary', 'worker', 'selfemployed'] as const;

export function SignIn() {
  const { t } = useI18n();
  const { signIn, platform, expired } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const missing: SummaryItem[] = [];
    if (!username.trim()) missing.push({ target: 'username', text: t('signIn.usernameMissing') });
    if (!password) missing.push({ target: 'password', text: t('signIn.passwordMissing') });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      const session = await signIn(username.trim(), password, needsTotp ? totp : undefined);
      // The inspection consults by searching with a purpose; it has no list of dossiers to browse.
      const home = session.organisation.kind === 'inspection' ? '/search' : '/dossiers';
      void navigate(from && from.startsWith('/') ? from : home, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'second_factor_required') {
        setNeedsTotp(true);
        setErrors([{ target: 'totp', text: error.title }]);
      } else if (error instanceof ApiError && error.status !== 0) {
        setErrors([{ target: 'username', text: error.title }]);
      } else {
        setErrors([{ text: t('error.network') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (id: string) => errors.find((e) => e.target === id)?.text;
  const accounts = platform?.demoAccounts ?? [];

  return (
    <Page title={t('signIn.title')} lead={t('signIn.intro')}>
      {expired && <Notice kind="warning">{t('error.sessionEnded')}</Notice>}
      <ErrorSummary items={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate className="narrow">
        <TextField
          id="username"
          label={t('signIn.username')}
          value={username}
          onChange={setUsername}
          autoComplete="username"
          error={fieldError('username')}
        />
        <TextField
          id="password"
          type="password"
          label={t('signIn.password')}
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          error={fieldError('password')}
        />
        {needsTotp && (
          <TextField
            id="totp"
            label={t('signIn.totp')}
            value={totp}
            onChange={setTotp}
            inputMode="numeric"
            autoComplete="one-time-code"
            width="short"
            error={fieldError('totp')}
          />
        )}
        <button type="submit" className="button" disabled={busy}>
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
                    setUsername(u);
                    setPassword('demo');
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
