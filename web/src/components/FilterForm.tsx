import type { ComponentProps, ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { SelectField } from './fields';

/** The filters above a list: applied together with one button, and cleared with another where offered. */
export function FilterForm({
  id,
  onApply,
  onReset,
  children,
}: {
  id: string;
  onApply: () => void;
  onReset?: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
      aria-labelledby={id}
    >
      <h2 id={id}>{t('filter.title')}</h2>
      <div className="filter-grid">{children}</div>
      <p className="actions">
        <button type="submit" className="button">
          {t('filter.apply')}
        </button>
        {onReset && (
          <button type="button" className="button secondary" onClick={onReset}>
            {t('filter.reset')}
          </button>
        )}
      </p>
    </form>
  );
}

/** A filter's choice, where choosing nothing means all. */
export function FilterSelect(props: ComponentProps<typeof SelectField>) {
  const { t } = useI18n();
  return <SelectField placeholder={t('filter.all')} {...props} />;
}
