/** What route modules receive: the database and server-wide services. */
import type { Database } from '../db/connect.ts';
import type { LoginLimiter } from './auth/login-limiter.ts';

export interface AppContext {
  database: Database;
  loginLimiter: LoginLimiter;
  /** Secure cookies (HTTPS deployments). */
  secureCookies: boolean;
  version: string;
}
