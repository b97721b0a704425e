// A role's open tasks, newest first.
import { List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { TaskList } from "../api/types";
import { OrderLink } from "../orders/order-drawer";
import { ListCard } from "./list-card";

export function TasksCard({ tasks }: { tasks?: TaskList }) {
  const { t } = useTranslation();
  return (
    <ListCard
      title={`${t("tasks.title")}${tasks ? ` (${tasks.total})` : ""}`}
      testId="tasks"
      items={tasks?.items}
      empty={t("tasks.none")}
      renderItem={(task) => (
        <List.Item.Meta
          title={<Typography.Text ellipsis={{ tooltip: task.title }}>{task.title}</Typography.Text>}
          description={
            <>
              {task.orderNo && <OrderLink orderNo={task.orderNo} />} {task.dueAt && t("tasks.due", { time: new Date(task.dueAt).toLocaleString() })}
            </>
          }
        />
      )}
    />
  );
}
