import { useI18n } from '../../i18n/context';
import { documentLabel } from '../../lib/format';
import type { Checklist } from '../../lib/types';
import type { MessageKey } from '../../i18n';

export function SpecialMark({ special }: { special: 'health' | 'criminal' | null }) {
  const { t } = useI18n();
  if (!special) return null;
  return <span className={`tag tag-${special}`}>{t(`special.${special}` as const)}</span>;
}

/** What a complete application needs, from the rule tables, before anything is filled in. */
export function ChecklistView({ checklist }: { checklist: Checklist }) {
  const { t, formatMoney } = useI18n();
  return (
    <>
      <h3>{t('guide.checklist.title')}</h3>
      <ul className="checklist">
        {checklist.documents.map((d) => (
          <li key={d.documentType}>
            <strong>{documentLabel(t, d.documentType)}</strong> <SpecialMark special={d.special} />
            <br />
            <span className="hint">{t(`docHelp.${d.documentType}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
      <p>{t('docs.formats')}</p>
      <p>
        {checklist.fee.amountCents > 0
          ? t('guide.fee', { amount: formatMoney(checklist.fee.amountCents) })
          : t('guide.noFee')}
      </p>
      <p>{t('guide.deadline', { days: checklist.decisionDays })}</p>
    </>
  );
}
