// Admin: the people who can sign in, their roles, on/off, and add/edit (with password reset).
import { EditOutlined, UserAddOutlined } from "@ant-design/icons";
import { App, Button, Card, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { UserForm, type UserRow } from "./user-form";

export function UsersCard({ users, onChanged }: { users?: UserRow[]; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<UserRow | "new">();
  const setActive = async (u: UserRow, active: boolean) => {
    try {
      await api("PATCH", `/api/users/${encodeURIComponent(u.username)}`, { active });
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card
      title={t("admin.users")}
      size="small"
      data-testid="users"
      extra={
        <Button size="small" icon={<UserAddOutlined />} onClick={() => setEditing("new")} data-testid="user-add">
          {t("users.add")}
        </Button>
      }
    >
      <Table
        size="small"
        rowKey="username"
        dataSource={users ?? []}
        pagination={(users?.length ?? 0) > 10 ? { pageSize: 10, size: "small" } : false}
        columns={[
          { title: t("signIn.username"), dataIndex: "username" },
          { title: t("users.displayName"), dataIndex: "displayName", ellipsis: true },
          {
            title: t("users.roles"),
            dataIndex: "roles",
            render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`, { defaultValue: r })}</Tag>),
          },
          {
            title: t("users.active"),
            dataIndex: "active",
            width: 72,
            render: (active: boolean, u) => (
              <Switch size="small" checked={active} onChange={(on) => void setActive(u, on)} aria-label={`${u.username} ${t("users.active")}`} />
            ),
          },
          {
            title: "",
            width: 48,
            render: (_, u) => (
              <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={t("users.edit", { username: u.username })} />
            ),
          },
        ]}
      />
      <UserForm user={editing === "new" ? undefined : editing} open={editing !== undefined} onClose={() => setEditing(undefined)} onSaved={onChanged} />
    </Card>
  );
}
