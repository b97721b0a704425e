// An order's status as a coloured tag, in the reader's language.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLOURS: Record<string, string> = {
  draft: "default",
  confirmed: "blue",
  scheduled: "geekblue",
  in_production: "purple",
  ready: "cyan",
  shipped: "green",
  delivered: "success",
  closed: "default",
  on_hold: "orange",
  cancelled: "red",
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status] ?? "default"}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}
