// Only the orders capability writes the order row and its history (decision 0051): every other change
// goes through its use cases, so it always leaves its event, runs its rules once and reaches every board.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const TABLES = "(orders|order_events)";
const WRITES = [
  new RegExp(`\\.(updateTable|insertInto|deleteFrom)\\(\\s*"${TABLES}"`, "g"),
  new RegExp(`\\b(update|insert\\s+into|delete\\s+from)\\s+${TABLES}\\b`, "gi"),
  new RegExp(`table:\\s*"${TABLES}"`, "g"),
  new RegExp(`insertUnnest\\(\\s*\\w+,\\s*"${TABLES}"`, "g"),
  // The orders store's writers, called from elsewhere, would bypass the use cases just the same.
  /\b(appendEvents?|updateOrderIfVersion|insertOrders(If)?)\b/g,
];
/** Writers allowed outside src/orders, each with its reason (also listed in decision 0051). */
const EXCEPTIONS: Record<string, string> = {
  "src/demo/load-demo-plant.ts": "loads a generated demo plant (years of history) into an empty database at set-up; no live order changes",
  "src/core/db/migrations": "schema migrations",
  "src/intake/take-in.ts":
    "creates new orders through the orders store (intake sits above orders, decision 0063): a new row has no prior version or subscribers; its created event and live notice go in the same statement",
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const writers = (path: string) => WRITES.flatMap((re) => [...readFileSync(path, "utf8").matchAll(re)].map((m) => m[0]));

describe("who writes orders and order_events", () => {
  it("only src/orders (and the listed exceptions)", () => {
    const found = files(join(ROOT, "src"))
      .map((path) => relative(ROOT, path))
      .filter((path) => !path.startsWith("src/orders/") && !Object.keys(EXCEPTIONS).some((e) => path.startsWith(e)))
      .flatMap((path) => writers(join(ROOT, path)).map((w) => `${path}: ${w}`));
    expect(found).toEqual([]);
  });

  it("the check sees a write when there is one", () => {
    expect(writers(join(ROOT, "src/orders/store.ts")).length).toBeGreaterThan(0);
    expect(writers(join(ROOT, "src/demo/load-demo-plant.ts")).length).toBeGreaterThan(0);
  });
});
