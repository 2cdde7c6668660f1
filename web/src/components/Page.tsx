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
