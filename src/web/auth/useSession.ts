import { useContext } from 'react';
import { SessionContext, type SessionApi } from './SessionContext.ts';
import type { Session } from '../api/types.ts';

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside <SessionProvider>');
  return ctx;
}

/** The signed-in session; only for components rendered inside the authenticated shell. */
export function useSignedIn(): Session & Pick<SessionApi, 'can' | 'logout' | 'updateUser'> {
  const { state, can, logout, updateUser } = useSession();
  if (state.status !== 'authenticated') throw new Error('useSignedIn without a session');
  return { ...state.session, can, logout, updateUser };
}
