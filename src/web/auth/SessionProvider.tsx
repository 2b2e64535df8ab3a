/**
 * Who is signed in. Probes GET /api/auth/me at start, keeps the CSRF token for the API client, and falls
 * back to the login page whenever the server answers 401. The user's stored language wins after login.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { SessionContext, type SessionApi, type SessionState } from './SessionContext.ts';
import { authApi } from '../api/auth.ts';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { Session, User } from '../api/types.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { isLocale } from '../i18n/catalogs.ts';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { setLocale } = useI18n();

  const establish = useCallback(
    (session: Session) => {
      setCsrfToken(session.csrfToken);
      if (isLocale(session.user.locale)) setLocale(session.user.locale);
      setState({ status: 'authenticated', session });
    },
    [setLocale],
  );

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: true });
    });
    let cancelled = false;
    authApi
      .me()
      .then((session) => {
        if (!cancelled) establish(session);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const quiet = error instanceof ApiError && error.status === 401;
        setState({ status: 'anonymous', expired: false, error: quiet ? undefined : error });
      });
    return () => {
      cancelled = true;
      setUnauthenticatedHandler(null);
    };
  }, [establish]);

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await authApi.login(username, password);
      setCsrfToken(res.csrfToken);
      let session: Session;
      try {
        session = await authApi.me();
      } catch {
        session = { user: res.user, csrfToken: res.csrfToken, permissions: [] };
      }
      establish(session);
    },
    [establish],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const updateUser = useCallback((user: User) => {
    setState((s) => (s.status === 'authenticated' ? { status: 'authenticated', session: { ...s.session, user } } : s));
  }, []);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      login,
      logout,
      updateUser,
      can: (permission) => state.status === 'authenticated' && state.session.permissions.includes(permission),
    }),
    [state, login, logout, updateUser],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
