// The health, impact, durations and org health pages in a real browser: what a person sees under
// the strict CSP, with hostile job names as text, on a desktop and on a phone.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { readerWho } from "../helpers/reader.js";
import { usePagesInChromium } from "./pages-in-chromium.js";
import { HOSTILE_JOB, NOW, seedHistory } from "./seed-history.js";
import { seedInsight } from "./seed-insight.js";
import { serveInsight } from "./serve-insight.js";

const pages = usePagesInChromium(async (prisma) => {
  await seedHistory(prisma);
  await seedInsight(prisma);
  return serveInsight(prisma, NOW);
});
const { open, screenshots } = pages;

const nothingRuns = (page: Page) => page.evaluate("[window.pwned, document.querySelectorAll('script, img, iframe, object').length]");

describe("insight pages in Chromium", () => {
  it("health: broken now since m6 with the hostile job as text, a bar per day with its hover text, the periods and the median time to fix", async () => {
    pages.web().signIn(null);
    const { page, status, problems } = await open("/r/octo/widgets/health");
    expect(status).toBe(200);
    expect(await page.locator("#now").innerText()).toMatch(/broken since 6666666666 .*2 d 00 h and 2 commits/);
    expect(await page.locator("#now").innerText()).toContain("unit tests");
    expect(await page.locator("#periods").innerText()).toContain("Median time to fix: 2 d 00 h over 1 fixed period");
    expect(await page.locator("#periods tbody tr").count()).toBe(2);
    expect(await page.locator("#periods tbody tr").first().innerText()).toContain(HOSTILE_JOB);
    expect(await page.locator("#daily svg rect").count()).toBe(30);
    expect(await page.locator("#daily svg rect title").last().textContent()).toMatch(/^2026-11-20: /);
    expect(await page.evaluate(`getComputedStyle(document.querySelector("#daily rect.some")).fill`)).not.toBe("rgb(0, 0, 0)");
    expect(await nothingRuns(page)).toEqual([undefined, 0]);
    expect(problems).toEqual([]);
    await page.locator("a", { hasText: "Durations" }).click();
    expect(await page.locator("h1").innerText()).toBe("octo/widgets: how long jobs take");
    await page.close();
  });

  it("durations: build flagged slower first, and its page of days and steps", async () => {
    const { page, problems } = await open("/r/gen/app/durations");
    const first = page.locator("#jobs tbody tr").first();
    expect(await first.innerText()).toMatch(/^build\s+\d+/);
    expect(await first.locator(".badge").innerText()).toBe("slower");
    expect(await page.locator("#detector").innerText()).toContain("Mann–Whitney U");
    await first.locator("a").click();
    expect(await page.locator("h1").innerText()).toBe("gen/app: build");
    expect(await page.locator("#jobs tbody tr").first().innerText()).toMatch(/^All 30 days/);
    expect(await page.locator("#steps tbody tr").allInnerTexts()).toEqual([expect.stringMatching(/^Set up job\s+\d+\s+2\.0\s+2\.0/), expect.stringMatching(/^Compile/)]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("impact: first-attempt pass rate, runs green after a re-run, re-run minutes and blocked PRs", async () => {
    const { page, problems } = await open("/r/gen/app/impact");
    expect(await page.locator("#first-attempt .big").innerText()).toMatch(/^\d+ % of \d+ first attempts passed\.$/);
    expect(await page.locator("#reruns").innerText()).toMatch(/green only after a re-run[\s\S]*Runner time spent on re-runs: [\d.]+ min in \d+ job attempts \(Sift [\d.]+ min/);
    expect(await page.locator("#blocked tbody tr").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("org health for a signed-in reader: every readable repository with its sparkline", async () => {
    pages.web().signIn(readerWho("alice", ["octo/secret"]));
    const { page, problems } = await open("/o/octo/health");
    expect(await page.locator("#repos tbody tr").allInnerTexts()).toEqual([
      expect.stringMatching(/^empty\s+–\s+0 \/ 0\s+no data/),
      expect.stringMatching(/^secret private\s+0 %\s+0 \/ 1\s+green/),
      expect.stringMatching(/^widgets\s+50 %\s+3 \/ 6\s+broken\s+2 d 00 h\s+2 d 00 h/),
    ]);
    expect(await page.locator("#repos svg.spark").count()).toBe(3);
    await page.locator("#repos a", { hasText: "secret" }).click();
    expect(await page.locator("h1").innerText()).toBe("octo/secret: is main green?");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("renders non-trivial pages (screenshots) that fit a phone", async () => {
    pages.web().signIn(readerWho("alice", []));
    await screenshots("/r/octo/widgets/health", "health");
    await screenshots("/r/gen/app/durations", "durations");
    await screenshots("/r/gen/app/durations?job=build", "durations-job");
    await screenshots("/r/gen/app/impact", "impact");
    await screenshots("/o/gen/health", "org-health");
  });
});
