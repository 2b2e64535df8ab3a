/**
 * Counts failed sign-ins per username and per IP address in a sliding window. After too many failures
 * further attempts are refused until the window passes, whether or not the password is right.
 */
export interface LoginLimiterOptions {
  windowMs: number;
  maxPerUsername: number;
  maxPerIp: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimiterOptions = { windowMs: 15 * 60_000, maxPerUsername: 5, maxPerIp: 30 };

export class LoginLimiter {
  private failures = new Map<string, number[]>();
  constructor(private opts: LoginLimiterOptions = DEFAULT_LOGIN_LIMITS) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.opts.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Milliseconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(username: string, ip: string, now = Date.now()): number {
    const u = this.recent(`u:${username}`, now);
    const i = this.recent(`i:${ip}`, now);
    const blocked = [
      u.length >= this.opts.maxPerUsername ? u[0]! + this.opts.windowMs - now : 0,
      i.length >= this.opts.maxPerIp ? i[0]! + this.opts.windowMs - now : 0,
    ];
    return Math.max(0, ...blocked);
  }

  fail(username: string, ip: string, now = Date.now()): void {
    for (const key of [`u:${username}`, `i:${ip}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username}`);
  }
}
