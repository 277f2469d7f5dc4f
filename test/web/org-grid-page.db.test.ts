// The org grid in a real browser: what a signed-in reader sees under the strict CSP, the popover
// text of a cell on hover and on focus (a tap), hostile log text kept as text, a phone's width.
import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { orgPath } from "../../src/web/index.js";
import { readerWho, signedIn } from "../helpers/reader.js";
import { usePagesInChromium } from "./pages-in-chromium.js";
import { inkRatio } from "./ink-ratio.js";
import { GRID_NOW, HOSTILE_TEXT, TODAY, seedOrgGrid } from "./seed-org-grid.js";
import { serveWeb } from "./serve-web.js";

const pages = usePagesInChromium(async (prisma) => {
  await seedOrgGrid(prisma);
  return serveWeb(prisma, GRID_NOW, { readerOf: signedIn(readerWho("ada", ["acme/api"])) });
});
const open = pages.open;

const todayCell = (page: Page) => page.locator("tbody tr", { has: page.locator("th", { hasText: /^api$/ }) }).locator("td").last();

describe("org grid in Chromium", () => {
  it("shows the readable repositories by day, under the strict CSP, with nothing that runs", async () => {
    const { page, status, csp, problems } = await open(orgPath("acme"));
    expect(status).toBe(200);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(await page.locator("tbody th.og-repo").allInnerTexts()).toEqual(["api", "web"]);
    expect(await page.locator("thead th.og-day").count()).toBe(14);
    expect(await page.locator("thead th.og-day").last().getAttribute("title")).toBe(TODAY);
    expect(await todayCell(page).locator("a .og-n").innerText()).toBe("3");
    expect(await todayCell(page).locator("a").getAttribute("class")).toContain("og-genuine");
    expect(await todayCell(page).locator(".og-star").count()).toBe(1);
    expect(await page.locator(".og-legend").innerText()).toMatch(/✕\s*to fix[\s\S]*~\s*flaky[\s\S]*★\s*a cause first seen that day/);
    expect(await page.evaluate("[window.pwned, document.querySelectorAll('script, img, iframe, object').length]")).toEqual([undefined, 0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a cell's top causes with their error text on hover and on focus, and opens the repository's day", async () => {
    const { page, problems } = await open(orgPath("acme"));
    const cell = todayCell(page);
    const pop = cell.locator(".og-pop");
    expect(await pop.isVisible()).toBe(false);
    expect(await cell.locator("a").getAttribute("title")).toContain(HOSTILE_TEXT); // the title carries the text too
    await cell.hover();
    expect(await pop.isVisible()).toBe(true);
    const text = await pop.innerText();
    expect(text).toContain("3 failed jobs (2 to fix, 1 flaky)");
    expect(text).toContain(HOSTILE_TEXT);
    expect(text).toMatch(/AssertionError: expected <n> to be <n> ×2\s*★ new/);
    expect(text).toMatch(/npm-registry-5xx ×1(?!\s*★)/);
    await page.mouse.move(0, 0);
    expect(await pop.isVisible()).toBe(false);
    await cell.locator("a").focus();
    expect(await pop.isVisible()).toBe(true);
    const href = await cell.locator("a").getAttribute("href");
    expect(href).toMatch(new RegExp(`^/r/acme/api\\?token=[\\w-]+&day=${TODAY}$`));
    await cell.locator("a").click();
    expect(await page.locator("h1").innerText()).toContain("acme/api");
    expect(await page.locator("#day h2").innerText()).toBe(`Failed jobs on ${TODAY} (UTC)`);
    expect(await page.locator("#day li").count()).toBe(3);
    expect(await page.locator("#day").innerText()).toContain(HOSTILE_TEXT);
    expect(await page.evaluate("[window.pwned, document.querySelectorAll('script').length]")).toEqual([undefined, 0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("colours by duration change on request, 30 days wide", async () => {
    const { page } = await open(orgPath("acme", 30, "duration"));
    expect(await page.locator("thead th.og-day").count()).toBe(30);
    const cell = todayCell(page);
    expect(await cell.locator("a").getAttribute("class")).toContain("og-slower");
    expect(await cell.locator("a").innerText()).toMatch(/▲\s*\+[45]\d/);
    expect(await cell.locator("a").getAttribute("title")).toMatch(/median 2 m 3\d s against 1 m 4\d s over the 14 days before \(\+[45]\d %\)/);
    await page.close();
  });

  it("renders a non-trivial page (screenshot) and fits a phone", async () => {
    const desktop = await open(orgPath("acme"));
    await todayCell(desktop.page).hover();
    const png = await desktop.page.screenshot({ fullPage: true });
    await writeFile("/tmp/sift-org-grid-desktop.png", png);
    expect(await inkRatio(pages.browser().context, png)).toBeGreaterThan(0.03);
    await desktop.page.close();
    const phone = await open(orgPath("acme", 30), { width: 390, height: 844 });
    expect(await phone.page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await todayCell(phone.page).locator("a").focus(); // what a tap does to a link: :focus-within opens the popover
    const pop = todayCell(phone.page).locator(".og-pop");
    expect(await pop.isVisible()).toBe(true);
    const box = await pop.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    const phonePng = await phone.page.screenshot({ fullPage: false });
    await writeFile("/tmp/sift-org-grid-phone.png", phonePng);
    expect(await inkRatio(pages.browser().context, phonePng)).toBeGreaterThan(0.03);
    expect(phone.problems).toEqual([]);
    await phone.page.close();
  });
});
