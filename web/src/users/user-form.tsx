// Add or edit a person: username (new only), display name, roles, password (new) or password reset.
// The server's 4xx names the field; the message is shown under that field.
import { Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";

export const PERSON_ROLES = ["sales", "service", "planner", "purchasing", "warehouse", "engineering", "finance", "admin"];

export interface UserRow {
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
}

interface Values {
  username?: string;
  displayName: string;
  roles: string[];
  password?: string;
}

const FIELDS = ["username", "displayName", "roles", "password"] as const;

// The server names fields as in its schema ("roles[0]"); the form has one field per name.
const formField = (field: string) => field.replace(/\[\d+\]$/, "");

export function UserForm({ user, open, onClose, onSaved }: { user?: UserRow; open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const save = async (v: Values) => {
    setBusy(true);
    try {
      if (user) {
        await api("PATCH", `/api/users/${encodeURIComponent(user.username)}`, {
          displayName: v.displayName,
          roles: v.roles,
          ...(v.password ? { password: v.password } : {}),
        });
      } else {
        await api("POST", "/api/users", { username: v.username, displayName: v.displayName, roles: v.roles, password: v.password });
      }
      onSaved();
      onClose();
    } catch (e) {
      const field = e instanceof ApiError && e.field ? formField(e.field) : undefined;
      const shown = FIELDS.find((f) => f === field) ?? "displayName";
      form.setFields([{ name: shown, errors: [(e as Error).message] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={user ? t("users.edit", { username: user.username }) : t("users.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="user-form"
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={save}
        initialValues={user ? { displayName: user.displayName, roles: user.roles } : { roles: [] }}
        requiredMark={false}
      >
        {!user && (
          <Form.Item name="username" label={t("signIn.username")} rules={[{ required: true, message: t("users.required") }]} extra={t("users.usernameHint")}>
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t("users.displayName")} rules={[{ required: true, whitespace: true, message: t("users.required") }]}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="roles" label={t("users.roles")} rules={[{ required: true, message: t("users.required") }]}>
          <Select mode="multiple" options={PERSON_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="user-roles" />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t("users.resetPassword") : t("signIn.password")}
          rules={user ? [] : [{ required: true, message: t("users.required") }]}
          extra={t("users.passwordHint")}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
