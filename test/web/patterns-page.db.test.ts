// The patterns and search pages in a real browser, under the strict CSP: what a maintainer sees, the
// search form working without script, hostile log text staying text, and a phone-sized screen.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { usePagesInChromium } from "./pages-in-chromium.js";
import { HOSTILE, NOW, seedPatterns } from "./seed-patterns.js";
import { serveWeb } from "./serve-web.js";

const pages = usePagesInChromium(async (prisma) => {
  await seedPatterns(prisma);
  return serveWeb(prisma, NOW);
});
const open = pages.open;

const nothingRan = (page: Page) => page.evaluate("[window.pwned, document.querySelectorAll('script, img, iframe, object').length]");

describe("patterns page in Chromium", () => {
  it("lists patterns with hits, re-runs and rescue rate, says which is demoted and why, and which is observed", async () => {
    const { page, status, problems } = await open("/r/octo/widgets/patterns");
    expect(status).toBe(200);
    const rows = await page.locator("#patterns tbody tr").allInnerTexts();
    expect(rows.find((r) => r.startsWith("gha.runner-lost"))).toMatch(/gha\.runner-lost runner demoted\s+builtin\s+flaky\s+6\s+.*octo\/widgets\s+12\s+2 of 12 \(17 %\)/);
    expect(rows.find((r) => r.startsWith("net.reset"))).toMatch(/3 of 4 \(75 %\)/);
    expect(rows.find((r) => r.startsWith("watch.oom"))).toMatch(/watch\.oom memory observe\s+repo\s+flaky\s+0 \+1 observed/);
    expect(await page.locator("#demoted").innerText()).toContain("gha.runner-lost in octo/widgets: pattern gha.runner-lost is demoted: 2 of 12 re-runs passed");
    expect(await page.locator("#idle").innerText()).toContain("1 pattern of the current sets");
    expect(await nothingRan(page)).toEqual([undefined, 0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("proposes a pattern from the recurring failure, hostile text as text, with GitHub links escaped", async () => {
    const { page, problems } = await open("/r/octo/widgets/patterns");
    const suggestion = page.locator("#suggestions .patterns-suggestion");
    expect(await suggestion.count()).toBe(1);
    const text = await suggestion.innerText();
    expect(text).toContain(HOSTILE.replace("10.0.0", ""));
    expect(text).toContain("3 passed when re-run at the same commit. Backtest: the pattern matches 4 stored failures of 14, 4 of them genuine today.");
    expect(await suggestion.locator("pre").innerText()).toContain("- id: suggested.error-socket-closed-by-after\n    regex: 'Error:\\s+socket");
    expect(await suggestion.locator("a", { hasText: "Edit .github/sift.yml" }).getAttribute("href")).toBe("https://github.com/octo/widgets/edit/trunk/.github/sift.yml");
    const issue = new URL((await suggestion.locator("a", { hasText: "Propose it in an issue" }).getAttribute("href")) ?? "");
    expect(`${issue.origin}${issue.pathname}`).toBe("https://github.com/octo/widgets/issues/new");
    expect(issue.searchParams.get("title")).toBe("Sift: add flaky pattern suggested.error-socket-closed-by-after");
    expect(issue.searchParams.get("body")).toContain("    mode: observe");
    expect(await nothingRan(page)).toEqual([undefined, 0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("searches through the form without script, links each failure to its details page, and escapes its lines", async () => {
    const { page, problems } = await open("/r/octo/widgets/patterns");
    await page.locator("#search input[name=q]").fill("socket closed by 10\\.0\\.0\\.[2-4]");
    await Promise.all([page.waitForURL(/\/search\?q=/), page.locator("#search button").click()]);
    expect(await page.locator("#search-summary").innerText()).toBe("3 of 14 stored failures of the last 30 days have a matching line (3 lines).");
    expect(await page.locator("#search-days tbody tr").count()).toBe(3);
    const first = page.locator("#search-hits tbody tr").first();
    expect(await first.locator("a").getAttribute("href")).toBe(`${pages.web().base}/r/octo/widgets/commit/${"c0".padEnd(40, "0")}`);
    expect(await page.locator("#search-hits pre").first().innerText()).toBe(`5: Error: socket closed by 10.0.0.2:5432 after 2s ${HOSTILE}`);
    expect(await page.locator("input[name=q]").inputValue()).toBe("socket closed by 10\\.0\\.0\\.[2-4]");
    expect(await nothingRan(page)).toEqual([undefined, 0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says clearly why a regex is refused, and what a hostile query cannot do", async () => {
    const hostile = `"><script>window.pwned=1</script>(?<=x)`;
    const { page, status, problems } = await open(`/r/octo/widgets/search?q=${encodeURIComponent(hostile)}`);
    expect(status).toBe(400);
    expect(await page.locator("[role=alert]").innerText()).toMatch(/^not a valid RE2 regular expression: /);
    expect(await page.locator("input[name=q]").inputValue()).toBe(hostile);
    expect(await nothingRan(page)).toEqual([undefined, 0]);
    // Chromium logs the 400 itself; nothing else (a CSP violation would show here).
    expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    await page.close();
  });

  it("renders non-trivial pages (screenshots) that fit a phone", async () => {
    await pages.screenshots("/r/octo/widgets/patterns", "patterns");
    await pages.screenshots("/r/octo/widgets/search?q=socket", "search");
  });
});
