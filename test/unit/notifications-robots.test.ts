import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RobotChannel, RobotTarget } from "../../src/notifications/robot-messages.js";
import { sendRobotMessage } from "../../src/notifications/send-robot-message.js";
import { type RobotReceiver, startRobotReceiver } from "../../src/stand-ins/robot-receiver.js";

const DING_SECRET = "SECd1n9-test-secret";
const FEISHU_SECRET = "fs-test-secret";

let receiver: RobotReceiver;
let down: RobotReceiver;

beforeAll(async () => {
  receiver = await startRobotReceiver({
    secrets: { dingtalk: { "dt-signed": DING_SECRET }, feishu: { "fs-signed": FEISHU_SECRET } },
    tokens: { wecom: ["wc-key"], dingtalk: ["dt-plain"], feishu: ["fs-plain"] },
    slowMs: 1000,
  });
  down = await startRobotReceiver();
  await down.stop();
});

afterAll(async () => {
  await receiver.stop();
  await down.stop();
});

beforeEach(() => {
  receiver.setMode("ok");
  receiver.received.length = 0;
});

const target = (channel: RobotChannel, token: string, secret?: string): RobotTarget => ({ channel, url: receiver.urls(channel, token), secret });

describe("round trips through the robot receiver", () => {
  it.each([
    ["wecom", "wc-key"],
    ["dingtalk", "dt-plain"],
    ["feishu", "fs-plain"],
  ] as const)("%s text without a secret", async (channel, token) => {
    const result = await sendRobotMessage(target(channel, token), { text: "订单 SO-1 已发货", mentions: { userIds: ["zhangsan"] } });
    expect(result).toMatchObject({ ok: true });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ channel, token });
    expect(JSON.stringify(receiver.received[0].body)).toContain("订单 SO-1 已发货");
  });

  it("WeCom text carries mentioned_list and mentioned_mobile_list", async () => {
    const message = { text: "库存不足", level: "critical" as const, mentions: { userIds: ["lisi"], mobiles: ["13800000000"], all: true } };
    expect(await sendRobotMessage(target("wecom", "wc-key"), message)).toMatchObject({ ok: true });
    expect(receiver.received[0].body).toEqual({
      msgtype: "text",
      text: { content: "【紧急】库存不足", mentioned_list: ["lisi", "@all"], mentioned_mobile_list: ["13800000000"] },
    });
  });

  it("WeCom markdown", async () => {
    expect(await sendRobotMessage(target("wecom", "wc-key"), { format: "markdown", title: "交期预警", text: "> SO-7 延期" })).toMatchObject({ ok: true });
    expect(receiver.received[0].body).toEqual({ msgtype: "markdown", markdown: { content: "**交期预警**\n> SO-7 延期" } });
  });

  it("DingTalk signed text, with @mobile added to the content", async () => {
    const result = await sendRobotMessage(target("dingtalk", "dt-signed", DING_SECRET), { text: "信用审批", mentions: { mobiles: ["13900000000"] } });
    expect(result).toMatchObject({ ok: true });
    expect(receiver.received[0].body).toEqual({
      msgtype: "text",
      text: { content: "信用审批\n@13900000000" },
      at: { atMobiles: ["13900000000"], atUserIds: [], isAtAll: false },
    });
  });

  it("DingTalk signed markdown", async () => {
    const result = await sendRobotMessage(target("dingtalk", "dt-signed", DING_SECRET), { format: "markdown", title: "日报", text: "- 新订单 3" });
    expect(result).toMatchObject({ ok: true });
    expect(receiver.received[0].body).toMatchObject({ msgtype: "markdown", markdown: { title: "日报", text: "### 日报\n- 新订单 3" } });
  });

  it("Feishu signed text and markdown card", async () => {
    const feishu = target("feishu", "fs-signed", FEISHU_SECRET);
    expect(await sendRobotMessage(feishu, { text: "你好", mentions: { userIds: ["ou_1"] } })).toMatchObject({ ok: true });
    expect(await sendRobotMessage(feishu, { format: "markdown", text: "**加急**", level: "warning", title: "交期" })).toMatchObject({ ok: true });
    expect(receiver.received[0].body).toMatchObject({ msg_type: "text", content: { text: '你好\n<at user_id="ou_1"></at>' } });
    expect(receiver.received[1].body).toMatchObject({
      msg_type: "interactive",
      card: { header: { title: { content: "交期" }, template: "orange" }, elements: [{ tag: "markdown", content: "**加急**" }] },
    });
  });
});

describe("the real error replies", () => {
  it("DingTalk with a wrong secret: 310000 sign not match, not retryable", async () => {
    const result = await sendRobotMessage(target("dingtalk", "dt-signed", "SECwrong"), { text: "x" });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toMatch(/dingtalk error 310000: sign not match/);
    expect(receiver.received).toHaveLength(0);
  });

  it("DingTalk without a signature when the robot has one, or with a stale timestamp", async () => {
    expect(await sendRobotMessage(target("dingtalk", "dt-signed"), { text: "x" })).toMatchObject({ ok: false, retryable: false });
    const stale = new Date(Date.now() - 2 * 3_600_000);
    const result = await sendRobotMessage(target("dingtalk", "dt-signed", DING_SECRET), { text: "x" }, { now: stale });
    expect(!result.ok && result.error).toMatch(/310000: invalid timestamp/);
  });

  it("Feishu with a wrong secret or a stale timestamp: 19021, not retryable", async () => {
    for (const [secret, now] of [
      ["wrong", new Date()],
      [FEISHU_SECRET, new Date(Date.now() - 2 * 3_600_000)],
    ] as const) {
      const result = await sendRobotMessage(target("feishu", "fs-signed", secret), { text: "x" }, { now });
      expect(result).toMatchObject({ ok: false, retryable: false });
      expect(!result.ok && result.error).toBe("feishu error 19021: sign match fail or timestamp is not within one hour from current time");
    }
    expect(receiver.received).toHaveLength(0);
  });

  it.each([
    ["wecom", "nope", /wecom error 93000: invalid webhook url/],
    ["dingtalk", "nope", /dingtalk error 300001: token is not exist/],
    ["feishu", "nope", /feishu error 19001: param invalid: incoming webhook access token invalid/],
  ] as const)("%s unknown token", async (channel, token, error) => {
    const result = await sendRobotMessage(target(channel, token), { text: "x" });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toMatch(error);
  });

  it.each([
    ["wecom", "wc-key", 200, { errcode: 40035 }],
    ["dingtalk", "dt-plain", 200, { errcode: 40035, errmsg: "缺少参数 json" }],
    ["feishu", "fs-plain", 400, { code: 9499, msg: "Bad Request", data: {} }],
  ] as const)("%s bad JSON", async (channel, token, status, body) => {
    const response = await fetch(receiver.urls(channel, token), { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject(body);
  });

  it("answers the success bodies of the real services", async () => {
    const post = (channel: RobotChannel, token: string, body: unknown) =>
      fetch(receiver.urls(channel, token), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) =>
        r.json(),
      );
    expect(await post("wecom", "wc-key", { msgtype: "text", text: { content: "hi" } })).toEqual({ errcode: 0, errmsg: "ok" });
    expect(await post("dingtalk", "dt-plain", { msgtype: "text", text: { content: "hi" } })).toEqual({ errcode: 0, errmsg: "ok" });
    expect(await post("feishu", "fs-plain", { msg_type: "text", content: { text: "hi" } })).toMatchObject({ code: 0, msg: "success", data: {} });
    expect(await post("wecom", "wc-key", { msgtype: "bogus" })).toMatchObject({ errcode: 40008 });
    expect(await post("wecom", "wc-key", { msgtype: "text", text: { content: "" } })).toMatchObject({ errcode: 44004 });
  });
});

describe("misbehaving and missing robots", () => {
  it.each(["wecom", "dingtalk", "feishu"] as const)("%s: mode error5xx is retryable", async (channel) => {
    receiver.setMode("error5xx");
    const result = await sendRobotMessage(target(channel, `${channel}-x`), { text: "x" });
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(!result.ok && result.error).toMatch(/HTTP 502/);
  });

  it.each([
    ["wecom", "wc-key", /45009/],
    ["dingtalk", "dt-plain", /130101/],
    ["feishu", "fs-plain", /11232/],
  ] as const)("%s: mode ratelimit is retryable", async (channel, token, code) => {
    receiver.setMode("ratelimit");
    const result = await sendRobotMessage(target(channel, token), { text: "x" });
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(!result.ok && result.error).toMatch(code);
  });

  it("mode slow times out and is retryable", async () => {
    receiver.setMode("slow");
    const result = await sendRobotMessage(target("wecom", "wc-key"), { text: "x" }, { timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, retryable: true, error: "wecom timed out after 100 ms" });
    expect(result.latencyMs).toBeLessThan(900);
  });

  it("a stopped receiver is a retryable network error", async () => {
    const result = await sendRobotMessage({ channel: "feishu", url: down.urls("feishu", "t") }, { text: "x" });
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(!result.ok && result.error).toMatch(/network error: .*ECONNREFUSED/);
  });

  it("a fetch that never answers is cut off by the timeout", async () => {
    let aborted = false;
    const fetchImpl = ((_url: string, init?: RequestInit) =>
      new Promise<Response>(() => {
        init?.signal?.addEventListener("abort", () => {
          aborted = true;
        });
      })) as typeof fetch;
    const result = await sendRobotMessage(target("wecom", "wc-key"), { text: "x" }, { timeoutMs: 30, fetchImpl });
    expect(result).toMatchObject({ ok: false, retryable: true, error: "wecom timed out after 30 ms" });
    expect(aborted).toBe(true);
  });

  it("an invalid URL is an outcome, not a throw", async () => {
    expect(await sendRobotMessage({ channel: "wecom", url: "not a url" }, { text: "x" })).toMatchObject({ ok: false, retryable: false });
  });
});
