// Use case: the outcome figures per ISO week or per month of a period, as chart series.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { ruleExecutionTrend } from "../rules/rule-execution-rate.js";
import { agreementByCreation } from "./agreement-store.js";
import { autonomyAggregates } from "./autonomy-store.js";
import { deliveryAggregates } from "./delivery-store.js";
import { dwellTrend } from "./dwell-rollup-store.js";
import type { Period } from "./model/period.js";
import { shapeAgreementTrend, shapeAutonomy, shapeDelivery, shapeDwellTrend } from "./model/shape.js";
import { refreshOutcomeSummaries } from "./refresh-summaries.js";

export async function outcomeTrends(db: Kysely<DB>, period: Period, by: "week" | "month") {
  await refreshOutcomeSummaries(db);
  const [dwell, deliveries, autonomy, ruleExecution, agreement] = await Promise.all([
    dwellTrend(db, period, by),
    deliveryAggregates(db, period),
    autonomyAggregates(db, period),
    ruleExecutionTrend(db, { from: period.start, to: period.end }, by),
    agreementByCreation(db, period, by),
  ]);
  const onTime = shapeDelivery(deliveries, new Map());
  const shares = shapeAutonomy(autonomy);
  return {
    period: { from: period.from, to: period.to },
    by,
    dwell: shapeDwellTrend(dwell),
    onTime:
      by === "week" ? onTime.byWeek.map(({ week, ...f }) => ({ bucket: week, ...f })) : onTime.byMonth.map(({ month, ...f }) => ({ bucket: month, ...f })),
    ruleExecution,
    autonomy:
      by === "week" ? shares.byWeek.map(({ week, ...f }) => ({ bucket: week, ...f })) : shares.byMonth.map(({ month, ...f }) => ({ bucket: month, ...f })),
    /** Orders by the bucket they were created in, against the disagreements found now. */
    agreement: shapeAgreementTrend(agreement),
  };
}
