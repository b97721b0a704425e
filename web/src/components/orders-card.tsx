// A board's list of orders: a titled card around the shared order table (ticks for batch actions).
import { Card } from "antd";
import type { ReactNode } from "react";
import type { OrderHeader } from "../api/types";
import { OrderTable } from "./order-table";

export function OrdersCard(props: {
  title: ReactNode;
  orders?: OrderHeader[];
  testId?: string;
  extra?: ReactNode;
  selected?: string[];
  onSelect?(orderNos: string[]): void;
  children?: ReactNode;
}) {
  return (
    <Card title={props.title} size="small" extra={props.extra}>
      <OrderTable orders={props.orders ?? []} testId={props.testId} selected={props.selected} onSelect={props.onSelect} />
      {props.children}
    </Card>
  );
}
