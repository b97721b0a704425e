// A titled card holding a short list (pinned orders, tasks, alerts, calendar days): one look on every board.
import { Card, List } from "antd";
import type { ReactNode } from "react";

export function ListCard<T>(props: {
  title: ReactNode;
  items?: T[];
  empty: string;
  renderItem(item: T): ReactNode;
  testId?: string;
  extra?: ReactNode;
  /** Scroll inside the card past this height (px) instead of growing the board. */
  maxHeight?: number;
}) {
  return (
    <Card
      title={props.title}
      size="small"
      extra={props.extra}
      data-testid={props.testId}
      styles={props.maxHeight ? { body: { maxHeight: props.maxHeight, overflowY: "auto" } } : undefined}
    >
      <List
        size="small"
        dataSource={props.items ?? []}
        locale={{ emptyText: props.empty }}
        renderItem={(item) => <List.Item>{props.renderItem(item)}</List.Item>}
      />
    </Card>
  );
}
