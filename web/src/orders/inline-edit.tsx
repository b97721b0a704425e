// Inline edit of an order's fields in a list, for the roles that may change them. Each save sends the
// version the row showed (If-Match); a stale row is refused by the server and the list reloads.
import { DatePicker, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { OrderHeader } from "../api/types";

/** Who may edit which field: mirrors the server's rules (src/orders/update-order.ts), which decide. */
export const EDITORS = {
  note: ["sales", "service", "planner", "warehouse", "finance", "admin"],
  requestedDate: ["sales", "service", "admin"],
} as const;
export type EditableField = keyof typeof EDITORS;

export const mayEdit = (roles: readonly string[], field: EditableField) => roles.some((r) => (EDITORS[field] as readonly string[]).includes(r));

export function patchOrder(order: OrderHeader, change: Partial<Record<EditableField, string | null>>) {
  return api<OrderHeader>("PATCH", `/api/orders/${order.orderNo}`, change, { "if-match": `"${order.version}"` });
}

interface CellProps {
  order: OrderHeader;
  editable: boolean;
  onSaved(): void;
  onError(message: string): void;
}

export function NoteCell({ order, editable, onSaved, onError }: CellProps) {
  const { t } = useTranslation();
  if (!editable) return <Typography.Text ellipsis={{ tooltip: order.note }}>{order.note}</Typography.Text>;
  return (
    <Typography.Text
      style={{ margin: 0 }}
      editable={{
        tooltip: t("orders.edit"),
        triggerType: ["icon", "text"],
        onChange: (note) => {
          if (note === order.note) return;
          patchOrder(order, { note })
            .then(onSaved)
            .catch((e: Error) => onError(e.message));
        },
      }}
    >
      {order.note}
    </Typography.Text>
  );
}

export function DateCell({ order, editable, onSaved, onError }: CellProps) {
  if (!editable) return <span className="nowrap">{order.requestedDate ?? "—"}</span>;
  return (
    <DatePicker
      size="small"
      variant="borderless"
      value={order.requestedDate ? dayjs(order.requestedDate) : null}
      disabledDate={(d) => d.isBefore(dayjs(), "day")}
      onChange={(d) =>
        patchOrder(order, { requestedDate: d ? d.format("YYYY-MM-DD") : null })
          .then(onSaved)
          .catch((e: Error) => onError(e.message))
      }
      suffixIcon={null}
      style={{ width: 112, padding: 0 }}
    />
  );
}
