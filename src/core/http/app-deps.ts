// What every capability's routes receive from the app assembly: core services only, no capability.
import type { Kysely } from "kysely";
import type { PrincipalCache } from "../auth/principal-cache.js";
import type { Config } from "../config.js";
import type { DbKind } from "../db/connect.js";
import type { DB } from "../db/schema.js";
import type { Metrics } from "./metrics.js";

export interface AppDeps {
  db: Kysely<DB>;
  kind: DbKind;
  config: Config;
  version: string;
  metrics: Metrics;
  /** Who each session or token is; forget() after a change to sessions, users or tokens. */
  principals: PrincipalCache;
}
