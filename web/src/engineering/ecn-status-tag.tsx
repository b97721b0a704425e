// An ECN's status as a coloured tag.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLOURS: Record<string, string> = { draft: "default", review: "processing", approved: "blue", released: "success", closed: "default" };

export function EcnStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status] ?? "default"}>{t(`engineering.status.${status}`)}</Tag>;
}
