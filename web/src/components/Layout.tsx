import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, Navigate, useLocation, useNavigate } from 'react-router';
import { LANGUAGES, LANGUAGE_NAMES } from '../i18n';
import { useI18n } from '../i18n/context';
import { api } from '../lib/api';
import { isApplicantKind, useSession } from '../lib/session';
import { INBOX_CHANGED_EVENT } from '../pages/Inbox';
import { isDpo, QUEUE_KINDS } from '../lib/homes';
import { Loading } from './Page';

/** Organisations that consult by searching a person or an enterprise (R-CONS-1). */
const SEARCH_KINDS: ReadonlySet<string> = new Set([
  'inspection',
  'regional_authority',
  'dvz',
  'business_counter',
]);

/** Organisations that receive deliveries (the API's recipient kinds) and so have that inbox. */
const DELIVERY_KINDS: ReadonlySet<string> = new Set([
  'post',
  'municipality',
  'employment_service',
  'regional_authority',
  'dvz',
]);

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { session, platform, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const first = useRef(true);

  // After a navigation, focus moves to the new page's heading (not on the first load).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = document.querySelector<HTMLElement>('main h1');
    h1?.focus();
  }, [location.pathname]);

  // Phones: the languages and the menu sit behind one button, so a page's first field is on screen.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setMenuOpen(false);
  }, [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  const kind = session?.organisation.kind;
  const dpo = isDpo(session);
  const hasInbox = session !== undefined && session !== null && (isApplicantKind(kind) || kind === 'worker');
  const [unread, setUnread] = useState(0);
  // The unread count follows each navigation and each message marked read.
  useEffect(() => {
    if (!hasInbox) {
      setUnread(0);
      return;
    }
    let live = true;
    const refresh = () => {
      api<{ unread: number }>('GET', '/messages?limit=0')
        .then((page) => {
          if (live) setUnread(page.unread);
        })
        .catch(() => undefined);
    };
    refresh();
    window.addEventListener(INBOX_CHANGED_EVENT, refresh);
    return () => {
      live = false;
      window.removeEventListener(INBOX_CHANGED_EVENT, refresh);
    };
  }, [hasInbox, location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip.main')}
      </a>
      {platform?.demo && (
        <div className="demo-banner" role="note">
          {t('demo.banner')}
        </div>
      )}
      <header className={menuOpen ? 'site-header menu-open' : 'site-header'}>
        <div className="container header-row">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              WiB
            </span>
            <span>{t('app.name')}</span>
          </Link>
          <button
            ref={menuButton}
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-languages site-menu"
            onClick={() => {
              setMenuOpen((open) => !open);
            }}
          >
            <span aria-hidden="true" className="menu-icon">
              ☰
            </span>
            {t('header.menu')} <span className="menu-lang">{lang.toUpperCase()}</span>
          </button>
          <nav id="site-languages" aria-label={t('lang.label')} className="languages collapsible">
            <ul>
              {LANGUAGES.map((l) => (
                <li key={l}>
                  <button
                    type="button"
                    lang={l}
                    aria-pressed={l === lang}
                    onClick={() => {
                      setLang(l);
                    }}
                  >
                    {LANGUAGE_NAMES[l]}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <nav id="site-menu" aria-label={t('nav.label')} className="main-nav collapsible">
          <ul className="container">
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {session && kind !== 'inspection' && kind !== 'onss' && !QUEUE_KINDS.has(kind ?? '') && (
              <li>
                <NavLink to="/dossiers" end>
                  {t('nav.dossiers')}
                </NavLink>
              </li>
            )}
            {QUEUE_KINDS.has(kind ?? '') && !dpo && (
              <li>
                <NavLink to="/queue">{t('nav.queue')}</NavLink>
              </li>
            )}
            {dpo && (
              <li>
                <NavLink to="/oversight">{t('nav.oversight')}</NavLink>
              </li>
            )}
            {kind === 'onss' && (
              <li>
                <NavLink to="/platform">{t('nav.health')}</NavLink>
              </li>
            )}
            {kind !== undefined && SEARCH_KINDS.has(kind) && !dpo && (
              <li>
                <NavLink to="/search">{t('nav.search')}</NavLink>
              </li>
            )}
            {kind !== undefined && DELIVERY_KINDS.has(kind) && !dpo && (
              <li>
                <NavLink to="/deliveries">{t('nav.deliveries')}</NavLink>
              </li>
            )}
            {hasInbox && (
              <li>
                <NavLink to="/messages">
                  {t('nav.inbox')}
                  {unread > 0 && (
                    <span className="count" data-testid="unread-count">
                      {' '}
                      <span aria-hidden="true">({unread})</span>
                      <span className="visually-hidden">{t('inbox.unreadCount', { count: unread })}</span>
                    </span>
                  )}
                </NavLink>
              </li>
            )}
            {(!session || isApplicantKind(kind)) && (
              <li>
                <NavLink to="/new">{t('nav.new')}</NavLink>
              </li>
            )}
            {kind === 'worker' && (
              <li>
                <NavLink to="/claim">{t('nav.claim')}</NavLink>
              </li>
            )}
            {kind === 'worker' && (
              <li>
                <NavLink to="/my-rights">{t('nav.rights')}</NavLink>
              </li>
            )}
            {session?.roles.includes('dpo') && (
              <li>
                <NavLink to="/rights-requests">{t('nav.rightsWork')}</NavLink>
              </li>
            )}
            {(kind === 'dvz' || kind === 'regional_authority' || kind === 'management_committee') && !dpo && (
              <li>
                <NavLink to="/statistics">{t('nav.statistics')}</NavLink>
              </li>
            )}
            {kind === 'management_committee' && (
              <li>
                <NavLink to="/committee">{t('nav.committee')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/privacy">{t('nav.privacy')}</NavLink>
            </li>
            {session ? (
              <li className="push">
                <span className="who">
                  {t('header.signedInAs', {
                    name: session.user.name,
                    organisation: session.organisation.name,
                  })}
                </span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    void signOut().then(() => navigate('/'));
                  }}
                >
                  {t('nav.signOut')}
                </button>
              </li>
            ) : (
              session === null && (
                <li className="push">
                  <NavLink to="/signin">{t('nav.signIn')}</NavLink>
                </li>
              )
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.text')}</p>
          <ul>
            <li>
              <Link to="/privacy">{t('nav.privacy')}</Link>
            </li>
            <li>
              <Link to="/open-data">{t('nav.openData')}</Link>
            </li>
            <li>
              <a href="/api/docs">{t('footer.api')}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}

/** Pages for signed-in people: others are sent to sign in and brought back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session === undefined) return <Loading />;
  if (session === null) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}
