// A figure that needs planning data this build does not compute yet: said plainly, not faked.
import { Card, Empty } from "antd";
import { useTranslation } from "react-i18next";

export function NotYetCard({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Card title={title} size="small">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.notYet")} />
    </Card>
  );
}
