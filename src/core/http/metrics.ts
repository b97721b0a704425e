// Prometheus metrics of this process (prom-client): request latency by route and domain counters.
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Rule execution and success rates over the last 24 hours, computed at scrape time from the logs. */
export function registerRuleGauges(
  registry: Registry,
  compute: () => Promise<{ rules: { name: string; executionRate: number | null; successRate: number | null }[] }>,
) {
  const execution = new Gauge({
    name: "lvyue_rule_execution_rate",
    help: "Rule matched ÷ should have matched, last 24 h",
    labelNames: ["rule"],
    registers: [registry],
  });
  const success = new Gauge({
    name: "lvyue_rule_success_rate",
    help: "Rule actions succeeded ÷ matched, last 24 h",
    labelNames: ["rule"],
    registers: [registry],
    async collect() {
      const { rules } = await compute();
      execution.reset();
      success.reset();
      for (const r of rules) {
        if (r.executionRate !== null) execution.set({ rule: r.name }, r.executionRate);
        if (r.successRate !== null) success.set({ rule: r.name }, r.successRate);
      }
    },
  });
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: "lvyue_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const ordersCreated = new Counter({ name: "lvyue_orders_created_total", help: "Orders taken in", labelNames: ["source"], registers: [registry] });
  const transitions = new Counter({ name: "lvyue_order_transitions_total", help: "Order status changes", labelNames: ["to"], registers: [registry] });
  return { registry, httpDuration, ordersCreated, transitions };
}
export type Metrics = ReturnType<typeof createMetrics>;

export function instrument(app: FastifyInstance, metrics: Metrics) {
  app.addHook("onResponse", async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? "unmatched", status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
