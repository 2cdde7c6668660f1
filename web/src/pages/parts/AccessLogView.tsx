import { ORGANISATION_KINDS } from '../../../../src/contract/organisations';
import { Loading } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import { visits } from '../../lib/access-log';
import type { AccessLogEntry } from '../../lib/types';

const ORG_KEYS: Record<string, true> = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, true]));

/** Who read the worker's data in this dossier, in plain words (Art. 15 GDPR, access.md). */
export function AccessLogView({ entries }: { entries: AccessLogEntry[] | undefined }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section aria-labelledby="access-title">
      <h2 id="access-title">{t('access.title')}</h2>
      <p>{t('access.intro')}</p>
      {entries === undefined ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p className="muted">{t('access.empty')}</p>
      ) : (
        <ul className="access-log">
          {visits(entries).map((entry, i) => (
            <li key={`${entry.at}-${String(i)}`}>
              {t('access.entry', {
                who:
                  entry.organisation.kind in ORG_KEYS
                    ? t(`orgKind.${entry.organisation.kind}` as const)
                    : entry.organisation.name,
                name: entry.organisation.name,
                what: entry.categories.map((c) => t(`dataCat.${c}` as const)).join(', '),
                date: formatDateTime(entry.at),
              })}
              {entry.purpose && (
                <span className="muted"> {t('access.purpose', { purpose: entry.purpose })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
