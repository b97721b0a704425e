// A local stand-in for the WeCom, DingTalk and Feishu group-robot webhooks, for tests and the offline demo.
// It accepts the real paths and bodies, checks DingTalk / Feishu signatures for tokens configured with a secret
// (timestamp within one hour, as the real services do), and answers with the real success and error replies.
// Signature checks are written here independently of src/notifications, so a signing bug cannot hide itself.
//
// A token is known when it has a secret, or is listed in `tokens` for its channel; a channel without a `tokens`
// list accepts any non-empty token. Error replies (all HTTP 200 unless noted), as observed from the real services:
//   WeCom    93000 invalid webhook url · 40035 invalid parameter (bad JSON) · 40008 invalid message type
//            44004 empty content · 40058 content exceed max length · 45009 api freq out of limit
//   DingTalk 300001 token is not exist · 310000 sign not match / invalid timestamp · 40035 缺少参数 json / msgtype
//            130101 send too fast, exceed 20 times per minute
//   Feishu   19001 incoming webhook access token invalid · 19021 sign match fail or timestamp is not within one hour
//            19002 params error · 9499 Bad Request (HTTP 400, bad JSON) · 11232 frequency limited
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Delays, isRecord, parseJson, readBody, sendBadGateway, sendJson, startServer } from "./http.js";

export type RobotChannel = "wecom" | "dingtalk" | "feishu";
export type RobotReceiverMode = "ok" | "error5xx" | "ratelimit" | "slow";

export interface ReceivedRobotMessage {
  channel: RobotChannel;
  token: string;
  body: unknown;
  at: Date;
}

export interface RobotReceiverOptions {
  port?: number;
  host?: string;
  secrets?: { dingtalk?: Record<string, string>; feishu?: Record<string, string> };
  /** Known tokens per channel; a channel left out accepts any non-empty token. */
  tokens?: Partial<Record<RobotChannel, string[]>>;
  /** How long "slow" mode waits before answering. */
  slowMs?: number;
}

export interface RobotReceiver {
  url: string;
  received: ReceivedRobotMessage[];
  setMode: (mode: RobotReceiverMode) => void;
  stop: () => Promise<void>;
  urls: (channel: RobotChannel, token: string) => string;
}

const HOUR_MS = 3_600_000;
const DING_MORE = ", more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]";
const WECOM_MAX_BYTES = { text: 2048, markdown: 4096 } as const;
const WECOM_TYPES = new Set(["text", "markdown", "markdown_v2", "image", "news", "file", "voice", "template_card"]);
const DINGTALK_TYPES = new Set(["text", "markdown", "link", "actionCard", "feedCard"]);
const FEISHU_TYPES = new Set(["text", "post", "image", "share_chat", "interactive"]);

type Reply = { status: number; body: unknown };

const wecomError = (errcode: number, text: string): Reply => ({
  status: 200,
  body: {
    errcode,
    errmsg: `${text}, hint: [${Date.now()}${Math.floor(Math.random() * 1e6)}], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
  },
});
const dingtalkError = (errcode: number, errmsg: string): Reply => ({ status: 200, body: { errcode, errmsg } });
const feishuError = (code: number, msg: string, status = 200): Reply => ({ status, body: { code, data: {}, msg } });
const OK_ERRCODE: Reply = { status: 200, body: { errcode: 0, errmsg: "ok" } };
const OK_FEISHU: Reply = { status: 200, body: { StatusCode: 0, StatusMessage: "success", code: 0, data: {}, msg: "success" } };

const RATE_LIMITED: Record<RobotChannel, Reply> = {
  wecom: wecomError(45009, "api freq out of limit"),
  dingtalk: dingtalkError(130101, "send too fast, exceed 20 times per minute"),
  feishu: feishuError(11232, "frequency limited psm[lark.oapi.app_platform_runtime]appID[1]"),
};

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function route(pathname: string, query: URLSearchParams): { channel: RobotChannel; token: string } | null {
  if (pathname === "/cgi-bin/webhook/send") return { channel: "wecom", token: query.get("key") ?? "" };
  if (pathname === "/robot/send") return { channel: "dingtalk", token: query.get("access_token") ?? "" };
  const match = /^\/open-apis\/bot\/v2\/hook\/([^/]+)$/.exec(pathname);
  return match ? { channel: "feishu", token: decodeURIComponent(match[1]) } : null;
}

const nonEmptyString = (value: unknown) => typeof value === "string" && value.trim() !== "";

function wecom(raw: string): Reply | { accepted: unknown } {
  const parsed = parseJson(raw);
  if (!parsed.ok || !isRecord(parsed.value)) return wecomError(40035, "invalid parameter, Warning: wrong json format");
  const body = parsed.value;
  const type = body.msgtype;
  if (typeof type !== "string" || !WECOM_TYPES.has(type)) return wecomError(40008, "invalid message type");
  if (type === "text" || type === "markdown") {
    const part = body[type];
    const content = isRecord(part) ? part.content : undefined;
    if (!nonEmptyString(content)) return wecomError(44004, "empty content");
    if (Buffer.byteLength(content as string) > WECOM_MAX_BYTES[type]) return wecomError(40058, `content exceed max length ${WECOM_MAX_BYTES[type]}`);
  }
  return { accepted: body };
}

function dingtalk(raw: string, query: URLSearchParams, secret: string | undefined, now: number): Reply | { accepted: unknown } {
  if (secret !== undefined) {
    const timestamp = query.get("timestamp") ?? "";
    const sign = query.get("sign") ?? "";
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > HOUR_MS) return dingtalkError(310000, `invalid timestamp${DING_MORE}`);
    const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
    if (!sameText(sign, expected)) return dingtalkError(310000, `sign not match${DING_MORE}`);
  }
  const parsed = parseJson(raw);
  if (!parsed.ok || !isRecord(parsed.value)) return dingtalkError(40035, "缺少参数 json");
  const body = parsed.value;
  if (typeof body.msgtype !== "string" || !DINGTALK_TYPES.has(body.msgtype)) return dingtalkError(40035, "缺少参数 msgtype");
  if (body.msgtype === "text" && !(isRecord(body.text) && nonEmptyString(body.text.content))) return dingtalkError(40035, "缺少参数 content");
  if (body.msgtype === "markdown" && !(isRecord(body.markdown) && nonEmptyString(body.markdown.title) && nonEmptyString(body.markdown.text))) {
    return dingtalkError(40035, "缺少参数 markdown");
  }
  return { accepted: body };
}

function feishu(raw: string, secret: string | undefined, now: number): Reply | { accepted: unknown } {
  const parsed = parseJson(raw);
  if (!parsed.ok || !isRecord(parsed.value)) return feishuError(9499, "Bad Request", 400);
  const body = parsed.value;
  if (secret !== undefined) {
    const timestamp = typeof body.timestamp === "number" ? String(body.timestamp) : body.timestamp;
    const fresh = typeof timestamp === "string" && /^\d+$/.test(timestamp) && Math.abs(now / 1000 - Number(timestamp)) <= HOUR_MS / 1000;
    const expected = fresh ? createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64") : "";
    if (!fresh || typeof body.sign !== "string" || !sameText(body.sign, expected)) {
      return feishuError(19021, "sign match fail or timestamp is not within one hour from current time");
    }
  }
  const type = body.msg_type;
  if (typeof type !== "string" || !FEISHU_TYPES.has(type)) return feishuError(19002, "params error, msg_type need");
  if (type === "text" && !(isRecord(body.content) && nonEmptyString(body.content.text))) return feishuError(19002, "params error, text content need");
  if (type === "interactive" && !isRecord(body.card)) return feishuError(19002, "params error, unknown card value");
  return { accepted: body };
}

export async function startRobotReceiver(options: RobotReceiverOptions = {}): Promise<RobotReceiver> {
  const { port = 0, host = "127.0.0.1", secrets = {}, tokens = {}, slowMs = 3000 } = options;
  const received: ReceivedRobotMessage[] = [];
  const delays = new Delays();
  let mode: RobotReceiverMode = "ok";

  const secretFor = (channel: RobotChannel, token: string): string | undefined => {
    if (channel === "wecom") return undefined;
    const table = secrets[channel] ?? {};
    return Object.hasOwn(table, token) ? table[token] : undefined;
  };
  const known = (channel: RobotChannel, token: string) => {
    if (token === "") return false;
    if (secretFor(channel, token) !== undefined) return true;
    const list = tokens[channel];
    return list === undefined || list.includes(token);
  };
  const unknownToken: Record<RobotChannel, () => Reply> = {
    wecom: () => wecomError(93000, "invalid webhook url"),
    dingtalk: () => dingtalkError(300001, "token is not exist"),
    feishu: () => feishuError(19001, "param invalid: incoming webhook access token invalid"),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const target = route(url.pathname, url.searchParams);
    if (!target) return sendJson(res, 404, { error: "not found" });
    if (req.method !== "POST") return sendJson(res, 405, { error: "method not allowed" }, { allow: "POST" });
    const raw = await readBody(req);
    if (raw === null) return sendJson(res, 413, { error: "request entity too large" });
    if (mode === "error5xx") return sendBadGateway(res);
    if (mode === "ratelimit") return sendJson(res, RATE_LIMITED[target.channel].status, RATE_LIMITED[target.channel].body);
    if (mode === "slow") await delays.wait(slowMs);

    const { channel, token } = target;
    const secret = secretFor(channel, token);
    const now = Date.now();
    const outcome = !known(channel, token)
      ? unknownToken[channel]()
      : channel === "wecom"
        ? wecom(raw)
        : channel === "dingtalk"
          ? dingtalk(raw, url.searchParams, secret, now)
          : feishu(raw, secret, now);
    if ("accepted" in outcome) {
      received.push({ channel, token, body: outcome.accepted, at: new Date(now) });
      const ok = channel === "feishu" ? OK_FEISHU : OK_ERRCODE;
      return sendJson(res, ok.status, ok.body);
    }
    sendJson(res, outcome.status, outcome.body);
  };

  const running = await startServer(handle, port, host);
  const urls = (channel: RobotChannel, token: string) => {
    const t = encodeURIComponent(token);
    if (channel === "wecom") return `${running.url}/cgi-bin/webhook/send?key=${t}`;
    if (channel === "dingtalk") return `${running.url}/robot/send?access_token=${t}`;
    return `${running.url}/open-apis/bot/v2/hook/${t}`;
  };
  return {
    url: running.url,
    received,
    setMode: (next) => {
      mode = next;
    },
    stop: () => {
      delays.cancelAll();
      return running.stop();
    },
    urls,
  };
}
