import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { DataProtectionNotice } from '../components/DataProtectionNotice';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/context';

/**
 * The GDPR Art. 13-14 information and the rights of Art. 15-21 for every procedure, reachable from
 * every page (footer) and from every step of the form (`/privacy#rights`, Art. 28). The words are
 * those of the notice the review step shows, written once in DataProtectionNotice.
 */
export function Privacy() {
  const { t } = useI18n();
  const { hash } = useLocation();
  // The page is rendered by script, so the browser cannot scroll to `#rights` by itself.
  useEffect(() => {
    if (!hash) return;
    const frame = requestAnimationFrame(() => {
      document.getElementById(hash.slice(1))?.scrollIntoView();
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [hash]);
  return (
    <Page title={t('privacy.title')} lead={t('privacy.lead')}>
      <DataProtectionNotice level={2} />
    </Page>
  );
}
