// The system's Chromium (Debian's chromium package), driven by playwright-core: no browser download.
import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../../support/test-app.js";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

let shared: Promise<Browser> | undefined;
/**
 * One Chromium for every browser test file: the e2e project runs its files one after another in one process
 * (isolate: false), so each file opens its own contexts in the same browser instead of starting another.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().then((browser) => {
    browser.on("disconnected", () => {
      shared = undefined;
    });
    return browser;
  });
  return shared;
}

export interface SignInOptions {
  lang?: "zh-CN" | "en-US";
  width?: number;
  height?: number;
  password?: string;
  /** Where to open the app, signed in (by default "/": the person's home board). */
  path?: string;
}

async function newContext(browser: Browser, options: SignInOptions) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1440, height: options.height ?? 900 }, locale: options.lang ?? "zh-CN" });
  await context.addInitScript((lang) => localStorage.setItem("lvyue.lang", lang), options.lang ?? "zh-CN");
  return context;
}

async function signedInContext(browser: Browser, url: string, username: string, options: SignInOptions) {
  const context = await newContext(browser, options);
  const res = await context.request.post(`${url}/api/auth/login`, {
    data: { username, password: options.password ?? TEST_PASSWORD },
    headers: { origin: url },
  });
  if (!res.ok()) throw new Error(`sign-in as ${username} failed: ${res.status()} ${await res.text()}`);
  return context;
}

async function openPage(context: BrowserContext, url: string, path: string | undefined) {
  const page = await context.newPage();
  await page.goto(`${url}${path ?? "/"}`);
  if (!path) await page.waitForURL(/\/board\//);
  return page;
}

/**
 * Signs in with the request the sign-in page makes (POST /api/auth/login, from this origin), which gives the
 * context its session cookie, then opens `path` in one page load: the sign-in page's own load cost each
 * test about half a second, and a test that went on to another page paid for the board's load too.
 * The sign-in page itself is driven by signInThroughPage.
 */
export async function signIn(browser: Browser, url: string, username: string, options: SignInOptions = {}) {
  return openPage(await signedInContext(browser, url, username, options), url, options.path);
}

/** Signs in through the sign-in page, as a person would, and lands on the person's home board. */
export async function signInThroughPage(browser: Browser, url: string, username: string, options: Omit<SignInOptions, "path"> = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await fillSignIn(page, username, options.password);
  return page;
}

/** Fills in the sign-in page that `page` shows and waits for the person's home board. */
export async function fillSignIn(page: Page, username: string, password = TEST_PASSWORD) {
  await page.fill("#username", username);
  await page.fill("#password", password);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/board\//);
}

/** Contexts that stay signed in for the rest of their describe block (useBrowserApp): only their page is closed. */
const kept = new WeakSet<BrowserContext>();

export async function closePage(page: Page) {
  if (kept.has(page.context())) await page.close();
  else await page.context().close();
}

export interface BrowserApp {
  readonly t: TestApp;
  readonly browser: Browser;
  /**
   * signIn, in a context kept for the describe block per person, language, viewport and password: each
   * later test opens a new page in it (a new context and sign-in cost about a quarter of a second more, and
   * its first page load could not reuse the cached scripts).
   */
  signIn(username: string, options?: SignInOptions): Promise<Page>;
}

/**
 * Starts the app once for the enclosing describe block, with the shared browser, and stops the app and closes
 * the block's browser contexts after it. Read the
 * fields inside tests or hooks: they are set by the returned object's own beforeAll.
 */
export function useBrowserApp(): BrowserApp {
  const contexts = new Map<string, Promise<BrowserContext>>();
  const state = {
    signIn: async (username: string, options: SignInOptions = {}) => {
      const key = JSON.stringify([username, options.lang ?? "zh-CN", options.width ?? 1440, options.height ?? 900, options.password ?? ""]);
      let context = contexts.get(key);
      if (!context) {
        context = signedInContext(state.browser, state.t.url, username, options).then((c) => {
          kept.add(c);
          return c;
        });
        contexts.set(key, context);
        context.catch(() => contexts.delete(key));
      }
      return openPage(await context, state.t.url, options.path);
    },
  } as { t: TestApp; browser: Browser; signIn: BrowserApp["signIn"] };
  beforeAll(async () => {
    state.t = await startTestApp();
    state.browser = await sharedChromium();
  });
  afterAll(async () => {
    contexts.clear();
    for (const context of state.browser?.contexts() ?? []) await context.close();
    await state.t?.close();
  });
  return state;
}
