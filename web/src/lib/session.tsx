import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, UNAUTHENTICATED_EVENT, api, setCsrfToken } from './api';
import type { PlatformInfo, Session } from './types';

interface SessionState {
  /** undefined while the first answer is awaited; null when nobody is signed in. */
  session: Session | null | undefined;
  platform: PlatformInfo | undefined;
  /** True once a session ended under the person's hands (as opposed to never having started). */
  expired: boolean;
  signIn: (username: string, password: string, totp?: string) => Promise<Session>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [platform, setPlatform] = useState<PlatformInfo | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const adopt = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? '');
    setSession(s);
  }, []);

  useEffect(() => {
    api<Session>('GET', '/session').then(adopt, () => {
      adopt(null);
    });
    api<PlatformInfo>('GET', '/rules/platform').then(setPlatform, () => {
      // Without it the portal still works; it only cannot show demo hints.
    });
    const onUnauthenticated = () => {
      setExpired(true);
      adopt(null);
    };
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    return () => {
      window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    };
  }, [adopt]);

  const signIn = useCallback(
    async (username: string, password: string, totp?: string) => {
      const s = await api<Session>('POST', '/session', { username, password, ...(totp && { totp }) });
      setExpired(false);
      adopt(s);
      return s;
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await api('DELETE', '/session');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    // The guide's answers (procedure, workplace postcode) stay with the tab no longer than the session.
    sessionStorage.clear();
    setExpired(false);
    adopt(null);
  }, [adopt]);

  const value = useMemo(
    () => ({ session, platform, expired, signIn, signOut }),
    [session, platform, expired, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const isApplicantKind = (kind: string | undefined): boolean =>
  kind === 'employer' || kind === 'mandatary' || kind === 'self_employed';
