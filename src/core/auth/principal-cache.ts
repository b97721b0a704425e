// Who a session cookie or API token is, remembered per app instance so a request costs no lookup. It
// is forgotten on every sign-out, account or token change: locally at once, and on every other instance
// when the database's notice arrives (migration 20261126020000). Without a notice channel nothing is kept.
import type { Listen } from "../db/listen.js";
import type { Principal } from "./principal.js";

export const AUTH_CHANNEL = "lvyue_auth";
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  /** Sessions expire; API tokens live until revoked. */
  expiresAt: number | null;
}

export type PrincipalLookup = (key: string) => Promise<{ principal: Principal; expiresAt: Date | null } | undefined>;

export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  // A lookup that started before a forget must not store what it read: it may predate the change.
  private generation = 0;
  private unlisten: (() => Promise<void>) | undefined;
  private listening = false;
  private readonly forgetListeners = new Set<() => void>();

  async start(listen: Listen): Promise<void> {
    this.unlisten = await listen(AUTH_CHANNEL, () => this.forget());
    this.listening = true;
  }

  async stop(): Promise<void> {
    this.listening = false;
    this.forget();
    await this.unlisten?.();
  }

  forget(): void {
    this.generation++;
    this.entries.clear();
    for (const listener of this.forgetListeners) listener();
  }

  /** Called after every forget (a sign-out, account or token change here or on another instance). */
  onForget(listener: () => void): () => void {
    this.forgetListeners.add(listener);
    return () => this.forgetListeners.delete(listener);
  }

  async resolve(key: string, lookup: PrincipalLookup): Promise<Principal | undefined> {
    const hit = this.entries.get(key);
    if (hit && (hit.expiresAt === null || hit.expiresAt > Date.now())) return hit.principal;
    const generation = this.generation;
    const found = await lookup(key);
    if (!found) return undefined;
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { principal: found.principal, expiresAt: found.expiresAt?.getTime() ?? null });
    }
    return found.principal;
  }
}
