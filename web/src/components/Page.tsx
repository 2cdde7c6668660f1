import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n/context';

/**
 * Every page: one h1 and a unique document title. The h1 takes focus after navigation (Layout),
 * so a screen reader announces the new page as a person would see it change.
 */
export function Page({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      {lead !== undefined && <p className="lead">{lead}</p>}
      {children}
    </>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

export function Notice({
  kind,
  title,
  children,
}: {
  kind: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}

/** Said to screen readers as it changes (an upload done, a file removed), not shown. */
export function Announcer({ text }: { text: string }) {
  return (
    <div aria-live="polite" className="visually-hidden" role="status">
      {text}
    </div>
  );
}

/** The button that adds a list's next page, while there is one. */
export function MoreButton({ more, label }: { more: (() => void) | undefined; label: string }) {
  if (!more) return null;
  return (
    <p>
      <button type="button" className="button secondary" onClick={more}>
        {label}
      </button>
    </p>
  );
}
