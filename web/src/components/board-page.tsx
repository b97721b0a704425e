// The frame of a board: title, when it was last refreshed (live), a refresh button, errors.
import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function BoardPage(props: {
  title: string;
  updatedAt?: Date;
  loading: boolean;
  error?: Error;
  onRefresh(): void;
  children: ReactNode;
  testId?: string;
  /** Beside the refresh button: e.g. which plan run the figures come from. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={props.testId}>
      <div className="board-title">
        <Typography.Title level={3}>{props.title}</Typography.Title>
        <Space wrap>
          {props.extra}
          {props.updatedAt && (
            <Typography.Text type="secondary" data-testid="updated-at">
              {t("common.updated", { time: props.updatedAt.toLocaleTimeString() })}
            </Typography.Text>
          )}
          <Button icon={<ReloadOutlined />} loading={props.loading} onClick={props.onRefresh} aria-label={t("common.refresh")} />
        </Space>
      </div>
      {props.error && <Alert type="error" showIcon message={t("common.error", { message: props.error.message })} style={{ marginBottom: 12 }} />}
      {props.children}
    </div>
  );
}
