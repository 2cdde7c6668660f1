import { Link } from 'react-router';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/context';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.body')}>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
