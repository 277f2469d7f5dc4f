// The set-up every page test in Chromium shares: a fresh database seeded once, Sift's web routes served
// over it, one headless Chromium; `open` loads a page and collects what the console and the page
// reported (CSP violations arrive there) with the answer's status and CSP header; `screenshots` keeps
// a page's desktop and phone screenshots after checking what every page must do on both.
import { writeFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { launchChromium } from "./browser.js";
import { inkRatio } from "./ink-ratio.js";

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
  async function open(path: string, viewport = { width: 1100, height: 900 }): Promise<OpenedPage> {
    const page = await ready(browser).context.newPage();
    await page.setViewportSize(viewport);
    const problems: string[] = [];
    page.on("console", (m) => problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));
    const response = await page.goto(`${ready(web).base}${path}`);
    return { page, status: response?.status() ?? 0, csp: (await response?.headerValue("content-security-policy")) ?? "", problems };
  }
  return {
    web: () => ready(web),
    browser: () => ready(browser),
    open,
    /**
     * `path` on a desktop as a full-page screenshot with ink, and `phonePath` on a phone, where the page
     * never scrolls sideways (wide tables scroll in their own box); neither reports a problem. The PNGs
     * stay in /tmp/sift-<name>-desktop.png and -phone.png, and are returned for more checks.
     */
    async screenshots(path: string, name: string, phonePath = path): Promise<{ desktop: Buffer; phone: Buffer }> {
      const wide = await open(path);
      const desktop = await wide.page.screenshot({ fullPage: true });
      await writeFile(`/tmp/sift-${name}-desktop.png`, desktop);
      expect(await inkRatio(ready(browser).context, desktop)).toBeGreaterThan(0.03);
      expect(wide.problems).toEqual([]);
      await wide.page.close();
      const narrow = await open(phonePath, { width: 390, height: 844 });
      expect(await narrow.page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
      const phone = await narrow.page.screenshot({ fullPage: true });
      await writeFile(`/tmp/sift-${name}-phone.png`, phone);
      expect(narrow.problems).toEqual([]);
      await narrow.page.close();
      return { desktop, phone };
    },
  };
}
