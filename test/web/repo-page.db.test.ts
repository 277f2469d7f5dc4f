// The repository history page in a real browser: what a person sees, under the strict CSP, on a
// desktop and on a phone.
import { describe, expect, it } from "vitest";
import { repoPageToken, repoPath } from "../../src/web/index.js";
import { usePagesInChromium } from "./pages-in-chromium.js";
import { inkRatio } from "./ink-ratio.js";
import { HOSTILE_JOB, HOSTILE_PATTERN, NOW, seedHistory } from "./seed-history.js";
import { PAGE_SECRET, serveWeb } from "./serve-web.js";

const pages = usePagesInChromium(async (prisma) => {
  await seedHistory(prisma);
  return serveWeb(prisma, NOW);
});
const open = pages.open;

describe("repository history page in Chromium", () => {
  it("shows branch health, causes, new causes and durations; hostile names stay text and nothing runs", async () => {
    const { page, status, problems } = await open(repoPath("octo", "widgets"));
    expect(status).toBe(200);
    expect(await page.locator("#branch").innerText()).toMatch(/50 % broken: 3 of 6 finished commits in the last 30 days\.\s+Now: red since 6666666666/);
    const causes = await page.locator("#causes tbody tr").allInnerTexts();
    expect(causes[0]).toMatch(/npm-registry-5xx network\s+flaky\s+infrastructure\s+4\s+2/);
    expect(causes.some((r) => r.includes(HOSTILE_PATTERN))).toBe(true);
    expect(await page.locator("#causes .kinds").innerText()).toContain("5 infrastructure 4 test");
    expect(await page.locator("#new tbody tr").count()).toBe(2);
    expect(await page.locator("#durations tbody tr").nth(2).locator("td").first().innerText()).toBe(HOSTILE_JOB);
    expect(await page.locator("#durations tbody tr").first().innerText()).toMatch(/build\s+16\s+2 m 00 s\s+1 m 40 s\s+\+20 %/);
    expect(await page.locator("svg.spark").count()).toBe(10);
    expect(await page.evaluate("[window.pwned, document.querySelectorAll('script, img, iframe, object').length]")).toEqual([undefined, 0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("draws the sparklines with the hashed stylesheet (a stroke, no fill) and follows a cause to its details page", async () => {
    const { page, problems } = await open(repoPath("octo", "widgets"));
    const line = page.locator("#durations svg.spark polyline").first();
    // A string, not a function: this project's TypeScript has no DOM types.
    const style = (prop: string) => page.evaluate(`getComputedStyle(document.querySelector("#durations svg.spark polyline")).${prop}`);
    expect(await style("fill")).toBe("none");
    expect(await style("strokeWidth")).toBe("1.5px");
    expect(await line.getAttribute("points")).toMatch(/^(\d+\.\d,\d+\.\d ){13}\d+\.\d,\d+\.\d$/);
    await page.locator("#causes tbody tr").first().locator("a", { hasText: "latest" }).click();
    expect(await page.locator("h1").innerText()).toContain("Failed jobs");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("renders a non-trivial page (screenshot) and fits a phone", async () => {
    const { desktop, phone } = await pages.screenshots(repoPath("octo", "widgets"), "repo");
    expect(desktop.length).toBeGreaterThan(20_000);
    expect(await inkRatio(pages.browser().context, phone)).toBeGreaterThan(0.03);
  });

  it("opens a private repository only with its token", async () => {
    expect((await open(repoPath("octo", "secret"))).status).toBe(404);
    const { page, status } = await open(repoPath("octo", "secret", repoPageToken(PAGE_SECRET, "octo", "secret")));
    expect(status).toBe(200);
    expect(await page.locator("#causes").innerText()).toContain("private-cause");
    const jsonHref = await page.locator("a", { hasText: "This page as JSON" }).getAttribute("href");
    expect((await page.request.get(jsonHref!)).status()).toBe(200);
    await page.close();
  });
});
