// Picking an option of an Ant Design Select the way a person does (open the list, click the option), and
// checking that it took.
import type { Locator, Page } from "playwright-core";

const ATTEMPTS = 3;

/**
 * Opens the select that `select` is (or is inside of), types `search` when given, clicks the option whose
 * title is `title` (exact, or matching a RegExp), then waits until its list is gone and the select shows the
 * option's label. A click that lands while the list is still sliding in is sometimes lost (CI failed so once: the
 * form never showed the field the option brings; 3 in 60 picks here): the click waits for the list's animations
 * to end (no loss in 100 picks), and a pick that still did not take is opened and clicked again.
 */
export async function chooseOption(page: Page, select: Locator, title: string | RegExp, options: { search?: string } = {}) {
  const root = select.locator("xpath=ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]");
  const combobox = root.getByRole("combobox");
  let problem = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if ((await combobox.getAttribute("aria-expanded")) !== "true") {
      await root.click();
      await root.locator("[role=combobox][aria-expanded=true]").waitFor({ timeout: 5000 });
      if (options.search) await page.keyboard.type(options.search);
    }
    // The list this select controls, not another select's list still fading out.
    const listId = await combobox.getAttribute("aria-controls");
    const list = page.locator(".ant-select-dropdown", { has: page.locator(`[id="${listId}"]`) });
    const option = list.locator(".ant-select-item-option").and(list.getByTitle(title, { exact: true }));
    const label = await option.locator(".ant-select-item-option-content").textContent({ timeout: 10_000 });
    await list.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => {}))));
    await option.click({ timeout: 10_000 });
    try {
      await list.waitFor({ state: "hidden", timeout: 2000 });
      const shown = new RegExp(`^${escapeRegExp(label ?? "")}$`);
      await root.locator(".ant-select-content").filter({ hasText: shown }).waitFor({ timeout: 2000 });
      return;
    } catch {
      problem = `it shows "${await root.locator(".ant-select-content").textContent()}", its list ${(await list.isVisible()) ? "open" : "closed"}`;
      console.warn(`chooseOption ${String(title)}: attempt ${attempt} did not take (${problem})`);
    }
  }
  throw new Error(`chooseOption ${String(title)}: not chosen after ${ATTEMPTS} attempts (${problem})`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
