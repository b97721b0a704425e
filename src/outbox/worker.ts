// The background loop of each app instance: deliver outbox messages, expire soft reservations.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { releaseReservations } from "../inventory/reserve-stock.js";
import { drainOutbox } from "./drain-outbox.js";
import { OUTBOX_HANDLERS } from "./handlers.js";

export function startWorker(db: Kysely<DB>, options: { intervalMs?: number; log?: (error: unknown) => void } = {}) {
  const intervalMs = options.intervalMs ?? 500;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      while (!stopped && (await drainOutbox(db, OUTBOX_HANDLERS)) > 0) {}
      if (!stopped) await db.transaction().execute((tx) => releaseReservations(tx, { expiredBefore: new Date() }, "expired"));
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
