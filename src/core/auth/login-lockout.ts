// Per-username lockout after repeated failed sign-ins, ending by itself. @fastify/rate-limit throttles
// sign-in per client address; it runs one limit per request, so the per-username count (failures only:
// a person who signs in correctly is not slowed) is kept here, per instance like the rate limiter's.
export class LoginLockout {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until the username may try again (0: now). */
  lockedFor(username: string, now = Date.now()): number {
    const entry = this.failures.get(username.toLowerCase());
    if (!entry || entry.until <= now) return 0;
    return entry.count >= this.maxFailures ? Math.ceil((entry.until - now) / 1000) : 0;
  }

  failed(username: string, now = Date.now()): void {
    const key = username.toLowerCase();
    const entry = this.failures.get(key);
    const count = entry && entry.until > now ? entry.count + 1 : 1;
    this.failures.set(key, { count, until: now + this.windowMs });
    // Bounded memory under a spray of made-up names: forget the ones whose window has passed.
    if (this.failures.size > 10_000) for (const [k, e] of this.failures) if (e.until <= now) this.failures.delete(k);
  }

  succeeded(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}
