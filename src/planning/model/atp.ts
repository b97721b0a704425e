// Available-to-promise: stock on hand (less reservations) and open supply by expected date, less what
// the plan has allocated, per sku in day buckets. Allocations take from buckets at or before the day
// needed, latest first, so earlier stock stays free for earlier needs and no bucket goes below zero.
import type { SupplyData } from "./types.js";

interface Buckets {
  days: number[];
  free: number[];
}
const EPS = 1e-9;

export class AtpLedger {
  private readonly owned = new Set<string>();
  private constructor(
    readonly todayN: number,
    private readonly buckets: Map<string, Buckets>,
    private readonly reserved: Map<string, number>,
    private readonly isFork = false,
  ) {}

  static build(supply: SupplyData, todayN: number, dayNumber: (day: string) => number): AtpLedger {
    const raw = new Map<string, Map<number, number>>();
    const add = (sku: string, n: number, qty: number) => {
      if (qty <= EPS) return;
      const byDay = raw.get(sku) ?? new Map<number, number>();
      byDay.set(n, (byDay.get(n) ?? 0) + qty);
      raw.set(sku, byDay);
    };
    for (const s of supply.stock) add(s.sku, todayN, s.free);
    // Overdue open supply is counted from today: purchasing is chasing it.
    for (const r of supply.receipts) add(r.sku, Math.max(todayN, dayNumber(r.date)), r.qty);
    const buckets = new Map<string, Buckets>();
    for (const [sku, byDay] of raw) {
      const days = [...byDay.keys()].sort((a, b) => a - b);
      buckets.set(sku, { days, free: days.map((d) => byDay.get(d)!) });
    }
    const reserved = new Map<string, number>();
    for (const r of supply.reservations) reserved.set(`${r.orderNo}|${r.sku}`, (reserved.get(`${r.orderNo}|${r.sku}`) ?? 0) + r.qty);
    const ledger = new AtpLedger(todayN, buckets, reserved);
    for (const sku of buckets.keys()) ledger.owned.add(sku);
    return ledger;
  }

  /** Rebuilds a ledger from remaining buckets (a persisted plan's `plan_atp`). */
  static fromBuckets(todayN: number, rows: { sku: string; n: number; free: number }[]): AtpLedger {
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
    const ledger = new AtpLedger(todayN, buckets, new Map());
    for (const sku of buckets.keys()) ledger.owned.add(sku);
    return ledger;
  }

  /** A copy that shares untouched skus with this ledger (copy on write): for what-if promises. */
  fork(): AtpLedger {
    return new AtpLedger(this.todayN, new Map(this.buckets), new Map(this.reserved), true);
  }

  private writable(sku: string): Buckets | undefined {
    const b = this.buckets.get(sku);
    if (!b || this.owned.has(sku) || !this.isFork) return b;
    const copy = { days: b.days, free: [...b.free] };
    this.buckets.set(sku, copy);
    this.owned.add(sku);
    return copy;
  }

  /** Stock held for this order (its reservations) that it may use first. */
  takeReserved(orderNo: string, sku: string, qty: number): number {
    const key = `${orderNo}|${sku}`;
    const held = this.reserved.get(key) ?? 0;
    const take = Math.min(held, qty);
    if (take > 0) this.reserved.set(key, held - take);
    return take;
  }

  /** Free quantity available by day n (never negative). */
  availableBy(sku: string, n: number): number {
    const b = this.buckets.get(sku);
    if (!b) return 0;
    let sum = 0;
    for (let i = 0; i < b.days.length && b.days[i] <= n; i++) sum += b.free[i];
    return sum;
  }

  /** The first day by which `qty` is available, or null when open supply never covers it. */
  earliestCovering(sku: string, qty: number): number | null {
    if (qty <= EPS) return this.todayN;
    const b = this.buckets.get(sku);
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
    return [...this.buckets.keys()];
  }

  /** Remaining free quantity per bucket: what is persisted as the plan's ATP. */
  remaining(): { sku: string; n: number; free: number }[] {
    const out: { sku: string; n: number; free: number }[] = [];
    for (const [sku, b] of this.buckets) {
      for (let i = 0; i < b.days.length; i++) out.push({ sku, n: b.days[i], free: Math.max(0, b.free[i]) });
    }
    return out;
  }
}
