// Settings read once from the environment; everything else receives them as a plain object.
import path from "node:path";

export interface Config {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  demoPassword: string;
  adminPassword: string | undefined;
  sessionHours: number;
  bodyLimitBytes: number;
  /** Largest spreadsheet an import accepts (413 above). */
  importMaxBytes: number;
  logLevel: string;
  /** Least time between two background re-plans (0 turns the background re-planner off). */
  replanSeconds: number;
  /** Origin put in front of links given to customers (status pages, warranty cards); else the request's own. */
  publicUrl: string | undefined;
  /** Requests per minute and client address to the public pages (/s/…, /w/…). */
  publicRateLimit: number;
  /** Which proxies to believe about the client (X-Forwarded-For/-Proto/-Host): false, true, a hop count or addresses. */
  trustProxy: boolean | number | string;
  /** Origins besides the server's own host (and publicUrl) whose pages may post changes (a dev server, a portal). */
  allowedOrigins: string[];
  /** Failed sign-ins per username before it is locked for loginWindowMinutes; sign-ins per client address per window. */
  loginAttemptsPerUser: number;
  loginAttemptsPerAddress: number;
  loginWindowMinutes: number;
}

function trustProxyOf(value: string | undefined): boolean | number | string {
  if (!value || value === "false" || value === "0") return false;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export const DEFAULT_DEMO_PASSWORD = "lvyue-demo";

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? "127.0.0.1",
    port: Number(env.PORT ?? 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.LVYUE_DATA_DIR ?? "./data"),
    demoPassword: env.LVYUE_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    adminPassword: env.LVYUE_ADMIN_PASSWORD || undefined,
    sessionHours: Number(env.LVYUE_SESSION_HOURS ?? 12),
    bodyLimitBytes: Number(env.LVYUE_BODY_LIMIT ?? 10 * 1024 * 1024),
    importMaxBytes: Number(env.LVYUE_IMPORT_MAX_BYTES ?? 50 * 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? "info",
    replanSeconds: Number(env.LVYUE_REPLAN_SECONDS ?? 30),
    publicUrl: env.LVYUE_PUBLIC_URL?.replace(/\/+$/, "") || undefined,
    publicRateLimit: Number(env.LVYUE_PUBLIC_RATE_LIMIT ?? 60),
    trustProxy: trustProxyOf(env.LVYUE_TRUST_PROXY),
    allowedOrigins: (env.LVYUE_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    loginAttemptsPerUser: Number(env.LVYUE_LOGIN_ATTEMPTS_PER_USER ?? 10),
    loginAttemptsPerAddress: Number(env.LVYUE_LOGIN_ATTEMPTS_PER_ADDRESS ?? 30),
    loginWindowMinutes: Number(env.LVYUE_LOGIN_WINDOW_MINUTES ?? 15),
  };
}
