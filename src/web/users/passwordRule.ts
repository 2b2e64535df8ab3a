/** The server's password policy (src/server/auth/passwords.ts), checked before sending. */
import type { Rule } from 'antd/es/form/index.js';

export const PASSWORD_MIN_LENGTH = 8;

export function isAcceptablePassword(password: string): boolean {
  return password.length >= PASSWORD_MIN_LENGTH && /\p{L}/u.test(password) && /\d/.test(password);
}

export function passwordRule(message: string): Rule {
  return {
    validator: (_, value: string | undefined) =>
      !value || isAcceptablePassword(value) ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}
