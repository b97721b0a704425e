// How shortages changed between two plans, and the message purchasing gets about it. Pure.
export type ShortageTotals = Map<string, { qty: number; dateNeeded: string; red: boolean }>;

export interface ShortageChange {
  sku: string;
  before: number;
  after: number;
  dateNeeded: string | null;
  red: boolean;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function diffShortages(before: ShortageTotals, after: ShortageTotals) {
  const lists = { added: [] as ShortageChange[], increased: [] as ShortageChange[], decreased: [] as ShortageChange[], resolved: [] as ShortageChange[] };
  for (const sku of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(sku);
    const a = after.get(sku);
    const change: ShortageChange = { sku, before: r3(b?.qty ?? 0), after: r3(a?.qty ?? 0), dateNeeded: a?.dateNeeded ?? null, red: a?.red ?? false };
    if (!b && a) lists.added.push(change);
    else if (b && !a) lists.resolved.push(change);
    else if (change.after > change.before + 1e-6) lists.increased.push(change);
    else if (change.after < change.before - 1e-6) lists.decreased.push(change);
    else if (b && a && b.dateNeeded !== a.dateNeeded) (a.dateNeeded < b.dateNeeded ? lists.increased : lists.decreased).push(change);
  }
  for (const list of Object.values(lists)) list.sort((x, y) => Number(y.red) - Number(x.red) || y.after - x.after);
  const count = lists.added.length + lists.increased.length + lists.decreased.length + lists.resolved.length;
  return { lists, count };
}

export function shortageMessage(
  changes: ReturnType<typeof diffShortages>,
  batch: { count: number; reason: string; dueDate: string },
  name: (sku: string) => string,
): { level: "warning" | "critical"; message: string } {
  const { added, increased, decreased, resolved } = changes.lists;
  const worse = [...added, ...increased];
  const red = worse.some((c) => c.red);
  const top = worse
    .slice(0, 5)
    .map((c) => `${name(c.sku)}（${c.sku}）缺 ${c.after}${c.dateNeeded ? `，${c.dateNeeded} 需要` : ""}${c.red ? "【加急】" : ""}`)
    .join("；");
  const message =
    `批量改期 ${batch.count} 单至 ${batch.dueDate}（${batch.reason}）后缺料变化：新增 ${added.length} 项，增加 ${increased.length} 项，减少 ${decreased.length} 项，解除 ${resolved.length} 项` +
    (top ? `。${top}` : "");
  return { level: red ? "critical" : "warning", message };
}
