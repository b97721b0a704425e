import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildRobotRequest, interpretRobotReply, truncateUtf8, WECOM_TEXT_MAX_BYTES } from "../../src/notifications/robot-messages.js";

const NOW = new Date(1_700_000_000_000);

describe("DingTalk signing", () => {
  it("puts timestamp (ms) and the URL-encoded sign on the pasted URL, matching an independent HMAC", () => {
    const secret = "SECtest0";
    const { url } = buildRobotRequest({ channel: "dingtalk", url: "https://oapi.dingtalk.com/robot/send?access_token=abc", secret }, { text: "x" }, NOW);
    const expected = createHmac("sha256", secret).update(`1700000000000\n${secret}`).digest("base64");
    expect(expected).toBe("CRWrRLOt27i7AQFRMel5lM9bJXMaf3IiEVTpBY+G58k="); // pinned known vector, contains "+" and "="
    expect(url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=${encodeURIComponent(expected)}`);
    expect(url).toContain("sign=CRWrRLOt27i7AQFRMel5lM9bJXMaf3IiEVTpBY%2BG58k%3D");
  });

  it("leaves the URL alone without a secret", () => {
    const { url } = buildRobotRequest({ channel: "dingtalk", url: "https://oapi.dingtalk.com/robot/send?access_token=abc" }, { text: "x" }, NOW);
    expect(url).toBe("https://oapi.dingtalk.com/robot/send?access_token=abc");
  });
});

describe("Feishu signing", () => {
  it("adds timestamp (seconds, as a string) and sign keyed by timestamp + newline + secret over an empty message", () => {
    const { url, body } = buildRobotRequest(
      { channel: "feishu", url: "https://open.feishu.cn/open-apis/bot/v2/hook/tok", secret: "feishu-secret" },
      { text: "hi" },
      NOW,
    );
    const expected = createHmac("sha256", "1700000000\nfeishu-secret").update("").digest("base64");
    expect(expected).toBe("OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=");
    expect(url).toBe("https://open.feishu.cn/open-apis/bot/v2/hook/tok");
    expect(body).toEqual({ timestamp: "1700000000", sign: expected, msg_type: "text", content: { text: "hi" } });
  });
});

describe("message bodies", () => {
  it("prefixes critical messages with 【紧急】 and puts the title on the first line of text", () => {
    const { body } = buildRobotRequest(
      { channel: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k" },
      { text: "B", title: "A", level: "critical" },
      NOW,
    );
    expect(body).toEqual({ msgtype: "text", text: { content: "【紧急】A\nB" } });
  });

  it("DingTalk markdown without a title takes the first line as the notification title", () => {
    const { body } = buildRobotRequest(
      { channel: "dingtalk", url: "https://x/robot/send?access_token=t" },
      { format: "markdown", text: "第一行\n第二行" },
      NOW,
    );
    expect(body).toEqual({
      msgtype: "markdown",
      markdown: { title: "第一行", text: "第一行\n第二行" },
      at: { atMobiles: [], atUserIds: [], isAtAll: false },
    });
  });

  it("WeCom text is cut to 2048 UTF-8 bytes on a character boundary", () => {
    const { body } = buildRobotRequest({ channel: "wecom", url: "https://x/cgi-bin/webhook/send?key=k" }, { text: "履".repeat(1000) }, NOW);
    const content = (body as { text: { content: string } }).text.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(WECOM_TEXT_MAX_BYTES);
    expect(content.endsWith("履…")).toBe(true);
    expect(truncateUtf8("short", 10)).toBe("short");
  });

  it("throws only for a target URL that is not a URL", () => {
    expect(() => buildRobotRequest({ channel: "feishu", url: "::" }, { text: "x" }, NOW)).toThrow(TypeError);
  });
});

describe("interpretRobotReply", () => {
  it.each([
    ["wecom", 200, { errcode: 0, errmsg: "ok" }, { ok: true }],
    ["dingtalk", 200, { errcode: 0, errmsg: "ok" }, { ok: true }],
    ["feishu", 200, { code: 0, msg: "success", data: {} }, { ok: true }],
    ["feishu", 200, { StatusCode: 0, StatusMessage: "success" }, { ok: true }],
    ["wecom", 200, { errcode: 45009, errmsg: "api freq out of limit" }, { ok: false, retryable: true }],
    ["wecom", 200, { errcode: 93000, errmsg: "invalid webhook url" }, { ok: false, retryable: false }],
    ["dingtalk", 200, { errcode: 130101, errmsg: "send too fast" }, { ok: false, retryable: true }],
    ["dingtalk", 200, { errcode: 410100, errmsg: "限流" }, { ok: false, retryable: true }],
    ["dingtalk", 200, { errcode: 310000, errmsg: "sign not match" }, { ok: false, retryable: false }],
    ["feishu", 200, { code: 19021, msg: "sign match fail" }, { ok: false, retryable: false }],
    ["feishu", 400, { code: 9499, msg: "Bad Request" }, { ok: false, retryable: false, error: "feishu error 9499: Bad Request" }],
    ["wecom", 503, "<html>", { ok: false, retryable: true, error: "wecom HTTP 503" }],
    ["dingtalk", 429, null, { ok: false, retryable: true }],
    ["wecom", 404, null, { ok: false, retryable: false, error: "wecom HTTP 404" }],
    ["wecom", 200, "not json", { ok: false, retryable: false }],
  ] as const)("%s HTTP %i %j", (channel, status, json, expected) => {
    expect(interpretRobotReply(channel, status, json)).toMatchObject(expected);
  });
});
