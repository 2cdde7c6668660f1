import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/context';

export interface SummaryItem {
  /** The id of the input to jump to; without one the item is plain text. */
  target?: string;
  text: string;
}

/**
 * The GOV.UK pattern (WCAG 3.3.1, 3.3.3): a summary at the top that takes focus, each entry a link
 * to its field, and the same message beside the field.
 */
export function ErrorSummary({ title, items }: { title?: string; items: SummaryItem[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => `${i.target ?? ''}:${i.text}`).join('|');
  useEffect(() => {
    if (items.length) ref.current?.focus();
    // Focus again only when the list itself changes, not on every render.
  }, [signature, items.length]);
  if (!items.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title ?? t('errors.summaryTitle')}</h2>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.target ?? ''}-${String(i)}`}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(e) => {
                  const el = document.getElementById(item.target ?? '');
                  if (el) {
                    e.preventDefault();
                    el.focus();
                    el.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
