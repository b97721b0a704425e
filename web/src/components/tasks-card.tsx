// The task inbox on every board: my tasks and my roles' (and those mentioning me), each with its order one
// click away, closed with a note and @colleagues; a review closes with approve / reject / needs input.
import { Button, Flex, Form, Input, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { InboxTask, TaskList } from "../api/types";
import { useLiveData } from "../api/use-live-data";
import { ActionForm } from "../orders/action-form";
import { OrderLink } from "../orders/order-drawer";
import type { ActionValues } from "../orders/run-action";
import { usePeople } from "../orders/use-people";
import { ListCard } from "./list-card";

// The board's own task figures are no longer read: the inbox asks for the caller's tasks itself.
export function TasksCard(_: { tasks?: TaskList }) {
  const { t } = useTranslation();
  const inbox = useLiveData(
    () => api<{ tasks: InboxTask[] }>("GET", "/api/tasks?mine=1&status=open&limit=50"),
    [],
    (c) => c.kind === "task" || c.kind === "order",
  );
  const tasks = inbox.data?.tasks;
  return (
    <ListCard
      title={`${t("actions.tasks.title")}${tasks ? ` (${tasks.length})` : ""}`}
      testId="tasks"
      items={tasks}
      empty={t("actions.tasks.none")}
      maxHeight={520}
      renderItem={(task) => <TaskItem task={task} onDone={() => void inbox.reload()} />}
    />
  );
}

function TaskItem({ task, onDone }: { task: InboxTask; onDone(): void }) {
  const { t } = useTranslation();
  const { nameOf } = usePeople();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const close = async (values: ActionValues) => {
    setBusy(true);
    try {
      await api("POST", `/api/tasks/${task.id}/done`, {
        note: values.note || undefined,
        outcome: values.outcome,
        mentions: values.mentions?.length ? values.mentions : undefined,
      });
      setOpen(false);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const forWhom = task.assignee.user
    ? t("actions.tasks.forMe")
    : task.assignee.role
      ? t("actions.tasks.forRole", { role: t(`roles.${task.assignee.role}`) })
      : "";
  return (
    <Flex vertical gap={4} style={{ width: "100%", minWidth: 0 }} data-testid={`task-${task.id}`}>
      <Flex justify="space-between" gap={8} align="start">
        <Typography.Text style={{ minWidth: 0 }} ellipsis={{ tooltip: task.title }}>
          {task.review && <Tag color="purple">{t("actions.tasks.review")}</Tag>}
          {task.title}
        </Typography.Text>
        <Button size="small" type={open ? "default" : "primary"} ghost={!open} onClick={() => setOpen(!open)} data-testid={`task-open-${task.id}`}>
          {task.review ? t("actions.tasks.review") : t("actions.tasks.done")}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {task.orderNo && <OrderLink orderNo={task.orderNo} />} {forWhom}
        {task.dueAt && ` · ${t("actions.tasks.due", { time: new Date(task.dueAt).toLocaleString() })}`}
      </Typography.Text>
      {task.follows?.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("actions.tasks.from", { who: nameOf(task.follows.by?.username), note: task.follows.note })}
        </Typography.Text>
      )}
      {open &&
        (task.review ? (
          <ActionForm
            action={{ action: "review", label: "", needs: ["note", "outcome"], route: "task", taskId: task.id }}
            busy={busy}
            onSubmit={(v) => void close(v)}
          />
        ) : (
          <DoneForm busy={busy} onSubmit={(v) => void close(v)} />
        ))}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Flex>
  );
}

function DoneForm({ busy, onSubmit }: { busy: boolean; onSubmit(v: ActionValues): void }) {
  const { t } = useTranslation();
  const { people } = usePeople();
  return (
    <Form layout="vertical" onFinish={(v: ActionValues) => onSubmit(v)} data-testid="task-done-form">
      <Form.Item name="note" label={t("actions.note")}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="task-note" />
      </Form.Item>
      <Form.Item name="mentions" label={t("actions.mention")}>
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={people.map((p) => ({ value: p.username, label: p.displayName }))}
          data-testid="task-mentions"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="task-done">
        {t("actions.tasks.done")}
      </Button>
    </Form>
  );
}
