import { Link, Navigate } from 'react-router';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/context';
import { homeOf } from '../lib/homes';
import { useSession } from '../lib/session';
import { WorkerHome } from './WorkerHome';

interface Audience {
  key: 'employer' | 'mandatary' | 'worker' | 'self';
  to: string;
}

const AUDIENCES: readonly Audience[] = [
  { key: 'employer', to: '/new' },
  { key: 'mandatary', to: '/dossiers' },
  { key: 'worker', to: '/claim' },
  { key: 'self', to: '/new' },
];

export function Home() {
  const { t } = useI18n();
  const { platform, session } = useSession();
  // Signed in, each role starts where its work is: the worker on their dossiers' next steps, an
  // authority on its queue, the DPO and the operator on their screens.
  if (session?.organisation.kind === 'worker') return <WorkerHome />;
  if (session && !['/', '/dossiers'].includes(homeOf(session)))
    return <Navigate to={homeOf(session)} replace />;
  const cardEnabled = platform?.procedures.includes('professional_card') ?? false;
  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      <h2 className="visually-hidden">{t('home.audiences')}</h2>
      <ul className="cards">
        {AUDIENCES.map((a) => (
          <li className="card" key={a.key}>
            <h3>{t(`home.${a.key}.title` as const)}</h3>
            <p>{t(`home.${a.key}.body` as const)}</p>
            {a.key === 'self' && !cardEnabled && <p className="hint">{t('home.self.notYet')}</p>}
            <p>
              <Link className="button" to={a.to}>
                {t(`home.${a.key}.action` as const)}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      <h2>{t('home.steps.title')}</h2>
      <ol className="steps-list">
        <li>{t('home.steps.1')}</li>
        <li>{t('home.steps.2')}</li>
        <li>{t('home.steps.3')}</li>
        <li>{t('home.steps.4')}</li>
      </ol>
      <h2>{t('home.privacy.title')}</h2>
      <p>
        {t('home.privacy.body')} <Link to="/privacy">{t('home.privacy.link')}</Link>
      </p>
    </Page>
  );
}
