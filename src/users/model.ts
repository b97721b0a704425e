// Users and roles administration: the rules that need no database. Pure.
import { ROLES, type Role } from "../core/auth/roles.js";

/** Roles a person may hold: every role but `integration`, which is for API tokens only. */
export const PERSON_ROLES = ROLES.filter((r): r is Exclude<Role, "integration"> => r !== "integration");

export interface UserState {
  username: string;
  roles: string[];
  active: boolean;
}

const isActiveAdmin = (u: UserState) => u.active && u.roles.includes("admin");

/**
 * Would this change leave nobody able to administer users? `admins` are the active admins now; the
 * change is refused when it takes the last of them away (deactivated, or the admin role removed).
 */
export function removesLastAdmin(admins: UserState[], before: UserState, after: UserState): boolean {
  if (!isActiveAdmin(before) || isActiveAdmin(after)) return false;
  return admins.filter((a) => a.username !== before.username && isActiveAdmin(a)).length === 0;
}
