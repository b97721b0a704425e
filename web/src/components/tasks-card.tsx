// A role's open tasks, newest first.
import { Card, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { TaskList } from "../api/types";
import { OrderLink } from "../orders/order-drawer";

export function TasksCard({ tasks }: { tasks?: TaskList }) {
  const { t } = useTranslation();
  return (
    <Card title={`${t("tasks.title")}${tasks ? ` (${tasks.total})` : ""}`} size="small" data-testid="tasks">
      <List
        size="small"
        dataSource={tasks?.items ?? []}
        locale={{ emptyText: t("tasks.none") }}
        renderItem={(task) => (
          <List.Item>
            <List.Item.Meta
              title={<Typography.Text ellipsis={{ tooltip: task.title }}>{task.title}</Typography.Text>}
              description={
                <>
                  {task.orderNo && <OrderLink orderNo={task.orderNo} />} {task.dueAt && t("tasks.due", { time: new Date(task.dueAt).toLocaleString() })}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
