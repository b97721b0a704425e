// A list of records: a compact table on a wide screen, one card per record on a phone (label: value
// lines, no horizontal scroll). Columns say how to render a value once for both.
import { Card, Empty, Grid, List, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";

export interface RecordColumn<T> {
  key: string;
  title: string;
  render(row: T): ReactNode;
  width?: number;
  align?: "left" | "right";
  /** Shown as the card's title on a phone (the record's name). */
  primary?: boolean;
}

export function RecordList<T>({
  rows,
  columns,
  rowKey,
  loading,
  actions,
  testId,
  pageSize = 20,
}: {
  rows: T[];
  columns: RecordColumn<T>[];
  rowKey(row: T): string;
  loading?: boolean;
  actions?: (row: T) => ReactNode;
  testId?: string;
  pageSize?: number;
}) {
  const screens = Grid.useBreakpoint();
  if (screens.md === false) {
    const primary = columns.find((c) => c.primary) ?? columns[0];
    return (
      <List
        data-testid={testId}
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        pagination={rows.length > pageSize ? { pageSize, size: "small" } : false}
        renderItem={(row) => (
          <List.Item style={{ padding: "4px 0", border: "none" }} data-testid="record" data-key={rowKey(row)}>
            <Card size="small" style={{ width: "100%" }} title={primary.render(row)} extra={actions?.(row)}>
              {columns
                .filter((c) => c !== primary)
                .map((c) => (
                  <div key={c.key} className="record-line">
                    <span className="record-label">{c.title}</span>
                    <span className="record-value">{c.render(row)}</span>
                  </div>
                ))}
            </Card>
          </List.Item>
        )}
      />
    );
  }
  const tableColumns: ColumnsType<T> = [
    ...columns.map((c) => ({ key: c.key, title: c.title, width: c.width, align: c.align, render: (_: unknown, row: T) => c.render(row) })),
    ...(actions ? [{ key: "actions", title: "", width: 90, render: (_: unknown, row: T) => actions(row) }] : []),
  ];
  return (
    <Table
      data-testid={testId}
      size="small"
      loading={loading}
      rowKey={(row) => rowKey(row)}
      dataSource={rows}
      columns={tableColumns}
      onRow={(row) => ({ "data-key": rowKey(row) }) as object}
      pagination={rows.length > pageSize ? { pageSize, size: "small" } : false}
    />
  );
}
