// Picking an option of an Ant Design Select the way a person does (open the list, click the option), and
// checking that it took.
import type { Locator, Page } from "playwright-core";

const ATTEMPTS = 3;

/**
 * Opens the select that `select` is (or is inside of), types `search` when given, clicks the option whose
 * title is `title` (exact, or matching a RegExp), then waits until its list is gone and the select shows the
 * option's label. A click on an option is now and then lost (CI failed so once: the form never showed the field
 * the option brings): the click waits for the list to finish sliding in, and a pick that did not take is
 * clicked again. On this 2-core machine under load about 2 in 100 first clicks were still lost; each took on
 * the second.
 */
export async function chooseOption(page: Page, select: Locator, title: string | RegExp, options: { search?: string } = {}) {
  const root = select.locator("xpath=ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]");
  const combobox = root.locator("[role=combobox]");
  const content = root.locator(".ant-select-content");
  let problem = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (attempt > 1) console.warn(`chooseOption ${String(title)}: attempt ${attempt - 1} did not take (${problem})`);
    await root.waitFor({ timeout: 5000 });
    if ((await combobox.getAttribute("aria-expanded")) !== "true") {
      await root.click();
      if (!(await succeeds(root.locator("[role=combobox][aria-expanded=true]").waitFor({ timeout: 5000 })))) {
        problem = "its list did not open";
        continue;
      }
      if (options.search) await page.keyboard.type(options.search);
    }
    // The list this select controls, not another select's list still fading out.
    const list = page.locator(".ant-select-dropdown", { has: page.locator(`[id="${await combobox.getAttribute("aria-controls")}"]`) });
    const option = list.locator(".ant-select-item-option").and(list.getByTitle(title, { exact: true }));
    const label = (await option.locator(".ant-select-item-option-content").textContent({ timeout: 10_000 })) ?? "";
    await list.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => {}))));
    await option.click({ timeout: 10_000 });
    // A lost click leaves the list open, or (the list moving under the pointer) shows another option.
    const shown = content.filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) });
    if ((await succeeds(list.waitFor({ state: "hidden", timeout: 5000 }))) && (await succeeds(shown.waitFor({ timeout: 5000 })))) return;
    problem = `it shows "${await content.textContent()}", its list ${(await list.isVisible()) ? "open" : "closed"}`;
  }
  throw new Error(`chooseOption ${String(title)}: not chosen after ${ATTEMPTS} attempts (${problem})`);
}

const succeeds = (wait: Promise<unknown>) =>
  wait.then(
    () => true,
    () => false,
  );
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
