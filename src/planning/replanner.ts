// The background re-planner: every few seconds, if the current plan is stale (a changed order,
// calendar or stock, or a new day), recompute it, at most once per `minIntervalMs`. First, every tick,
// the shop floor releases the orders scheduled since (hooks.beforeReplan, idempotent), so work orders
// reach the dispatch lists without anyone reading them, and a release (which makes the plan stale at
// once) is planned in the same tick. A shop-floor change (a report, a release, a machine down) wakes it
// at once instead of at the next poll (decision 0061), and one that arrives during a run is taken right
// after it. Every instance runs one; the plan's advisory lock makes concurrent runs take turns, and a
// run that finds the plan fresh only releases.
import type { Kysely } from "kysely";
import type { Listen } from "../core/db/listen.js";
import type { DB } from "../core/db/schema.js";
import { CHANGE_CHANNEL, parseChange } from "../events/model/change.js";
import type { PlanningHooks } from "./hooks.js";
import { planStaleness, replan } from "./replan.js";

export function startReplanner(
  db: Kysely<DB>,
  hooks: PlanningHooks,
  options: { pollMs?: number; minIntervalMs?: number; log?: (error: unknown) => void; listen?: Listen } = {},
) {
  const pollMs = options.pollMs ?? 5_000;
  const minIntervalMs = options.minIntervalMs ?? 30_000;
  let last = 0;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const work = async () => {
    if (await replanTick(db, hooks, (urgent) => urgent || Date.now() - last >= minIntervalMs)) last = Date.now();
  };
  let again = false;
  const tick = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = work();
    try {
      await running;
    } catch (error) {
      options.log?.(error);
    } finally {
      running = undefined;
    }
    if (again) {
      again = false;
      await tick();
    }
  };
  const listening = options.listen?.(CHANGE_CHANNEL, (payload) => {
    if (parseChange(payload)?.kind === "production") void tick();
  });
  listening?.catch((error) => options.log?.(error));
  const timer = setInterval(tick, pollMs);
  timer.unref();
  void tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await (await listening?.catch(() => undefined))?.();
      await running?.catch(() => undefined);
    },
  };
}

/**
 * One tick of the re-planner: release what was scheduled, then re-plan if the plan is stale and `due`
 * says so (`urgent`: no plan yet, a new day or a shop-floor change). True when it re-planned.
 */
export async function replanTick(db: Kysely<DB>, hooks: PlanningHooks, due: (urgent: boolean) => boolean = () => true): Promise<boolean> {
  await hooks.beforeReplan(db);
  const { stale, run, reasons } = await planStaleness(db);
  // The shop floor (a report, a release, a machine down) goes into the plan at once (decision 0058).
  const urgent = !run || reasons.includes("new_day") || reasons.includes("shop_floor");
  if (!stale || !due(urgent)) return false;
  await replan(db, "system", run ? "change" : "start");
  return true;
}
