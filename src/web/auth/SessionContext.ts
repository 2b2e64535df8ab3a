import { createContext } from 'react';
import type { Session, User } from '../api/types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean; error?: unknown }
  | { status: 'authenticated'; session: Session };

export interface SessionApi {
  state: SessionState;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Replace the signed-in user after the server returned a newer record (locale, password change). */
  updateUser: (user: User) => void;
  can: (permission: string) => boolean;
}

export const SessionContext = createContext<SessionApi | null>(null);
