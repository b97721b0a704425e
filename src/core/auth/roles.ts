// The closed lists of roles and permissions, and which role holds which permission.
export const ROLES = [
  "sales",
  "service",
  "planner",
  "purchasing",
  "warehouse",
  "engineering",
  "finance",
  "admin",
  "production", // shop-floor supervisors and operators (decision 0058)
  "integration", // API tokens of EDI feeds and WMS; never a person
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "session", // anything a signed-in caller may do: read orders, items, tasks
  "customers.read",
  "customers.write",
  "customers.credit", // grade, credit limit, receivables: finance's fields
  "items.read",
  "orders.read",
  "orders.create",
  "orders.bulk",
  "orders.update",
  "orders.transition",
  "orders.reschedule",
  "promise",
  "planning.read",
  "planning.write", // the plant calendar (shutdowns, shifts, maintenance) and re-planning
  "inventory.sync",
  "imports.run", // spreadsheet imports of legacy orders and master data
  "users.admin",
  "rules.read",
  "rules.write",
  "settings.write",
  "metrics.scrape",
  "status_links.write", // create and revoke customers' order-status links
  "shipments.write",
  "equipment.read", // the installed base, visits, proposals
  "equipment.write", // import older equipment
  "visits.write", // record a service visit
  "replenishment.manage", // the warehouse's list of parts used by service visits
  "inventory.adjust", // correct a stock balance by hand (adjustment, cycle count) with a reason
  "purchasing.write", // confirm the purchase requests promises depend on
  "production.read", // dispatch lists and the production board
  "production.report", // start / pause / finish an operation with its quantities
  "production.override", // take a report the checks refuse, with a reason that is logged
  "production.downtime", // machine down / machine up
  "engineering.write", // items, BOM and routing versions, change notices (ECN) and their decisions
  "finance.read", // invoice requests, payments, receivables and exposure
  "finance.write", // invoicing profiles, invoice requests and results, payments and their allocation, credit overrides
  "quotes.read", // quotations and their versions
  "quotes.write", // quote, revise, send, convert to an order, mark lost
  "quotes.approve", // let a version below the margin floor be sent (never one's own: decision 0070)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const PEOPLE_BASE: Permission[] = ["session", "items.read", "orders.read", "orders.transition"];

const GRANTS: Record<Role, Permission[]> = {
  sales: [
    ...PEOPLE_BASE,
    "customers.read",
    "customers.write",
    "orders.create",
    "orders.bulk",
    "orders.update",
    "orders.reschedule",
    "promise",
    "imports.run",
    "status_links.write",
    "equipment.read",
    "quotes.read",
    "quotes.write",
    "quotes.approve",
  ],
  service: [
    ...PEOPLE_BASE,
    "customers.read",
    "customers.write",
    "orders.create",
    "orders.bulk",
    "orders.update",
    "promise",
    "status_links.write",
    "equipment.read",
    "equipment.write",
    "visits.write",
  ],
  planner: [
    ...PEOPLE_BASE,
    "orders.update",
    "orders.reschedule",
    "promise",
    "planning.read",
    "planning.write",
    "rules.read",
    "production.read",
    "production.downtime",
  ],
  purchasing: [...PEOPLE_BASE, "planning.read", "replenishment.manage", "purchasing.write"],
  warehouse: [...PEOPLE_BASE, "inventory.sync", "shipments.write", "replenishment.manage", "inventory.adjust"],
  engineering: [...PEOPLE_BASE, "equipment.read", "equipment.write", "visits.write", "engineering.write"],
  finance: [...PEOPLE_BASE, "customers.read", "customers.write", "customers.credit", "finance.read", "finance.write", "quotes.read"],
  admin: [...PERMISSIONS],
  production: [...PEOPLE_BASE, "production.read", "production.report", "production.override", "production.downtime"],
  integration: ["items.read", "orders.read", "orders.bulk", "inventory.sync", "metrics.scrape"],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => GRANTS[role].includes(permission));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => GRANTS[role].includes(permission));
}

/** The demo plant's people: one user per role, named after it. */
export const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: "admin", displayName: "系统管理员", roles: ["admin"] },
  { username: "sales", displayName: "王销售", roles: ["sales"] },
  { username: "service", displayName: "李客服", roles: ["service"] },
  { username: "planner", displayName: "张计划", roles: ["planner"] },
  { username: "purchasing", displayName: "赵采购", roles: ["purchasing"] },
  { username: "warehouse", displayName: "孙仓管", roles: ["warehouse"] },
  { username: "engineering", displayName: "周总工", roles: ["engineering"] },
  { username: "finance", displayName: "吴财务", roles: ["finance"] },
  { username: "production", displayName: "周班长", roles: ["production"] },
];
