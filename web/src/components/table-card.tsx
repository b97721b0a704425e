// A titled card holding a compact table; pages only when the rows do not fit. Where the card is too
// narrow for its columns (a phone, a side column), each row becomes a small card of "title value" pairs.
import { Card, List, Table, type TableProps } from "antd";
import type { ColumnType } from "antd/es/table";
import type { ReactNode } from "react";
import { CARD_WIDTH, useNarrow } from "./use-narrow";

export function TableCard<T extends object>({
  title,
  rows,
  testId,
  extra,
  empty,
  pageSize = 8,
  cardsBelow = CARD_WIDTH,
  ...table
}: {
  title: ReactNode;
  rows?: T[];
  testId?: string;
  extra?: ReactNode;
  empty?: string;
  pageSize?: number;
  /** Show rows as cards when the card is narrower than this (px). */
  cardsBelow?: number;
} & Omit<TableProps<T>, "dataSource" | "title">) {
  const data = rows ?? [];
  const [ref, narrow] = useNarrow<HTMLDivElement>(cardsBelow);
  const pagination = data.length > pageSize ? ({ pageSize, size: "small" } as const) : false;
  return (
    <Card title={title} size="small" extra={extra} data-testid={testId}>
      <div ref={ref}>
        {narrow ? (
          <RowCards rows={data} columns={(table.columns ?? []) as ColumnType<T>[]} rowKey={table.rowKey} pagination={pagination} empty={empty} />
        ) : (
          <Table size="small" dataSource={data} pagination={pagination} locale={empty ? { emptyText: empty } : undefined} {...table} />
        )}
      </div>
    </Card>
  );
}

function RowCards<T extends object>(props: {
  rows: T[];
  columns: ColumnType<T>[];
  rowKey: TableProps<T>["rowKey"];
  pagination: false | { pageSize: number; size: "small" };
  empty?: string;
}) {
  const keyOf = (row: T, i: number) =>
    typeof props.rowKey === "function" ? props.rowKey(row, i) : props.rowKey ? String((row as Record<string, unknown>)[props.rowKey as string]) : i;
  const cell = (col: ColumnType<T>, row: T, i: number): ReactNode => {
    const value = col.dataIndex === undefined ? undefined : (row as Record<string, unknown>)[col.dataIndex as string];
    return col.render ? (col.render(value, row, i) as ReactNode) : (value as ReactNode);
  };
  return (
    <List
      size="small"
      className="row-cards"
      dataSource={props.rows}
      locale={props.empty ? { emptyText: props.empty } : undefined}
      pagination={props.pagination ? { ...props.pagination, align: "center" } : false}
      renderItem={(row, i) => (
        <List.Item key={keyOf(row, i)} className="row-card">
          {props.columns.map((col, c) => (
            <div key={String(col.key ?? col.dataIndex ?? c)} className={c === 0 ? "row-card-first" : "row-card-field"}>
              {c > 0 && col.title ? <span className="row-card-label">{col.title as ReactNode}</span> : null}
              <span className="row-card-value">{cell(col, row, i)}</span>
            </div>
          ))}
        </List.Item>
      )}
    />
  );
}
