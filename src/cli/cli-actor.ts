/** The audit actor of a command-line run: no user row, named after the operating-system account. */
import os from 'node:os';
import type { Actor } from '../db/audit.ts';

export function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (containers): keep 'unknown'
  }
  return { id: null, username: `cli:${user}`, role: 'system' };
}
