import { Page } from '../components/Page';
import { useI18n } from '../i18n/context';

/** Art. 13-14 GDPR information and the rights of Art. 15-21, reachable from every page (footer). */
const SECTIONS = ['who', 'what', 'basis', 'source', 'recipients', 'retention', 'processor'] as const;
const RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'notification',
  'portability',
  'object',
] as const;

export function Privacy() {
  const { t } = useI18n();
  return (
    <Page title={t('privacy.title')} lead={t('privacy.lead')}>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`}>
          <h2 id={`privacy-${s}`}>{t(`privacy.${s}.title` as const)}</h2>
          <p>{t(`privacy.${s}.body` as const)}</p>
        </section>
      ))}
      <section aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">{t('privacy.rights.title')}</h2>
        <p>{t('privacy.rights.intro')}</p>
        <ul>
          {RIGHTS.map((r) => (
            <li key={r}>{t(`privacy.rights.${r}` as const)}</li>
          ))}
        </ul>
        <p>{t('privacy.rights.how')}</p>
        <p>{t('privacy.rights.accessLog')}</p>
      </section>
      <section aria-labelledby="privacy-dpo">
        <h2 id="privacy-dpo">{t('privacy.dpo.title')}</h2>
        <p>{t('privacy.dpo.body')}</p>
      </section>
      <section aria-labelledby="privacy-complaint">
        <h2 id="privacy-complaint">{t('privacy.complaint.title')}</h2>
        <p>{t('privacy.complaint.body')}</p>
      </section>
    </Page>
  );
}
