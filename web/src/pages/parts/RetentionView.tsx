import { useI18n } from '../../i18n/context';
import type { Dossier } from '../../lib/types';

/** How long the dossier is kept and why (Art. 27), for the authorities that decide and the DPOs. */
export function RetentionView({ retention }: { retention: NonNullable<Dossier['retention']> }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="retention-title" className="panel">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p>
        {retention.until
          ? t('retention.until', { date: formatDate(retention.until) })
          : retention.rule === 'hold_1y'
            ? t('retention.heldOpen')
            : t('retention.pending')}
      </p>
      {retention.rule && <p className="hint">{t(`retention.rule.${retention.rule}` as const)}</p>}
      {retention.holds.length > 0 && (
        <ul className="plain-list">
          {retention.holds.map((h) => (
            <li key={h.id}>
              {t(`hold.reason.${h.reason}` as const)} — {t(`relation.${h.authority}` as const)},{' '}
              {h.liftedAt
                ? t('retention.hold.lifted', { from: formatDate(h.from), to: formatDate(h.liftedAt) })
                : t('retention.hold.open', { from: formatDate(h.from) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
