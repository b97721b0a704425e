// The master-data entries of the menu, one click each, for the roles that keep that data.
import { CalendarOutlined, DatabaseOutlined, TeamOutlined, UserSwitchOutlined } from "@ant-design/icons";
import type { TFunction } from "i18next";
import { masterAccess } from "./access";

export function masterMenu(roles: readonly string[], t: TFunction) {
  const can = masterAccess(roles);
  return [
    ...(can.customers ? [{ key: "/master/customers", icon: <TeamOutlined />, label: t("intake.menu.customers") }] : []),
    ...(can.stock ? [{ key: "/master/stock", icon: <DatabaseOutlined />, label: t("intake.menu.stock") }] : []),
    ...(can.calendar ? [{ key: "/master/calendar", icon: <CalendarOutlined />, label: t("intake.menu.calendar") }] : []),
    ...(can.users ? [{ key: "/master/users", icon: <UserSwitchOutlined />, label: t("intake.menu.users") }] : []),
  ];
}
