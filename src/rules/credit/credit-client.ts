// Client for an external credit provider (a bank's or credit bureau's credit-check API), asked before a big order is accepted.
//
// Wire format (JSON over HTTPS, UTF-8, amounts as decimal strings in yuan with at most two decimals, never floats):
//
//   POST <baseUrl>/v1/credit-checks
//   Authorization: Bearer <apiKey>
//   Idempotency-Key: <requestId>            same key + same body → the stored answer again (header Idempotent-Replayed: true)
//   Content-Type: application/json
//   {"requestId":"chk-…",
//    "customer":{"code":"C0001","name":"…","creditLimit":"500000.00","openReceivables":"120000.00"},
//    "order":{"orderNo":"SO-2025-0001","amount":"80000.00","currency":"CNY"}}
//
//   200 {"requestId":"chk-…","decision":"approved"|"rejected"|"review","score":0-1000,"reason":"…","checkedAt":"2025-01-01T08:00:00.000Z"}
//   4xx/5xx {"error":{"code":"invalid_api_key"|"invalid_request"|"unsupported_currency"|"idempotency_conflict"|…,"message":"…"}}
//     400 invalid_request · 401 invalid_api_key · 409 idempotency_conflict (key reused with another body)
//     422 unsupported_currency · 429 rate_limited · 5xx provider trouble
//
// checkCredit never throws. 4xx is not retryable except 408 and 429; 5xx, timeouts and network errors are.
// A 200 whose body does not match the shape above is a non-retryable error: retrying would get the same bad answer.

export type CreditDecision = "approved" | "rejected" | "review";
export const CREDIT_DECISIONS: readonly CreditDecision[] = ["approved", "rejected", "review"];

export interface CreditClientConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

export interface CreditCheckRequest {
  requestId: string;
  customer: { code: string; name: string; creditLimit: string; openReceivables: string };
  order: { orderNo: string; amount: string; currency?: "CNY" };
}

export interface CreditVerdict {
  decision: CreditDecision;
  score: number;
  reason: string;
  checkedAt: string;
}

export type CreditCheckResult = ({ ok: true } & CreditVerdict) | { ok: false; retryable: boolean; error: string; status?: number };

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Why the request cannot be sent, or null when it is well formed. */
export function checkCreditRequest(request: CreditCheckRequest): string | null {
  if (!request.requestId?.trim()) return "requestId is empty";
  for (const [field, value] of [
    ["customer.creditLimit", request.customer.creditLimit],
    ["customer.openReceivables", request.customer.openReceivables],
    ["order.amount", request.order.amount],
  ] as const) {
    if (typeof value !== "string" || !AMOUNT.test(value)) return `${field} must be a non-negative decimal string, got ${JSON.stringify(value)}`;
  }
  if ((request.order.currency ?? "CNY") !== "CNY") return "order.currency must be CNY";
  return null;
}

/** Validates a 200 reply: the verdict, or why it is malformed. */
export function parseCreditReply(json: unknown, requestId: string): { ok: true; verdict: CreditVerdict } | { ok: false; error: string } {
  const bad = (why: string) => ({ ok: false as const, error: `malformed credit provider reply: ${why}` });
  if (!isRecord(json)) return bad("not a JSON object");
  if (json.requestId !== requestId) return bad(`requestId ${JSON.stringify(json.requestId)} does not match ${JSON.stringify(requestId)}`);
  if (!CREDIT_DECISIONS.includes(json.decision as CreditDecision)) return bad(`decision ${JSON.stringify(json.decision)} is not approved, rejected or review`);
  const { score, reason, checkedAt } = json;
  if (typeof score !== "number" || !Number.isInteger(score) || score < 0 || score > 1000) return bad(`score ${JSON.stringify(score)} is not an integer 0-1000`);
  if (typeof reason !== "string") return bad("reason is missing");
  if (typeof checkedAt !== "string" || !ISO_INSTANT.test(checkedAt) || Number.isNaN(Date.parse(checkedAt))) {
    return bad(`checkedAt ${JSON.stringify(checkedAt)} is not an ISO timestamp`);
  }
  return { ok: true, verdict: { decision: json.decision as CreditDecision, score, reason, checkedAt } };
}

function errorMessage(json: unknown, text: string): string {
  if (isRecord(json) && isRecord(json.error)) {
    const { code, message } = json.error;
    return [code, message].filter((part) => typeof part === "string").join(": ");
  }
  return text.slice(0, 200).trim();
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = cause instanceof Error ? (cause as { code?: unknown }).code : undefined;
  return typeof code === "string" ? `${error.message}: ${code}` : cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}

class Timeout extends Error {}

export async function checkCredit(config: CreditClientConfig, request: CreditCheckRequest): Promise<CreditCheckResult> {
  const invalid = checkCreditRequest(request);
  if (invalid) return { ok: false, retryable: false, error: `invalid credit check request: ${invalid}` };

  const body = {
    requestId: request.requestId,
    customer: { ...request.customer },
    order: { orderNo: request.order.orderNo, amount: request.order.amount, currency: "CNY" },
  };
  const fetchImpl = config.fetchImpl ?? fetch;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Timeout());
    }, config.timeoutMs);
  });
  const exchange = async () => {
    const response = await fetchImpl(`${config.baseUrl.replace(/\/+$/, "")}/v1/credit-checks`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${config.apiKey}`,
        "idempotency-key": request.requestId,
        "content-type": "application/json; charset=utf-8",
        accept: "application/json",
      },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    return { status: response.status, text: await response.text() };
  };

  let status: number;
  let text: string;
  try {
    ({ status, text } = await Promise.race([exchange(), timeout]));
  } catch (error) {
    const why = error instanceof Timeout ? `timed out after ${config.timeoutMs} ms` : `network error: ${describeNetworkError(error)}`;
    return { ok: false, retryable: true, error: `credit provider ${why}` };
  } finally {
    clearTimeout(timer);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (status !== 200) {
    const retryable = status >= 500 || status === 408 || status === 429;
    const detail = errorMessage(json, text);
    return { ok: false, retryable, status, error: `credit provider HTTP ${status}${detail ? `: ${detail}` : ""}` };
  }
  if (json === undefined) return { ok: false, retryable: false, status, error: "malformed credit provider reply: not JSON" };
  const parsed = parseCreditReply(json, request.requestId);
  return parsed.ok ? { ok: true, ...parsed.verdict } : { ok: false, retryable: false, status, error: parsed.error };
}
