// The background loop of each app instance: deliver outbox messages, expire soft reservations, and
// fire the time-driven rule triggers (overdue tasks, scheduled rules).
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { drainOutbox } from "../core/outbox/drain-outbox.js";
import { releaseReservations } from "../inventory/reserve-stock.js";
import { fireOverdueTasks } from "../rules/fire-overdue-tasks.js";
import { runScheduledRules } from "../rules/run-scheduled-rules.js";
import { OUTBOX_HANDLERS } from "./handlers.js";

export function startWorker(db: Kysely<DB>, options: { intervalMs?: number; triggersEveryMs?: number; log?: (error: unknown) => void } = {}) {
  const intervalMs = options.intervalMs ?? 500;
  const triggersEveryMs = options.triggersEveryMs ?? 15_000;
  let stopped = false;
  let lastTriggers = 0;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      while (!stopped && (await drainOutbox(db, OUTBOX_HANDLERS)) > 0) {}
      if (!stopped) await db.transaction().execute((tx) => releaseReservations(tx, { expiredBefore: new Date() }, "expired"));
      if (!stopped && Date.now() - lastTriggers >= triggersEveryMs) {
        lastTriggers = Date.now();
        while (!stopped && (await fireOverdueTasks(db)) > 0) {}
        if (!stopped) await runScheduledRules(db);
      }
    } catch (error) {
      options.log?.(error);
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
