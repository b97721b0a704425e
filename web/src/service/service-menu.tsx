// The after-sales entries of the menu, for the roles that may use them.
import { ScanOutlined, ToolOutlined } from "@ant-design/icons";
import type { TFunction } from "i18next";

const LOOKUP_ROLES = ["admin", "sales", "service", "engineering"];
export const VISIT_ROLES = ["admin", "service", "engineering"];

export function serviceMenu(roles: readonly string[], t: TFunction) {
  const has = (allowed: string[]) => roles.some((r) => allowed.includes(r));
  return [
    ...(has(VISIT_ROLES) ? [{ key: "/service/visit", icon: <ToolOutlined />, label: t("field.menuVisit") }] : []),
    ...(has(LOOKUP_ROLES) ? [{ key: "/service/lookup", icon: <ScanOutlined />, label: t("field.menuLookup") }] : []),
  ];
}
