// A titled card holding a compact table; pages only when the rows do not fit.
import { Card, Table, type TableProps } from "antd";
import type { ReactNode } from "react";

export function TableCard<T extends object>({
  title,
  rows,
  testId,
  extra,
  empty,
  pageSize = 8,
  ...table
}: {
  title: ReactNode;
  rows?: T[];
  testId?: string;
  extra?: ReactNode;
  empty?: string;
  pageSize?: number;
} & Omit<TableProps<T>, "dataSource" | "title">) {
  const data = rows ?? [];
  return (
    <Card title={title} size="small" extra={extra} data-testid={testId}>
      <Table
        size="small"
        dataSource={data}
        pagination={data.length > pageSize ? { pageSize, size: "small" } : false}
        locale={empty ? { emptyText: empty } : undefined}
        {...table}
      />
    </Card>
  );
}
