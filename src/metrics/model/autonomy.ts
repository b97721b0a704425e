// Who made a master-data change: a business role, admin (IT), or the system itself (demo loader,
// integrations). Data autonomy = business ÷ (business + admin); automated changes are neither.
export type ChangeClass = "business" | "admin" | "automated";

export function classifyChange(actor: string, roles: readonly string[]): ChangeClass {
  if (actor === "system" || actor.startsWith("token:") || roles.includes("integration")) return "automated";
  if (roles.includes("admin")) return "admin";
  return "business";
}

export function share(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 10000) / 10000 : null;
}
