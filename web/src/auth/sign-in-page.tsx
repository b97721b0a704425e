// The sign-in page: username and password, then the role's home board.
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { LangSwitch } from "../layout/lang-switch";
import { homeBoard, useSession } from "./session";

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const me = await signIn(values.username.trim(), values.password);
      navigate(`/board/${homeBoard(me.roles)}`, { replace: true });
    } catch (e) {
      setError(t("signIn.failed", { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sign-in">
      <div className="sign-in-lang">
        <LangSwitch />
      </div>
      <Card className="sign-in-card">
        <Typography.Title level={3}>{t("signIn.title")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("app.subtitle")}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t("signIn.username")} rules={[{ required: true, message: t("signIn.required", { field: t("signIn.username") }) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="username" />
          </Form.Item>
          <Form.Item name="password" label={t("signIn.password")} rules={[{ required: true, message: t("signIn.required", { field: t("signIn.password") }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("signIn.submit")}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t("signIn.hint")}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
