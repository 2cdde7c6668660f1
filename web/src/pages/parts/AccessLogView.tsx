import { ORGANISATION_KINDS } from '../../../../src/contract/organisations';
import { Loading } from '../../components/Page';
import { localeOf, type Lang } from '../../i18n';
import { useI18n } from '../../i18n/context';
import { byOrganisationAndDay } from '../../lib/access-log';
import type { AccessLogEntry } from '../../lib/types';

const ORG_KEYS: Record<string, true> = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, true]));

const timeOf = (at: string, lang: Lang) =>
  new Intl.DateTimeFormat(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  }).format(new Date(at));

/**
 * Who read the worker's data in this dossier (Art. 15 GDPR, access.md rule 5): by day, newest
 * first, one short block per organisation, so it stays readable on a phone.
 */
export function AccessLogView({ entries }: { entries: AccessLogEntry[] | undefined }) {
  const { t, formatDate, lang } = useI18n();
  return (
    <section aria-labelledby="access-title" className="access-log">
      <h2 id="access-title">{t('access.title')}</h2>
      <p>{t('access.intro')}</p>
      {entries === undefined ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p className="muted">{t('access.empty')}</p>
      ) : (
        <ol className="access-days">
          {byOrganisationAndDay(entries).map((day) => (
            <li key={day.day} className="access-day">
              <h3>{formatDate(day.day)}</h3>
              <ul className="access-orgs">
                {day.organisations.map((group) => (
                  <li key={group.organisation.id} className="access-org">
                    <p className="access-who">
                      <strong>
                        {group.organisation.kind in ORG_KEYS
                          ? t(`orgKind.${group.organisation.kind}` as const)
                          : group.organisation.name}
                      </strong>{' '}
                      <span className="muted">({group.organisation.name})</span>
                    </p>
                    <p>
                      {t('access.read', {
                        what: group.categories.map((c) => t(`dataCat.${c}` as const)).join(', '),
                      })}
                    </p>
                    {group.purposes.length > 0 && (
                      <p className="muted">{t('access.purpose', { purpose: group.purposes.join('; ') })}</p>
                    )}
                    <p className="muted">
                      {t('access.times', {
                        times: group.times.map((at) => timeOf(at, lang)).join(', '),
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
