import { Table } from '../../components/Table';
import { useI18n } from '../../i18n/context';
import { documentLabel } from '../../lib/format';
import type { Dossier } from '../../lib/types';

/** The examiner's check of the file: each document the rule tables asked for, there or not. */
export function ExaminationChecklist({ checklist }: { checklist: NonNullable<Dossier['checklist']> }) {
  const { t, citation } = useI18n();
  return (
    <section aria-labelledby="examine-checklist-title" className="examination-checklist">
      <h2 id="examine-checklist-title">{t('examine.checklist.title')}</h2>
      <p className="hint">{t('examine.checklist.lead')}</p>
      <Table
        caption={t('examine.checklist.title')}
        className="dossier-table"
        rows={checklist}
        rowKey={(d) => d.documentType}
        rowAttributes={(d) => ({ className: d.present ? 'check-present' : 'check-absent' })}
        columns={[
          { header: t('examine.checklist.col.document'), cell: (d) => documentLabel(t, d.documentType) },
          {
            header: t('examine.checklist.col.status'),
            cell: (d) => (
              <strong>{t(d.present ? 'examine.checklist.present' : 'examine.checklist.absent')}</strong>
            ),
          },
          { header: t('examine.checklist.col.source'), cell: (d) => citation(d.legalSource) },
        ]}
      />
    </section>
  );
}
