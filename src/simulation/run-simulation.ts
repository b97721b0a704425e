// Use case: run the promise simulation for every policy on one seeded stream and write the report.
// The model (src/simulation/model) is pure; this file picks the policies, times the run and writes files.
import { writeFile } from "node:fs/promises";
import { addDays, dayNumber, weekday } from "../calendar/model/dates.js";
import { mulberry32 } from "../demo/random.js";
import type { PlanningHooks } from "../planning/hooks.js";
import { PROMISE_DEFAULTS } from "../settings/promise-settings.js";
import { DEFAULT_DISTURBANCES } from "./model/noise.js";
import { demandStream } from "./model/plant.js";
import { reportHtml, type SimulationReport } from "./model/report.js";
import { scorePolicy } from "./model/score.js";
import { type Policy, type PolicyName, type SimConfig, simulate } from "./model/simulate.js";
import { simulateOnDatabase } from "./run-on-database.js";

export interface SimulationOptions {
  days: number;
  seed: number;
  surge: boolean;
  policies: PolicyName[];
  json?: string;
  html?: string;
  /** Orders per working day (default 6: the bottleneck near 82% of its plannable hours). */
  perDay?: number;
  drainDays?: number;
  /**
   * "database" (default): Lvyue's CTP runs through the product's use cases on an in-process database
   * (run-on-database.ts); the baselines, which the product does not implement, run on the pure model.
   * "model": every policy on the pure model.
   */
  engine?: "database" | "model";
  /** The re-planner's hooks as the app plugs them (release to the shop floor); needed by the database engine. */
  planningHooks?: PlanningHooks;
}

export const ALL_POLICIES: PolicyName[] = ["lvyue-ctp", "lvyue-ctp-no-buffers", "as-asked", "fixed-lead", "lead-plus-margin"];
/** The lead time a fixed-lead ERP would have typed: two weeks. */
export const FIXED_LEAD_DAYS = 14;
const START = "2027-01-04"; // a Monday

export function simulationConfig(o: SimulationOptions): SimConfig {
  const perDay = o.perDay ?? 6;
  const working = (day: number) => {
    const w = weekday(addDays(START, day));
    return w !== 0 && w !== 6;
  };
  const demand = demandStream(mulberry32(o.seed), {
    days: o.days,
    perDay,
    working,
    // The seed's surge, scaled to this plant: three days bringing four weeks of orders, 73% rush.
    ...(o.surge ? { surge: { fromDay: Math.min(21, Math.floor(o.days / 3)), orders: perDay * 20, rushShare: 0.73 } } : {}),
  });
  return { seed: o.seed, start: START, days: o.days, drainDays: o.drainDays ?? 45, horizonDays: 150, demand, disturbances: DEFAULT_DISTURBANCES };
}

export async function runSimulation(o: SimulationOptions, log: (line: string) => void = () => {}): Promise<SimulationReport> {
  const started = performance.now();
  const cfg = simulationConfig(o);
  const lastN = dayNumber(START) + cfg.days + cfg.drainDays - 1;
  const scores = [];
  const notes: string[] = [];
  let fixedFlow: number[] = [];
  for (const name of o.policies) {
    const policy = policyFor(name);
    if (name === "lead-plus-margin") {
      // Hopp–Sturgis: the mean flow time plus z·σ for a 95% service level, from a fixed-lead run on the same stream.
      if (!fixedFlow.length) fixedFlow = flowDays(simulate(cfg, { name: "fixed-lead", leadDays: FIXED_LEAD_DAYS }));
      const mean = fixedFlow.reduce((a, b) => a + b, 0) / Math.max(1, fixedFlow.length);
      const sd = Math.sqrt(fixedFlow.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, fixedFlow.length - 1));
      policy.leadDays = Math.ceil(mean + 1.645 * sd);
      notes.push(`Lead time + margin quotes ${policy.leadDays} days: mean flow time ${mean.toFixed(1)} d + 1.645 × σ ${sd.toFixed(1)} d (fixed-lead run).`);
    }
    const t0 = performance.now();
    const onDatabase = name === "lvyue-ctp" && (o.engine ?? "database") === "database";
    let sim: ReturnType<typeof simulate>;
    if (onDatabase) {
      if (!o.planningHooks) throw new Error("the database engine needs the app's planning hooks");
      const run = await simulateOnDatabase(cfg, o.planningHooks, log);
      sim = run.outcome;
      notes.push(
        `${name} ran through the product's use cases on an in-process PGlite database: ${run.stats.replans} re-plans, ${run.stats.reports} shop-floor reports (${run.stats.pauses} of them pauses at a shift end), intake p50 ${pct50(run.stats.intakeMs)} ms, set-up ${run.stats.setupSeconds.toFixed(1)} s, run ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
      );
      // The same policy on the pure model, as before 0071: the gap between the two rows is what the use cases add.
      const model = scorePolicy(simulate(cfg, policy), lastN);
      scores.push({ ...model, name: "lvyue-ctp-model" });
    } else sim = simulate(cfg, policy);
    if (name === "fixed-lead") fixedFlow = flowDays(sim);
    const score = scorePolicy(sim, lastN);
    scores.splice(onDatabase ? scores.length - 1 : scores.length, 0, score);
    log(
      `${name}: ${(score.onTimeFirstCommit * 100).toFixed(1)}% on time, mean lead ${score.meanQuotedLeadDays} d (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    notes.push(
      `${name}: ${sim.purchaseRequests} purchase requests, ${sim.lateReceipts} late and ${sim.cancelledReceipts} cancelled receipts, ${sim.downtimeHours.toFixed(0)} h breakdowns, ${sim.scrapped} pieces scrapped; plan p50 ${pct50(sim.planMs)} ms.`,
    );
  }
  notes.push(
    `Fixed lead time quotes ${FIXED_LEAD_DAYS} days. Orders are judged when their first promise falls within the ${cfg.days} + ${cfg.drainDays} simulated days.`,
  );
  const report: SimulationReport = {
    seed: o.seed,
    days: o.days,
    surge: o.surge,
    orders: cfg.demand.length,
    elapsedSeconds: (performance.now() - started) / 1000,
    notes,
    policies: scores,
  };
  if (o.json) await writeFile(o.json, `${JSON.stringify(report, null, 2)}\n`);
  if (o.html) await writeFile(o.html, reportHtml(report));
  return report;
}

/**
 * A policy as the simulator runs it. "lvyue-ctp" is what the product does with a fresh plant's settings:
 * the same default buffers (src/settings/promise-settings.ts) that loadPlanningBase hands the planner.
 */
export function policyFor(name: PolicyName): Policy {
  if (name === "lvyue-ctp") return { name, ...PROMISE_DEFAULTS };
  if (name === "lvyue-ctp-no-buffers") return { name, shippingBufferDays: 0, materialBufferDays: 0 };
  if (name === "fixed-lead") return { name, leadDays: FIXED_LEAD_DAYS };
  return { name };
}

function flowDays(sim: ReturnType<typeof simulate>): number[] {
  return sim.orders.filter((x) => x.flowDays !== null).map((x) => x.flowDays!);
}

function pct50(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)].toFixed(1) : "–";
}
