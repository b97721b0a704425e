// Who is calling: a signed-in person (session cookie) or an integration (API token).
import type { Role } from "./roles.js";

export interface Principal {
  kind: "user" | "token";
  id: number;
  /** Username, or `token:<name>`: what the event log records as the actor. */
  name: string;
  roles: Role[];
}

/** Used by the CLI, the demo loader and migrations: changes made by the system itself. */
export const SYSTEM: Principal = { kind: "user", id: 0, name: "system", roles: ["admin"] };
