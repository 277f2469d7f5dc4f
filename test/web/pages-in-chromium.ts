// The set-up every page test in Chromium shares: a fresh database seeded once, Sift's web routes served
// over it, one headless Chromium; `open` loads a page and collects what the console and the page
// reported (CSP violations arrive there) with the answer's status and CSP header.
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { launchChromium } from "./browser.js";

export interface OpenedPage {
  page: Page;
  status: number;
  csp: string;
  problems: string[];
}

export function usePagesInChromium<Served extends { base: string; close(): Promise<void> }>(serve: (prisma: PrismaClient) => Promise<Served>) {
  let db: TestDatabase | undefined;
  let web: Served | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    web = await serve(db.prisma);
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await db?.destroy();
  });
  const ready = <T>(what: T | undefined): T => {
    if (what === undefined) throw new Error("usePagesInChromium: used before beforeAll ran");
    return what;
  };
  return {
    web: () => ready(web),
    browser: () => ready(browser),
    async open(path: string, viewport = { width: 1100, height: 900 }): Promise<OpenedPage> {
      const page = await ready(browser).context.newPage();
      await page.setViewportSize(viewport);
      const problems: string[] = [];
      page.on("console", (m) => problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(e.message));
      const response = await page.goto(`${ready(web).base}${path}`);
      return { page, status: response?.status() ?? 0, csp: (await response?.headerValue("content-security-policy")) ?? "", problems };
    },
  };
}
