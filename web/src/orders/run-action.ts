// Carries out an order action through the existing routes: transitions, PATCH (If-Match), shipments,
// status links and tasks. The server's actions list says which route; no order is written any other way.
import { api } from "../api/client";
import type { OrderAction, StatusLink } from "../api/types";

export interface ActionValues {
  reason?: string;
  carrier?: string;
  trackingNo?: string;
  requestedDate?: string;
  outcome?: "approve" | "reject" | "needs_input";
  note?: string;
  mentions?: string[];
  /** Part shipment or lower quantities: a quantity per order line. */
  lines?: { line: number; qty: number }[];
}

/** `version`: the order as the person saw it (transitions refuse a stale one; PATCH needs it). */
export async function runAction(orderNo: string, version: number | undefined, action: OrderAction, values: ActionValues): Promise<StatusLink | undefined> {
  const path = `/api/orders/${orderNo}`;
  switch (action.route) {
    case "transition":
      await api("POST", `${path}/transitions`, { to: action.to, ...(values.reason ? { reason: values.reason } : {}), version });
      return;
    case "shipment+transition": {
      // The shipment first: an order still ready may record one, and the status page shows the tracking number.
      // A part shipment leaves the order ready (partly shipped); the parcel that completes it moves it on.
      const lines = values.lines?.filter((l) => l.qty > 0);
      const shipment = await api<{ complete: boolean }>("POST", `${path}/shipments`, {
        carrier: values.carrier,
        trackingNo: values.trackingNo,
        ...(lines?.length ? { lines } : {}),
      });
      // No version: the shipment just moved it on by one (or more, if rules listen), so the one seen is stale.
      if (shipment.complete) await api("POST", `${path}/transitions`, { to: action.to });
      return;
    }
    case "patch":
      await api("PATCH", path, { requestedDate: values.requestedDate }, { "if-match": String(version ?? 0) });
      return;
    case "patch-lines":
      await api("PATCH", `${path}/lines`, { lines: values.lines }, { "if-match": String(version ?? 0) });
      return;
    case "status-link":
      if (action.action === "revokeStatusLink") {
        await api("DELETE", `${path}/status-link`);
        return;
      }
      return api<StatusLink>("POST", `${path}/status-link`, {});
    case "task":
      await api("POST", `/api/tasks/${action.taskId}/done`, { outcome: values.outcome, note: values.note || undefined });
      return;
  }
}
