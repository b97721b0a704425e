import { afterAll, describe, expect, it } from "vitest";
import { sendRobotMessage } from "../../src/notifications/send-robot-message.js";
import { checkCredit } from "../../src/rules/credit/credit-client.js";
import { type StandIns, startStandIns } from "../../src/stand-ins/cli.js";

let standIns: StandIns | undefined;

afterAll(async () => {
  await standIns?.stop();
});

describe("startStandIns", () => {
  it("starts the robot receiver and the credit provider together", async () => {
    standIns = await startStandIns({ robotPort: 0, creditPort: 0, creditApiKey: "k" });
    expect(standIns.robotUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(standIns.creditUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const sent = await sendRobotMessage({ channel: "wecom", url: standIns.robots.urls("wecom", "demo") }, { text: "演示" });
    expect(sent.ok).toBe(true);
    const checked = await checkCredit(
      { baseUrl: standIns.creditUrl, apiKey: standIns.creditApiKey, timeoutMs: 2000 },
      { requestId: "demo-1", customer: { code: "C1", name: "演示客户", creditLimit: "1000", openReceivables: "0" }, order: { orderNo: "SO-1", amount: "10" } },
    );
    expect(checked).toMatchObject({ ok: true, decision: "approved" });
  });

  it("stops both, after which both are unreachable", async () => {
    await standIns!.stop();
    const sent = await sendRobotMessage({ channel: "wecom", url: standIns!.robots.urls("wecom", "demo") }, { text: "x" });
    expect(sent).toMatchObject({ ok: false, retryable: true });
  });
});
