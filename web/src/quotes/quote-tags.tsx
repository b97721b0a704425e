// A quote's or a version's status as a coloured tag.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLOURS: Record<string, string> = {
  open: "blue",
  won: "success",
  lost: "red",
  draft: "default",
  sent: "geekblue",
  superseded: "default",
  expired: "orange",
};

export function QuoteStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status] ?? "default"} data-testid={`quote-status-${status}`}>
      {t(`quotes.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
