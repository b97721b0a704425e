// The outcome figures as Prometheus gauges, computed at scrape time over the last 30 plant days.
import type { Kysely } from "kysely";
import { Gauge, type Registry } from "prom-client";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { computeOutcomes } from "./compute-outcomes.js";
import { addDays, periodOf } from "./model/period.js";

export const GAUGE_DAYS = 30;
type Figures = Awaited<ReturnType<typeof computeOutcomes>>;

export function registerOutcomeGauges(registry: Registry, db: Kysely<DB>) {
  // prom-client collects all metrics of a scrape concurrently: the gauges share one computation.
  let pending: Promise<Figures> | undefined;
  const figures = () => {
    if (!pending) {
      const now = new Date();
      const today = plantDay(now);
      pending = computeOutcomes(db, periodOf(addDays(today, -(GAUGE_DAYS - 1)), today), { now }).finally(() => {
        pending = undefined;
      });
    }
    return pending;
  };
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    fill: (f: Figures, set: (labels: Record<string, string>, v: number | null) => void) => void,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const f = await figures();
        this.reset();
        fill(f, (labels, value) => {
          if (value !== null) this.set(labels, value);
        });
      },
    });

  gauge("lvyue_outcome_dwell_hours", `Dwell time per stage and status, hours, last ${GAUGE_DAYS} days`, ["stage", "stat"], (f, set) => {
    for (const s of f.dwell.stages) {
      set({ stage: s.stage, stat: "mean" }, s.meanHours);
      set({ stage: s.stage, stat: "median" }, s.medianHours);
      set({ stage: s.stage, stat: "p90" }, s.p90Hours);
    }
    for (const s of f.dwell.statuses) set({ stage: `status:${s.status}`, stat: "mean" }, s.meanHours);
  });
  gauge("lvyue_outcome_on_time_rate", `Deliveries on time ÷ deliveries with a due date, last ${GAUGE_DAYS} days`, ["basis"], (f, set) => {
    set({ basis: "due" }, f.onTime.onTimeRate);
    set({ basis: "promised" }, f.onTime.promised.rate);
    set({ basis: "requested" }, f.onTime.requested.rate);
  });
  gauge("lvyue_outcome_rule_rate", `Rules overall: matched ÷ should have matched, succeeded ÷ matched, last ${GAUGE_DAYS} days`, ["rate"], (f, set) => {
    set({ rate: "execution" }, f.ruleExecution.executionRate);
    set({ rate: "success" }, f.ruleExecution.successRate);
  });
  gauge("lvyue_outcome_data_autonomy_share", `Master-data changes by business roles ÷ by business and admin, last ${GAUGE_DAYS} days`, [], (f, set) =>
    set({}, f.autonomy.share),
  );
  gauge(
    "lvyue_outcome_status_disagreements",
    "Orders whose status disagrees with their log, reservations or delivery date (must be 0), by cause",
    ["cause"],
    (f, set) => {
      for (const [cause, n] of Object.entries(f.agreement.byCause)) set({ cause }, n);
    },
  );
}
