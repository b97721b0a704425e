// Request bodies for group-chat robots (WeCom 企业微信, DingTalk 钉钉, Feishu 飞书) and the reading of their replies.
// Pure: no I/O. The caller supplies the clock, so signatures are reproducible in tests.
//
// WeCom    POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY
//          {"msgtype":"text","text":{"content","mentioned_list","mentioned_mobile_list"}} | {"msgtype":"markdown","markdown":{"content"}}
//          reply {"errcode":0,"errmsg":"ok"}; text ≤ 2048 bytes, markdown ≤ 4096 bytes (UTF-8).
// DingTalk POST https://oapi.dingtalk.com/robot/send?access_token=TOKEN[&timestamp=T&sign=S]
//          S = urlencode(base64(HMAC-SHA256(key = secret, msg = T + "\n" + secret))), T in milliseconds.
//          {"msgtype":"text","text":{"content"},"at":{"atMobiles","atUserIds","isAtAll"}} | {"msgtype":"markdown","markdown":{"title","text"},"at":…}
//          reply {"errcode":0,"errmsg":"ok"}. An @ only renders when "@mobile" / "@userId" also appears in the content.
// Feishu   POST https://open.feishu.cn/open-apis/bot/v2/hook/TOKEN
//          {"msg_type":"text","content":{"text"}} | {"msg_type":"interactive","card":{…}}, plus with a secret
//          "timestamp": "<seconds>", "sign": base64(HMAC-SHA256(key = timestamp + "\n" + secret, msg = "")).
//          reply {"code":0,"msg":"success","data":{}} (newer replies also carry "StatusCode"/"StatusMessage").
import { createHmac } from "node:crypto";

export type RobotChannel = "wecom" | "dingtalk" | "feishu";
export const ROBOT_CHANNELS: readonly RobotChannel[] = ["wecom", "dingtalk", "feishu"];

export interface RobotTarget {
  channel: RobotChannel;
  /** The robot's full webhook URL as the admin pastes it, including key / access_token. */
  url: string;
  /** DingTalk "加签" or Feishu "签名校验" secret. Ignored for WeCom, which has none. */
  secret?: string;
}

export interface RobotMentions {
  /** WeCom userids, DingTalk userIds, Feishu open_id / user_id. */
  userIds?: string[];
  /** WeCom and DingTalk only: Feishu custom bots cannot @ by mobile, so these are dropped there. */
  mobiles?: string[];
  /** @everyone (WeCom "@all", DingTalk isAtAll, Feishu <at user_id="all">). */
  all?: boolean;
}

export interface RobotMessage {
  text: string;
  /** Markdown: the card / notification title. Text: a first line. */
  title?: string;
  /** Defaults to "text". Feishu markdown is sent as an interactive card with a markdown element. */
  format?: "text" | "markdown";
  mentions?: RobotMentions;
  level?: "info" | "warning" | "critical";
}

export interface RobotRequest {
  url: string;
  body: unknown;
}

export type RobotOutcome = { ok: true } | { ok: false; error: string; retryable: boolean };

export const URGENT_PREFIX = "【紧急】";
export const WECOM_TEXT_MAX_BYTES = 2048;
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

/** Rate-limit errcodes / codes that are worth retrying later. -1 is "系统繁忙" (system busy) on WeCom and DingTalk. */
export const RETRYABLE_CODES: Record<RobotChannel, ReadonlySet<number>> = {
  wecom: new Set([-1, 45009]),
  dingtalk: new Set([-1, 130101, 410100]),
  feishu: new Set([11232]),
};

/** DingTalk signature, base64 (not yet URL-encoded). */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

/** Feishu signature: the string to sign is the HMAC key and the message is empty. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/** Cuts a string to at most maxBytes of UTF-8, on a code-point boundary, ending in "…" when cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  let out = "";
  let bytes = 3; // the ellipsis
  for (const ch of text) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}

const prefixed = (message: RobotMessage, text: string) => (message.level === "critical" ? `${URGENT_PREFIX}${text}` : text);

function headline(message: RobotMessage): string {
  const title = message.title ?? message.text.split("\n", 1)[0].slice(0, 64);
  return prefixed(message, title || "通知");
}

function plainText(message: RobotMessage): string {
  const text = message.title ? `${message.title}\n${message.text}` : message.text;
  return prefixed(message, text);
}

/** A markdown heading line when there is a title; otherwise just the urgent prefix for critical messages. */
function markdownHead(message: RobotMessage, open: string, close: string): string {
  return message.title ? `${open}${prefixed(message, message.title)}${close}\n` : prefixed(message, "");
}

/** Appends "@x" for every mention the text does not already name (DingTalk needs them in the content). */
function withAtNames(text: string, names: string[]): string {
  const missing = names.filter((name) => !text.includes(`@${name}`));
  return missing.length === 0 ? text : `${text}\n${missing.map((name) => `@${name}`).join(" ")}`;
}

function wecomBody(message: RobotMessage): unknown {
  const { userIds = [], mobiles = [], all = false } = message.mentions ?? {};
  if (message.format === "markdown") {
    const mentions = userIds.map((id) => `<@${id}>`).join("");
    const content = `${markdownHead(message, "**", "**")}${message.text}${mentions ? `\n${mentions}` : ""}`;
    return { msgtype: "markdown", markdown: { content: truncateUtf8(content, WECOM_MARKDOWN_MAX_BYTES) } };
  }
  const mentionedList = all ? [...userIds, "@all"] : userIds;
  return {
    msgtype: "text",
    text: {
      content: truncateUtf8(plainText(message), WECOM_TEXT_MAX_BYTES),
      ...(mentionedList.length > 0 ? { mentioned_list: mentionedList } : {}),
      ...(mobiles.length > 0 ? { mentioned_mobile_list: mobiles } : {}),
    },
  };
}

function dingtalkBody(message: RobotMessage): unknown {
  const { userIds = [], mobiles = [], all = false } = message.mentions ?? {};
  const at = { atMobiles: mobiles, atUserIds: userIds, isAtAll: all };
  const names = [...mobiles, ...userIds];
  if (message.format === "markdown") {
    const title = headline(message);
    return { msgtype: "markdown", markdown: { title, text: withAtNames(`${markdownHead(message, "### ", "")}${message.text}`, names) }, at };
  }
  return { msgtype: "text", text: { content: withAtNames(plainText(message), names) }, at };
}

const FEISHU_TEMPLATE = { info: "blue", warning: "orange", critical: "red" } as const;

function feishuBody(message: RobotMessage): Record<string, unknown> {
  const { userIds = [], all = false } = message.mentions ?? {};
  if (message.format === "markdown") {
    const ats = [...userIds.map((id) => `<at id=${id}></at>`), ...(all ? ["<at id=all></at>"] : [])].join(" ");
    return {
      msg_type: "interactive",
      card: {
        header: { title: { tag: "plain_text", content: headline(message) }, template: FEISHU_TEMPLATE[message.level ?? "info"] },
        elements: [{ tag: "markdown", content: ats ? `${message.text}\n${ats}` : message.text }],
      },
    };
  }
  const ats = [...userIds.map((id) => `<at user_id="${id}"></at>`), ...(all ? ['<at user_id="all">所有人</at>'] : [])].join(" ");
  const text = plainText(message);
  return { msg_type: "text", content: { text: ats ? `${text}\n${ats}` : text } };
}

/** Builds the URL and JSON body to POST. Throws TypeError only when target.url is not a URL. */
export function buildRobotRequest(target: RobotTarget, message: RobotMessage, now: Date): RobotRequest {
  const url = new URL(target.url);
  switch (target.channel) {
    case "wecom":
      return { url: url.toString(), body: wecomBody(message) };
    case "dingtalk": {
      if (target.secret) {
        const timestamp = now.getTime();
        url.searchParams.set("timestamp", String(timestamp));
        url.searchParams.set("sign", dingtalkSign(target.secret, timestamp)); // URLSearchParams encodes + / = as %2B %2F %3D
      }
      return { url: url.toString(), body: dingtalkBody(message) };
    }
    case "feishu": {
      const body = feishuBody(message);
      if (!target.secret) return { url: url.toString(), body };
      const timestamp = Math.floor(now.getTime() / 1000);
      return { url: url.toString(), body: { timestamp: String(timestamp), sign: feishuSign(target.secret, timestamp), ...body } };
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a robot's reply. json is the parsed body, or null / a string when it was not JSON. */
export function interpretRobotReply(channel: RobotChannel, httpStatus: number, json: unknown): RobotOutcome {
  const body = isRecord(json) ? json : {};
  const rawCode = channel === "feishu" ? (body.code ?? body.StatusCode) : body.errcode;
  const code = typeof rawCode === "number" ? rawCode : undefined;
  const rawMessage = channel === "feishu" ? (body.msg ?? body.StatusMessage) : body.errmsg;
  const detail = typeof rawMessage === "string" && rawMessage !== "" ? `: ${rawMessage}` : "";
  if (httpStatus >= 500 || httpStatus === 429 || httpStatus === 408) {
    return { ok: false, retryable: true, error: `${channel} HTTP ${httpStatus}${code !== undefined ? ` code ${code}` : ""}${detail}` };
  }
  if (code !== undefined) {
    if (code === 0 && httpStatus >= 200 && httpStatus < 300) return { ok: true };
    return { ok: false, retryable: RETRYABLE_CODES[channel].has(code), error: `${channel} error ${code}${detail}` };
  }
  if (httpStatus < 200 || httpStatus >= 300) return { ok: false, retryable: false, error: `${channel} HTTP ${httpStatus}` };
  return { ok: false, retryable: false, error: `${channel} reply without ${channel === "feishu" ? "code" : "errcode"} (HTTP ${httpStatus})` };
}
