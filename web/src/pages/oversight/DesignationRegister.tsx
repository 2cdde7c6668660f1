import { useEffect, useState } from 'react';
import { Loading } from '../../components/Page';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n/context';
import { api } from '../../lib/api';

interface Named {
  id: string;
  name: string;
}

/** An entry of the register of persons designated for health and criminal data (Art. 16-17). */
interface Designation {
  id: string;
  person: Named;
  category: 'health' | 'criminal';
  validFrom: string;
  validUntil: string | null;
  reason: string;
  proposedBy: Named;
  validatedBy: Named | null;
  status: 'proposed' | 'valid' | 'ended';
}

/** Who of the controller is designated for which special category, by whom, until when (Art. 16 §1 2°). */
export function DesignationRegister() {
  const { t, formatDate } = useI18n();
  const [items, setItems] = useState<Designation[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api<{ items: Designation[] }>('GET', '/designations').then(
      (r) => {
        setItems(r.items);
      },
      () => {
        setFailed(true);
        setItems([]);
      },
    );
  }, []);
  return (
    <section aria-labelledby="oversight-register-title">
      <h2 id="oversight-register-title">{t('oversight.register.title')}</h2>
      <p>{t('oversight.register.lead')}</p>
      {items === undefined ? (
        <Loading />
      ) : failed ? (
        <p>{t('error.generic')}</p>
      ) : items.length === 0 ? (
        <p>{t('oversight.register.none')}</p>
      ) : (
        <Table
          caption={t('oversight.register.title')}
          className="designation-register"
          rows={items}
          rowKey={(d) => d.id}
          columns={[
            { header: t('oversight.register.col.person'), cell: (d) => d.person.name },
            {
              header: t('oversight.register.col.category'),
              cell: (d) => t(`dataCat.${d.category}` as const),
            },
            {
              header: t('oversight.register.col.period'),
              cell: (d) =>
                d.validUntil
                  ? t('oversight.register.period', {
                      from: formatDate(d.validFrom),
                      until: formatDate(d.validUntil),
                    })
                  : t('oversight.register.from', { from: formatDate(d.validFrom) }),
            },
            {
              header: t('oversight.register.col.status'),
              cell: (d) => t(`oversight.register.status.${d.status}` as const),
            },
            {
              header: t('oversight.register.col.by'),
              cell: (d) =>
                t('oversight.register.by', {
                  proposer: d.proposedBy.name,
                  validator: d.validatedBy?.name ?? '—',
                }),
            },
            { header: t('oversight.register.col.reason'), cell: (d) => d.reason },
          ]}
        />
      )}
      <p>
        <a href="/api/v1/designations?format=csv" download>
          {t('oversight.register.csv')}
        </a>
      </p>
    </section>
  );
}
