import { useI18n } from '../../i18n/context';
import { documentLabel } from '../../lib/format';
import type { Dossier } from '../../lib/types';

/** The examiner's check of the file: each document the rule tables asked for, there or not. */
export function ExaminationChecklist({ checklist }: { checklist: NonNullable<Dossier['checklist']> }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="examine-checklist-title" className="examination-checklist">
      <h2 id="examine-checklist-title">{t('examine.checklist.title')}</h2>
      <p className="hint">{t('examine.checklist.lead')}</p>
      <div className="table-wrap">
        <table className="dossier-table">
          <caption className="visually-hidden">{t('examine.checklist.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('examine.checklist.col.document')}</th>
              <th scope="col">{t('examine.checklist.col.status')}</th>
              <th scope="col">{t('examine.checklist.col.source')}</th>
            </tr>
          </thead>
          <tbody>
            {checklist.map((d) => (
              <tr key={d.documentType} className={d.present ? 'check-present' : 'check-absent'}>
                <td data-label={t('examine.checklist.col.document')}>{documentLabel(t, d.documentType)}</td>
                <td data-label={t('examine.checklist.col.status')}>
                  <strong>{t(d.present ? 'examine.checklist.present' : 'examine.checklist.absent')}</strong>
                </td>
                <td data-label={t('examine.checklist.col.source')}>{d.legalSource}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
