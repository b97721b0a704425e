// Status agreement with the shipments: on the hand-built history (every shipped order left with its
// shipment) nothing disagrees; then each kind of mismatch is made once and named with its cause.
import { describe, expect, it } from "vitest";
import { at, outcomeAppWithHistory } from "../fixtures/outcome-history.js";

const app = outcomeAppWithHistory();

const PERIOD = "from=2026-03-02&to=2026-03-15";

describe("status agreement with the shipments", () => {
  it("lists a shipped or delivered order without a shipment, and a shipment gone out ahead of its order's status", async () => {
    const healthy = await app.t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
    expect(healthy.body.agreement.disagreements).toBe(0);

    const db = app.t.database.db;
    const ship = (orderNo: string, tracking: string, shippedAt: Date) =>
      db
        .insertInto("shipments")
        .values({ order_no: orderNo, carrier: "德邦物流", tracking_no: tracking, shipped_at: shippedAt, created_by: "warehouse" })
        .execute();
    // Delivered, its shipment gone: missing. Closed (0303) without its shipment is not checked.
    await db.deleteFrom("shipments").where("order_no", "in", ["DH20260302001", "DH20260303001"]).execute();
    // Confirmed (0310) with a shipment that has left: unexpected. Scheduled (0309) with one booked for later: fine.
    await ship("DH20260310001", "DB001", at("03-11", "09:00"));
    await ship("DH20260309001", "DB002", new Date(Date.now() + 86_400_000));
    // Cancelled (0311) and yet a shipment left: unexpected.
    await ship("DH20260311001", "DB003", at("03-11", "10:00"));

    const res = await app.t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
    expect(res.body.agreement.disagreements).toBe(3);
    expect(res.body.agreement.byCause).toMatchObject({ shipment_missing: 1, shipment_unexpected: 2, event_log: 0 });
    const list = await app.t.api("GET", "/api/metrics/outcomes/disagreements");
    expect(list.body.disagreements).toEqual([
      { orderNo: "DH20260302001", cause: "shipment_missing", status: "delivered", detail: null },
      {
        orderNo: "DH20260310001",
        cause: "shipment_unexpected",
        status: "confirmed",
        detail: expect.stringMatching(/^1 shipment\(s\), first 德邦物流 DB001 left 2026-03-11/),
      },
      { orderNo: "DH20260311001", cause: "shipment_unexpected", status: "cancelled", detail: expect.stringContaining("德邦物流 DB003") },
    ]);
    const unexpected = await app.t.api("GET", "/api/metrics/outcomes/disagreements?cause=shipment_unexpected");
    expect(unexpected.body.disagreements.map((d: { orderNo: string }) => d.orderNo)).toEqual(["DH20260310001", "DH20260311001"]);
  });
});
