// Available-to-promise: stock on hand (less reservations) and open supply by expected date, less what
// the plan has allocated, per sku in day buckets. Allocations take from buckets at or before the day
// needed, latest first, so earlier stock stays free for earlier needs and no bucket goes below zero.
import type { SupplyData } from "./types.js";

interface Buckets {
  days: number[];
  free: number[];
}
const EPS = 1e-9;

// A fork reads through to the ledger it came from; a chain of forks (each promise taken forks the last)
// is copied into a stand-alone ledger once it is this deep, so reads stay short and forks stay cheap.
const MAX_CHAIN = 16;

/** Supply in a bucket that is not firm: overdue (rolled forward, nobody knows when) or not confirmed by the supplier. */
export interface RiskySupply {
  n: number;
  qty: number;
  kind: "overdue" | "unconfirmed";
}

export class AtpLedger {
  /**
   * `buckets` and `reserved` hold this ledger's own entries: all of them for a stand-alone ledger, only
   * what it changed for a fork of `parent` (which must not change while the fork is in use).
   */
  private constructor(
    readonly todayN: number,
    private readonly buckets: Map<string, Buckets>,
    private readonly reserved: Map<string, number>,
    private readonly parent?: AtpLedger,
    private readonly depth = 0,
    /** Per sku, supply that is not firm, by the bucket it is counted in. */
    readonly risky: ReadonlyMap<string, readonly RiskySupply[]> = new Map(),
  ) {}

  /**
   * Supply that is not firm, per sku: a receipt marked overdue or unconfirmed (the store rolls an overdue
   * one forward), or one whose date has passed (counted from today).
   */
  static riskOf(supply: SupplyData, todayN: number, dayNumber: (day: string) => number): Map<string, RiskySupply[]> {
    const out = new Map<string, RiskySupply[]>();
    for (const r of supply.receipts) {
      const n = dayNumber(r.date);
      const kind = r.risk ?? (n < todayN ? "overdue" : undefined);
      if (!kind || r.qty <= EPS) continue;
      const list = out.get(r.sku) ?? [];
      list.push({ n: Math.max(todayN, n), qty: r.qty, kind });
      out.set(r.sku, list);
    }
    return out;
  }

  /**
   * Does what was taken of `sku` up to day `uptoN` reach into supply that is not firm? Within a bucket,
   * firm supply (stock, confirmed lines) is counted as used first, then unconfirmed, then overdue: once
   * less than the overdue (or overdue + unconfirmed) quantity is left, that supply is being relied on.
   */
  risksTaken(sku: string, uptoN: number): { overdue: boolean; unconfirmed: boolean } {
    const out = { overdue: false, unconfirmed: false };
    const list = this.risky.get(sku);
    if (!list?.length) return out;
    const b = this.bucketsOf(sku);
    const byDay = new Map<number, { overdue: number; unconfirmed: number }>();
    for (const r of list) {
      if (r.n > uptoN) continue;
      const d = byDay.get(r.n) ?? { overdue: 0, unconfirmed: 0 };
      d[r.kind] += r.qty;
      byDay.set(r.n, d);
    }
    for (const [n, d] of byDay) {
      const i = b ? b.days.indexOf(n) : -1;
      const free = i >= 0 && b ? b.free[i] : 0;
      if (free < d.overdue - EPS) out.overdue = true;
      if (d.unconfirmed > EPS && free < d.overdue + d.unconfirmed - EPS) out.unconfirmed = true;
    }
    return out;
  }

  static build(supply: SupplyData, todayN: number, dayNumber: (day: string) => number): AtpLedger {
    const raw = new Map<string, Map<number, number>>();
    const add = (sku: string, n: number, qty: number) => {
      if (qty <= EPS) return;
      const byDay = raw.get(sku) ?? new Map<number, number>();
      byDay.set(n, (byDay.get(n) ?? 0) + qty);
      raw.set(sku, byDay);
    };
    for (const s of supply.stock) add(s.sku, todayN, s.free);
    // Overdue open supply is counted from today (or where the store rolled it): purchasing is chasing it.
    for (const r of supply.receipts) add(r.sku, Math.max(todayN, dayNumber(r.date)), r.qty);
    const buckets = new Map<string, Buckets>();
    for (const [sku, byDay] of raw) {
      const days = [...byDay.keys()].sort((a, b) => a - b);
      buckets.set(sku, { days, free: days.map((d) => byDay.get(d)!) });
    }
    const reserved = new Map<string, number>();
    for (const r of supply.reservations) reserved.set(`${r.orderNo}|${r.sku}`, (reserved.get(`${r.orderNo}|${r.sku}`) ?? 0) + r.qty);
    return new AtpLedger(todayN, buckets, reserved, undefined, 0, AtpLedger.riskOf(supply, todayN, dayNumber));
  }

  /** Rebuilds a ledger from remaining buckets (a persisted plan's `plan_atp`). */
  static fromBuckets(
    todayN: number,
    rows: { sku: string; n: number; free: number }[],
    risky: ReadonlyMap<string, readonly RiskySupply[]> = new Map(),
  ): AtpLedger {
    const raw = new Map<string, Map<number, number>>();
    for (const r of rows) {
      const byDay = raw.get(r.sku) ?? new Map<number, number>();
      byDay.set(r.n, (byDay.get(r.n) ?? 0) + r.free);
      raw.set(r.sku, byDay);
    }
    const buckets = new Map<string, Buckets>();
    for (const [sku, byDay] of raw) {
      const days = [...byDay.keys()].sort((a, b) => a - b);
      buckets.set(sku, { days, free: days.map((d) => byDay.get(d)!) });
    }
    return new AtpLedger(todayN, buckets, new Map(), undefined, 0, risky);
  }

  /** A what-if copy: it reads through to this ledger and copies a sku's buckets only when it changes them. */
  fork(): AtpLedger {
    const base = this.depth >= MAX_CHAIN ? this.standAlone() : this;
    return new AtpLedger(this.todayN, new Map(), new Map(), base, base.depth + 1, this.risky);
  }

  /** The same entries in one ledger of its own (the chain's oldest first, so newer ones win). */
  private standAlone(): AtpLedger {
    const chain: AtpLedger[] = [];
    for (let l: AtpLedger | undefined = this; l; l = l.parent) chain.unshift(l);
    const buckets = new Map<string, Buckets>();
    const reserved = new Map<string, number>();
    for (const l of chain) {
      for (const [sku, b] of l.buckets) buckets.set(sku, { days: b.days, free: [...b.free] });
      for (const [key, qty] of l.reserved) reserved.set(key, qty);
    }
    return new AtpLedger(this.todayN, buckets, reserved, undefined, 0, this.risky);
  }

  private bucketsOf(sku: string): Buckets | undefined {
    for (let l: AtpLedger | undefined = this; l; l = l.parent) {
      const b = l.buckets.get(sku);
      if (b) return b;
    }
    return undefined;
  }

  private writable(sku: string): Buckets | undefined {
    const own = this.buckets.get(sku);
    if (own || !this.parent) return own;
    const b = this.parent.bucketsOf(sku);
    if (!b) return undefined;
    const copy = { days: b.days, free: [...b.free] };
    this.buckets.set(sku, copy);
    return copy;
  }

  /** Stock held for this order (its reservations) that it may use first. */
  takeReserved(orderNo: string, sku: string, qty: number): number {
    const key = `${orderNo}|${sku}`;
    let held = 0;
    for (let l: AtpLedger | undefined = this; l; l = l.parent) {
      const own = l.reserved.get(key);
      if (own !== undefined) {
        held = own;
        break;
      }
    }
    const take = Math.min(held, qty);
    if (take > 0) this.reserved.set(key, held - take);
    return take;
  }

  /** Free quantity available by day n (never negative). */
  availableBy(sku: string, n: number): number {
    const b = this.bucketsOf(sku);
    if (!b) return 0;
    let sum = 0;
    for (let i = 0; i < b.days.length && b.days[i] <= n; i++) sum += b.free[i];
    return sum;
  }

  /** The first day by which `qty` is available, or null when open supply never covers it. */
  earliestCovering(sku: string, qty: number): number | null {
    if (qty <= EPS) return this.todayN;
    const b = this.bucketsOf(sku);
    if (!b) return null;
    let sum = 0;
    for (let i = 0; i < b.days.length; i++) {
      sum += b.free[i];
      if (sum >= qty - EPS) return b.days[i];
    }
    return null;
  }

  /** Takes up to `qty` from buckets at or before day n, latest first; returns what it took. */
  allocateBy(sku: string, qty: number, n: number): number {
    return this.allocate(sku, qty, n).taken;
  }

  /** As allocateBy, with the day the taken quantity is all there (the latest bucket it came from). */
  allocate(sku: string, qty: number, n: number): { taken: number; readyN: number } {
    const b = this.writable(sku);
    if (!b || qty <= EPS) return { taken: 0, readyN: this.todayN };
    let left = qty;
    let readyN = this.todayN;
    let i = b.days.length - 1;
    while (i >= 0 && b.days[i] > n) i--;
    for (; i >= 0 && left > EPS; i--) {
      const take = Math.min(left, b.free[i]);
      if (take <= EPS) continue;
      if (readyN === this.todayN) readyN = b.days[i];
      b.free[i] -= take;
      left -= take;
    }
    return { taken: qty - left, readyN };
  }

  skus(): string[] {
    const skus = new Set<string>();
    for (let l: AtpLedger | undefined = this; l; l = l.parent) for (const sku of l.buckets.keys()) skus.add(sku);
    return [...skus];
  }

  /** Remaining free quantity per bucket: what is persisted as the plan's ATP. */
  remaining(): { sku: string; n: number; free: number }[] {
    const out: { sku: string; n: number; free: number }[] = [];
    for (const sku of this.skus()) {
      const b = this.bucketsOf(sku)!;
      for (let i = 0; i < b.days.length; i++) out.push({ sku, n: b.days[i], free: Math.max(0, b.free[i]) });
    }
    return out;
  }
}
