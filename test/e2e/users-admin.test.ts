// Users and roles on the admin board, in a real browser: add a person, see the server's reason for
// bad input under the field, the new person signs in to their board; the last admin stays on.
import { describe, expect, it } from "vitest";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

const STRONG_PASSWORD = "Plum-Orchard-58";

describe.skipIf(!hasChromium)("users and roles administration in headless Chromium", () => {
  const app = useBrowserApp();

  it("adds a person with a role; a too-short password is refused under its field first", async () => {
    const page = await app.signIn("admin");
    await page.getByTestId("user-add").click();
    const form = page.locator(".ant-modal");
    await form.getByTestId("user-username").fill("zhao.li");
    await form.getByTestId("user-display-name").fill("赵丽");
    await form.getByTestId("user-roles").click();
    await page.locator(".ant-select-item-option", { hasText: "销售" }).click();
    await page.keyboard.press("Escape");
    await form.getByTestId("user-password").fill("short");
    await form.locator(".ant-modal-footer .ant-btn-primary").click();
    // The server's reason, shown under the password field; nothing saved.
    await form.locator("#password_help").getByText("password").waitFor();
    expect((await app.t.api("GET", "/api/users")).body.users.some((u: { username: string }) => u.username === "zhao.li")).toBe(false);
    // The password policy (zxcvbn) refuses guessable ones such as the test users' own.
    await form.getByTestId("user-password").fill(STRONG_PASSWORD);
    await form.locator(".ant-modal-footer .ant-btn-primary").click();
    await page.getByTestId("users").locator("tr", { hasText: "zhao.li" }).getByText("销售").waitFor();
    const saved = (await app.t.api("GET", "/api/users")).body.users.find((u: { username: string }) => u.username === "zhao.li");
    expect(saved).toMatchObject({ displayName: "赵丽", roles: ["sales"], active: true });
    await closePage(page);
    const newcomer = await app.signIn("zhao.li", { password: STRONG_PASSWORD });
    expect(newcomer.url()).toContain("/board/sales");
    await closePage(newcomer);
  });

  it("will not switch off the last admin, and says why", async () => {
    const page = await app.signIn("admin");
    await page.getByRole("switch", { name: "admin 启用" }).click();
    await page.locator(".ant-message").getByText("最后一个启用的管理员").waitFor();
    const admin = (await app.t.api("GET", "/api/users")).body.users.find((u: { username: string }) => u.username === "admin");
    expect(admin.active).toBe(true);
    await closePage(page);
  });
});
