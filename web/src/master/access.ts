// Which roles see and change which master data in the web app (the server's grants in core/auth/roles.ts
// decide; this only keeps menus and buttons to what the person may do).
const has = (roles: readonly string[], allowed: string[]) => roles.some((r) => r === "admin" || allowed.includes(r));

export const masterAccess = (roles: readonly string[]) => ({
  customers: has(roles, ["sales", "service", "finance"]),
  credit: has(roles, ["finance"]),
  stock: has(roles, ["warehouse", "planner", "purchasing"]),
  adjustStock: has(roles, ["warehouse"]),
  calendar: has(roles, ["planner"]),
  users: has(roles, []),
});
