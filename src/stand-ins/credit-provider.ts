// A local stand-in for the external credit provider, speaking the wire format documented in
// src/rules/credit/credit-client.ts. Decision policy, on exposure = openReceivables + order amount (exact, in fen):
//   approved  exposure <= 90% of creditLimit
//   review    90% < exposure <= creditLimit
//   rejected  exposure >  creditLimit
// score = 1000 - 0.6 × utilisation‰ (clamped 0-1000): approved ≥ 460, review 400-459, rejected < 400.
// Idempotency: the Idempotency-Key (or the body's requestId) names the check; the same key with the same body gets
// the stored answer again, with another body a 409.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Delays, isRecord, parseJson, readBody, sendBadGateway, sendJson, startServer } from "./http.js";

export type CreditProviderMode = "ok" | "error5xx" | "slow" | "malformed";

export interface CreditProviderOptions {
  port?: number;
  host?: string;
  apiKey: string;
  /** How long "slow" mode waits before answering. */
  slowMs?: number;
}

export interface RecordedCreditRequest {
  at: Date;
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorized: boolean;
  body: unknown;
  status: number;
}

export interface CreditProvider {
  url: string;
  requests: RecordedCreditRequest[];
  setMode: (mode: CreditProviderMode) => void;
  stop: () => Promise<void>;
}

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

const toFen = (amount: string): bigint => {
  const [whole, frac = ""] = amount.split(".");
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0"));
};
const yuan = (fen: bigint) => `${fen / 100n}.${(fen % 100n).toString().padStart(2, "0")}`;

export function decideCredit(
  creditLimit: string,
  openReceivables: string,
  amount: string,
): { decision: "approved" | "review" | "rejected"; score: number; reason: string } {
  const limit = toFen(creditLimit);
  const exposure = toFen(openReceivables) + toFen(amount);
  const permille = limit === 0n ? (exposure === 0n ? 0n : 10_000n) : (exposure * 1000n) / limit;
  const score = Math.max(0, Math.min(1000, 1000 - Math.round((Number(permille) * 6) / 10)));
  const summary = `exposure ${yuan(exposure)} CNY (open receivables ${openReceivables} + order ${amount}) against credit limit ${yuan(limit)} CNY`;
  if (exposure * 10n <= limit * 9n) return { decision: "approved", score, reason: `${summary} is within 90% of the limit` };
  if (exposure <= limit) return { decision: "review", score, reason: `${summary} is above 90% of the limit; manual review needed` };
  return { decision: "rejected", score, reason: `${summary} exceeds the limit` };
}

/** Why the body is not a credit check, or null. */
function invalidBody(body: unknown): string | null {
  if (!isRecord(body)) return "body must be a JSON object";
  if (typeof body.requestId !== "string" || body.requestId === "") return "requestId is required";
  const { customer, order } = body;
  if (!isRecord(customer) || typeof customer.code !== "string" || typeof customer.name !== "string") return "customer.code and customer.name are required";
  if (!isRecord(order) || typeof order.orderNo !== "string") return "order.orderNo is required";
  for (const [field, value] of [
    ["customer.creditLimit", customer.creditLimit],
    ["customer.openReceivables", customer.openReceivables],
    ["order.amount", order.amount],
  ] as const) {
    if (typeof value !== "string" || !AMOUNT.test(value)) return `${field} must be a decimal string such as "1250.00"`;
  }
  return null;
}

/** JSON with object keys sorted, so the same body in another key order is still the same request. */
const canonical = (value: unknown): string =>
  isRecord(value)
    ? `{${Object.keys(value)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
        .join(",")}}`
    : Array.isArray(value)
      ? `[${value.map(canonical).join(",")}]`
      : JSON.stringify(value);

const apiError = (code: string, message: string) => ({ error: { code, message } });

export async function startCreditProvider(options: CreditProviderOptions): Promise<CreditProvider> {
  const { port = 0, host = "127.0.0.1", apiKey, slowMs = 3000 } = options;
  const requests: RecordedCreditRequest[] = [];
  const answered = new Map<string, { fingerprint: string; status: number; reply: unknown }>();
  const delays = new Delays();
  let mode: CreditProviderMode = "ok";

  const authorized = (header: string | undefined) => {
    const presented = Buffer.from(/^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "");
    const expected = Buffer.from(apiKey);
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    const raw = await readBody(req);
    const parsed = raw === null ? { ok: false as const } : parseJson(raw);
    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    const record: RecordedCreditRequest = {
      at: new Date(),
      method: req.method ?? "",
      path,
      idempotencyKey,
      authorized: authorized(req.headers.authorization),
      body: parsed.ok ? parsed.value : raw,
      status: 0,
    };
    requests.push(record);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      sendJson(res, status, body, headers);
    };

    if (path !== "/v1/credit-checks") return reply(404, apiError("not_found", `no route ${req.method} ${path}`));
    if (req.method !== "POST") return reply(405, apiError("method_not_allowed", "use POST"), { allow: "POST" });
    if (mode === "error5xx") {
      record.status = 502;
      return sendBadGateway(res);
    }
    if (mode === "slow") await delays.wait(slowMs);
    if (!record.authorized) return reply(401, apiError("invalid_api_key", "missing or invalid API key"), { "www-authenticate": 'Bearer realm="credit"' });
    if (raw === null) return reply(413, apiError("too_large", "request body over 1 MiB"));
    if (!parsed.ok) return reply(400, apiError("invalid_request", "body is not valid JSON"));
    const invalid = invalidBody(parsed.value);
    if (invalid) return reply(400, apiError("invalid_request", invalid));
    const body = parsed.value as {
      requestId: string;
      customer: { creditLimit: string; openReceivables: string };
      order: { amount: string; currency?: unknown };
    };
    if (idempotencyKey !== null && idempotencyKey !== body.requestId) {
      return reply(400, apiError("invalid_request", "Idempotency-Key must equal requestId"));
    }
    if ((body.order.currency ?? "CNY") !== "CNY") return reply(422, apiError("unsupported_currency", "only CNY is supported"));
    if (mode === "malformed") return reply(200, { requestId: body.requestId, result: "APPROVED", score: "high" });

    const fingerprint = canonical(body);
    const previous = answered.get(body.requestId);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        return reply(409, apiError("idempotency_conflict", `requestId ${body.requestId} was already used with a different body`));
      }
      return reply(previous.status, previous.reply, { "idempotent-replayed": "true" });
    }
    const verdict = decideCredit(body.customer.creditLimit, body.customer.openReceivables, body.order.amount);
    const answer = { requestId: body.requestId, ...verdict, checkedAt: new Date().toISOString() };
    answered.set(body.requestId, { fingerprint, status: 200, reply: answer });
    reply(200, answer);
  };

  const running = await startServer(handle, port, host);
  return {
    url: running.url,
    requests,
    setMode: (next) => {
      mode = next;
    },
    stop: () => {
      delays.cancelAll();
      return running.stop();
    },
  };
}
