// The frame of every signed-in page: menu of the boards the person may open, the ask box, language, live state.
import {
  AppstoreOutlined,
  BuildOutlined,
  FileTextOutlined,
  FundOutlined,
  ImportOutlined,
  LogoutOutlined,
  SafetyOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { Badge, Button, Layout, Menu, Space, Spin, Tooltip, Typography } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useLive } from "../api/live";
import { AskBox } from "../ask/ask-box";
import { boardsFor, useSession } from "../auth/session";
import { masterMenu } from "../master/master-menu";
import { serviceMenu } from "../service/service-menu";
import { LangSwitch } from "./lang-switch";

export function AppLayout() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const { connected } = useLive();
  const navigate = useNavigate();
  const location = useLocation();
  if (!me) return null;
  const canRules = me.roles.includes("admin") || me.roles.includes("planner");
  const items = [
    {
      key: "boards",
      icon: <AppstoreOutlined />,
      label: t("menu.boards"),
      children: boardsFor(me.roles).map((role) => ({ key: `/board/${role}`, label: t(`boards.${role}`) })),
    },
    { key: "/orders", icon: <UnorderedListOutlined />, label: t("menu.orders") },
    ...(me.roles.some((r) => ["admin", "sales", "finance"].includes(r)) ? [{ key: "/quotes", icon: <FileTextOutlined />, label: t("quotes.menu") }] : []),
    ...(canRules ? [{ key: "/rules", icon: <SafetyOutlined />, label: t("menu.rules") }] : []),
    // The outcome metrics are readable by every signed-in person (their routes need a session only).
    { key: "/management", icon: <FundOutlined />, label: t("management.menu") },
    ...(me.roles.includes("admin") || me.roles.includes("sales") ? [{ key: "/imports", icon: <ImportOutlined />, label: t("imports.menu") }] : []),
    ...serviceMenu(me.roles, t),
    ...masterMenu(me.roles, t),
    ...(me.roles.some((r) => ["admin", "planner", "production"].includes(r))
      ? [{ key: "/shop-floor", icon: <BuildOutlined />, label: t("production.menu") }]
      : []),
  ];
  return (
    <Layout className="app">
      <Layout.Sider width={216} breakpoint="lg" collapsedWidth={56} theme="light" className="app-sider">
        <div className="brand">
          <span className="brand-mark">履</span>
          <span className="brand-name">{t("app.name")}</span>
        </div>
        <Menu mode="inline" selectedKeys={[location.pathname]} defaultOpenKeys={["boards"]} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <AskBox />
          <Space size="small" className="header-right">
            <Tooltip title={connected ? t("app.live") : t("app.offline")}>
              <Badge status={connected ? "success" : "error"} text={<span className="live-text">{t("app.live")}</span>} data-testid="live-badge" />
            </Tooltip>
            <LangSwitch />
            <Typography.Text className="who" data-testid="who">
              {me.displayName} · {me.roles.map((r) => t(`roles.${r}`)).join("/")}
            </Typography.Text>
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut().then(() => navigate("/login"))} aria-label={t("app.signOut")} />
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin style={{ display: "block", margin: "48px auto" }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
