import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import { AccessLogSearch } from './AccessLogSearch';
import { AuditCheck } from './AuditCheck';
import { DesignationRegister } from './DesignationRegister';

/** The data protection officer's screen: the access log, the designation register, the audit trail — no dossier content. */
export function Oversight() {
  const { t } = useI18n();
  return (
    <Page title={t('oversight.title')} lead={t('oversight.lead')}>
      <nav aria-label={t('oversight.contents')}>
        <ul className="in-page">
          <li>
            <a href="#oversight-audit-title">{t('oversight.audit.title')}</a>
          </li>
          <li>
            <a href="#oversight-log-title">{t('oversight.log.title')}</a>
          </li>
          <li>
            <a href="#oversight-register-title">{t('oversight.register.title')}</a>
          </li>
        </ul>
      </nav>
      <AuditCheck />
      <AccessLogSearch />
      <DesignationRegister />
    </Page>
  );
}
