// A titled card listing items, or saying there are none; `name` picks its title, test id and empty text.
import { Card, Empty, List } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

const LISTS = {
  usualSpares: { testId: "usual-spares", empty: "field.noSpares" },
  compatible: { testId: "compatible-models", empty: "field.noCompatible" },
  repairHistory: { testId: "repair-history", empty: "field.noVisits" },
} as const;

export function ListCard<T>({ name, items, render }: { name: keyof typeof LISTS; items: T[]; render(item: T): ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t(`field.${name}`)} data-testid={LISTS[name].testId}>
      {items.length ? (
        <List size="small" dataSource={items} renderItem={(item) => <List.Item>{render(item)}</List.Item>} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(LISTS[name].empty)} />
      )}
    </Card>
  );
}
