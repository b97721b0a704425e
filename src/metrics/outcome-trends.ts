// Use case: the outcome figures per ISO week or per month of a period, as chart series.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { autonomyAggregates } from "./autonomy-store.js";
import { deliveryAggregates } from "./delivery-store.js";
import { dwellTrend } from "./dwell-rollup-store.js";
import type { Period } from "./model/period.js";
import { shapeAutonomy, shapeDelivery, shapeDwellTrend } from "./model/shape.js";
import { refreshOutcomeSummaries } from "./refresh-summaries.js";

export async function outcomeTrends(db: Kysely<DB>, period: Period, by: "week" | "month") {
  await refreshOutcomeSummaries(db);
  const [dwell, deliveries, autonomy] = await Promise.all([dwellTrend(db, period, by), deliveryAggregates(db, period), autonomyAggregates(db, period)]);
  const onTime = shapeDelivery(deliveries, new Map());
  const shares = shapeAutonomy(autonomy);
  return {
    period: { from: period.from, to: period.to },
    by,
    dwell: shapeDwellTrend(dwell),
    onTime:
      by === "week" ? onTime.byWeek.map(({ week, ...f }) => ({ bucket: week, ...f })) : onTime.byMonth.map(({ month, ...f }) => ({ bucket: month, ...f })),
    autonomy:
      by === "week" ? shares.byWeek.map(({ week, ...f }) => ({ bucket: week, ...f })) : shares.byMonth.map(({ month, ...f }) => ({ bucket: month, ...f })),
  };
}
