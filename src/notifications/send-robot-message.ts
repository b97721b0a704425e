// Sends one message to a group-chat robot and reports what happened. Never throws: every failure becomes an outcome
// saying whether a later retry could help (network errors, timeouts, HTTP 5xx / 429 and rate-limit codes can).
import { buildRobotRequest, interpretRobotReply, type RobotMessage, type RobotOutcome, type RobotTarget } from "./robot-messages.js";

export interface SendRobotOptions {
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: Date;
}

export type RobotSendResult = RobotOutcome & { latencyMs: number };

class Timeout extends Error {}

/** Why fetch failed, e.g. "ECONNREFUSED", rather than undici's bare "fetch failed". */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message}: ${typeof code === "string" ? code : cause.message}`;
  }
  return error.message;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function sendRobotMessage(target: RobotTarget, message: RobotMessage, options: SendRobotOptions = {}): Promise<RobotSendResult> {
  const { timeoutMs = 5000, fetchImpl = fetch, now = new Date() } = options;
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);

  let request: ReturnType<typeof buildRobotRequest>;
  try {
    request = buildRobotRequest(target, message, now);
  } catch (error) {
    return { ok: false, retryable: false, error: `invalid robot target: ${error instanceof Error ? error.message : String(error)}`, latencyMs: 0 };
  }

  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Timeout());
    }, timeoutMs);
  });
  const exchange = async () => {
    const response = await fetchImpl(request.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(request.body),
      signal: controller.signal,
    });
    return { status: response.status, text: await response.text() };
  };

  try {
    const { status, text } = await Promise.race([exchange(), timeout]);
    return { ...interpretRobotReply(target.channel, status, parseJson(text)), latencyMs: latency() };
  } catch (error) {
    const reason = error instanceof Timeout ? `timed out after ${timeoutMs} ms` : `network error: ${describeNetworkError(error)}`;
    return { ok: false, retryable: true, error: `${target.channel} ${reason}`, latencyMs: latency() };
  } finally {
    clearTimeout(timer);
  }
}
