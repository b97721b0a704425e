// A figure that opens the rows behind it: a real button, so Tab reaches it and Enter opens it.
import { Button } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function FigureButton({ children, onClick, testId, strong }: { children: ReactNode; onClick(): void; testId?: string; strong?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      type="link"
      size="small"
      className={strong ? "figure-button figure-strong" : "figure-button"}
      onClick={onClick}
      title={t("management.drillHint")}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
