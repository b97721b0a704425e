import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CreditCheckRequest, checkCredit, parseCreditReply } from "../../src/rules/credit/credit-client.js";
import { type CreditProvider, decideCredit, startCreditProvider } from "../../src/stand-ins/credit-provider.js";

const API_KEY = "test-credit-key";

let provider: CreditProvider;
let down: CreditProvider;
let counter = 0;

beforeAll(async () => {
  provider = await startCreditProvider({ apiKey: API_KEY, slowMs: 1000 });
  down = await startCreditProvider({ apiKey: API_KEY });
  await down.stop();
});

afterAll(async () => {
  await provider.stop();
  await down.stop();
});

beforeEach(() => {
  provider.setMode("ok");
});

const config = (overrides: Partial<{ baseUrl: string; apiKey: string; timeoutMs: number }> = {}) => ({
  baseUrl: provider.url,
  apiKey: API_KEY,
  timeoutMs: 2000,
  ...overrides,
});

const request = (creditLimit: string, openReceivables: string, amount: string): CreditCheckRequest => ({
  requestId: `chk-${++counter}`,
  customer: { code: "C0001", name: "苏州精工机械有限公司", creditLimit, openReceivables },
  order: { orderNo: `SO-2025-${counter}`, amount, currency: "CNY" },
});

describe("decision policy over HTTP", () => {
  it.each([
    ["approved well inside the limit", "100000.00", "10000.00", "20000.00", "approved"],
    ["approved at exactly 90%", "100000.00", "50000.00", "40000.00", "approved"],
    ["review one fen over 90%", "100000.00", "50000.00", "40000.01", "review"],
    ["review at exactly the limit", "100000.00", "60000", "40000", "review"],
    ["rejected one fen over the limit", "100000.00", "60000.00", "40000.01", "rejected"],
    ["rejected with no credit limit", "0", "0", "0.01", "rejected"],
  ] as const)("%s", async (_name, limit, open, amount, decision) => {
    const result = await checkCredit(config(), request(limit, open, amount));
    expect(result).toMatchObject({ ok: true, decision });
    if (!result.ok) return;
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1000);
    expect(result.reason).toContain("credit limit");
    expect(Number.isNaN(Date.parse(result.checkedAt))).toBe(false);
  });

  it("scores fall into bands by decision", () => {
    expect(decideCredit("100000", "0", "0").score).toBe(1000);
    expect(decideCredit("100000", "50000", "40000").score).toBe(460);
    expect(decideCredit("100000", "60000", "40000").score).toBe(400);
    expect(decideCredit("100000", "200000", "0").score).toBe(0);
  });

  it("sends the documented headers and body", async () => {
    const req = request("500000.00", "120000.00", "80000.00");
    await checkCredit(config(), req);
    const recorded = provider.requests.at(-1)!;
    expect(recorded).toMatchObject({ method: "POST", path: "/v1/credit-checks", idempotencyKey: req.requestId, authorized: true, status: 200 });
    expect(recorded.body).toEqual({ requestId: req.requestId, customer: req.customer, order: req.order });
  });
});

describe("errors", () => {
  it("a wrong API key is a 401, not retryable", async () => {
    const result = await checkCredit(config({ apiKey: "wrong" }), request("100", "0", "1"));
    expect(result).toEqual({ ok: false, retryable: false, status: 401, error: "credit provider HTTP 401: invalid_api_key: missing or invalid API key" });
  });

  it("replays the same answer for the same requestId, and refuses it with another body", async () => {
    const req = request("100000", "0", "1000");
    const first = await checkCredit(config(), req);
    const second = await checkCredit(config(), req);
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    const response = await fetch(`${provider.url}/v1/credit-checks`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "idempotency-key": req.requestId, "content-type": "application/json" },
      body: JSON.stringify({ requestId: req.requestId, customer: req.customer, order: req.order }),
    });
    expect(response.headers.get("idempotent-replayed")).toBe("true");
    const conflict = await checkCredit(config(), { ...req, order: { ...req.order, amount: "2000" } });
    expect(conflict).toMatchObject({ ok: false, retryable: false, status: 409 });
  });

  it("a malformed reply is a clear, non-retryable error", async () => {
    provider.setMode("malformed");
    const result = await checkCredit(config(), request("100", "0", "1"));
    expect(result).toMatchObject({ ok: false, retryable: false, status: 200 });
    expect(!result.ok && result.error).toMatch(/^malformed credit provider reply: decision undefined/);
  });

  it("mode slow with a short timeout is a retryable timeout", async () => {
    provider.setMode("slow");
    const result = await checkCredit(config({ timeoutMs: 100 }), request("100", "0", "1"));
    expect(result).toEqual({ ok: false, retryable: true, error: "credit provider timed out after 100 ms" });
  });

  it("mode error5xx is retryable", async () => {
    provider.setMode("error5xx");
    expect(await checkCredit(config(), request("100", "0", "1"))).toMatchObject({ ok: false, retryable: true, status: 502 });
  });

  it("a stopped provider is a retryable network error", async () => {
    const result = await checkCredit(config({ baseUrl: down.url }), request("100", "0", "1"));
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(!result.ok && result.error).toMatch(/network error: .*ECONNREFUSED/);
  });

  it("a badly formed request is refused before sending", async () => {
    const before = provider.requests.length;
    const result = await checkCredit(config(), request("100", "0", "1,000.00"));
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toMatch(/order.amount must be a non-negative decimal string/);
    expect(provider.requests.length).toBe(before);
  });

  it.each([
    [404, false],
    [408, true],
    [429, true],
    [500, true],
    [422, false],
  ])("HTTP %i → retryable %s", async (status, retryable) => {
    const fetchImpl = (async () => new Response(JSON.stringify({ error: { code: "x", message: "y" } }), { status })) as typeof fetch;
    expect(await checkCredit({ ...config(), fetchImpl }, request("100", "0", "1"))).toEqual({
      ok: false,
      retryable,
      status,
      error: `credit provider HTTP ${status}: x: y`,
    });
  });

  it("a 200 that is not JSON is malformed", async () => {
    const fetchImpl = (async () => new Response("<html>ok</html>", { status: 200 })) as typeof fetch;
    expect(await checkCredit({ ...config(), fetchImpl }, request("100", "0", "1"))).toMatchObject({
      ok: false,
      retryable: false,
      error: "malformed credit provider reply: not JSON",
    });
  });
});

describe("parseCreditReply", () => {
  const good = { requestId: "r1", decision: "review", score: 420, reason: "near the limit", checkedAt: "2025-03-01T08:00:00.000Z" };

  it("accepts the documented shape", () => {
    expect(parseCreditReply(good, "r1")).toEqual({
      ok: true,
      verdict: { decision: "review", score: 420, reason: "near the limit", checkedAt: good.checkedAt },
    });
  });

  it.each([
    [{ ...good, requestId: "r2" }, /requestId "r2" does not match "r1"/],
    [{ ...good, decision: "maybe" }, /decision "maybe"/],
    [{ ...good, score: 1001 }, /score 1001/],
    [{ ...good, score: 4.5 }, /score 4.5/],
    [{ ...good, reason: undefined }, /reason is missing/],
    [{ ...good, checkedAt: "yesterday" }, /checkedAt "yesterday"/],
    [[good], /not a JSON object/],
  ])("rejects %j", (json, error) => {
    const parsed = parseCreditReply(json, "r1");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(error);
  });
});
