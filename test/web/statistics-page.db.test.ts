// The statistics page in a real browser (chart, figures, window links, strict CSP, no script, a phone)
// and who may read it and its JSON API: the history page's access for the page, a signed-in reader
// for /api/v1.
import { describe, expect, it } from "vitest";
import { repoPageToken } from "../../src/web/index.js";
import { readerWho } from "../helpers/reader.js";
import { usePagesInChromium } from "./pages-in-chromium.js";
import { serveInsight } from "./serve-insight.js";
import { PAGE_SECRET } from "./serve-web.js";

const NOW = new Date("2026-11-30T12:00:00Z");
const DAY = 24 * 3600 * 1000;
const HOSTILE_UNIT = "<b id=pwn>kB";

const pages = usePagesInChromium(async (prisma) => {
  await prisma.installation.create({ data: { id: 1n, accountLogin: "octo" } });
  await prisma.repository.create({ data: { id: 11n, installationId: 1n, owner: "octo", name: "app" } });
  await prisma.repository.create({ data: { id: 12n, installationId: 1n, owner: "octo", name: "secret", private: true } });
  // bundle: two runs a day over 20 days (100 + day, 110 + day); tests: one run, 3 days ago
  const rows = [];
  for (let d = 0; d < 20; d++) {
    for (const [i, extra] of [0, 10].entries()) rows.push({ repositoryId: 11n, statisticId: "bundle", group: "kb", jobId: d * 2 + i + 1, value: 100 + (19 - d) + extra, unit: HOSTILE_UNIT, at: new Date(NOW.getTime() - d * DAY - i * 3600_000) });
  }
  rows.push({ repositoryId: 11n, statisticId: "tests", group: "passed", jobId: 500, value: 842, unit: "", at: new Date(NOW.getTime() - 3 * DAY) });
  rows.push({ repositoryId: 12n, statisticId: "private-stat", group: "n", jobId: 600, value: 7, unit: "", at: NOW });
  await prisma.statisticValue.createMany({ data: rows });
  return serveInsight(prisma, NOW);
});
const open = pages.open;

describe("statistics page in Chromium", () => {
  it("charts each statistic per day with its figures over the window; hostile units stay text and nothing runs", async () => {
    const { page, status, problems } = await open("/r/octo/app/statistics");
    expect(status).toBe(200);
    expect(await page.locator("section.stats-series").count()).toBe(2);
    // 30-day window: all 40 bundle runs, values 100..119 and 110..129: variance 33.25 within + 25 between
    const facts = await page.locator("#stat-bundle-kb .stats-facts").innerText();
    expect(facts.replace(/\s+/g, " ")).toContain(`mean 114.5 ${HOSTILE_UNIT} stddev 7.632 ${HOSTILE_UNIT} min 100 ${HOSTILE_UNIT} max 129 ${HOSTILE_UNIT} job runs 40`);
    expect(await page.locator("#pwn").count()).toBe(0);
    const chart = page.locator("#stat-bundle-kb svg.stat-chart");
    expect(await chart.locator("polygon.band").count()).toBe(1);
    expect(await chart.locator("polyline.mean").getAttribute("points")).toMatch(/^(\d+\.\d,\d+\.\d ){19}\d+\.\d,\d+\.\d$/);
    expect(await chart.getAttribute("aria-label")).toContain("2026-11-30 mean 124");
    expect(await page.locator("#stat-tests-passed svg circle.mean-dot").count()).toBe(1); // one day: a dot, not a line
    const style = (prop: string) => page.evaluate(`getComputedStyle(document.querySelector("#stat-bundle-kb polyline.mean")).${prop}`);
    expect([await style("fill"), await style("strokeWidth")]).toEqual(["none", "2px"]); // the hashed stylesheet applies
    expect(await page.evaluate("[window.pwned, document.querySelectorAll('script, img, iframe, object').length]")).toEqual([undefined, 0]);
    // another window through a plain link: 7 days hold 14 runs
    await page.locator(".stats-windows a", { hasText: "7 days" }).click();
    expect(page.url()).toContain("days=7");
    expect((await page.locator("#stat-bundle-kb .stats-facts").innerText()).replace(/\s+/g, " ")).toContain("job runs 14");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("renders a non-trivial page (screenshot) and fits a phone", async () => {
    await pages.screenshots("/r/octo/app/statistics?days=90", "statistics", "/r/octo/app/statistics");
  });
});

describe("who may read statistics", () => {
  it("opens a private repository's page with its repository token or for a reader who can read it, else 404", async () => {
    const base = pages.web().base;
    pages.web().signIn(null);
    expect((await fetch(`${base}/r/octo/secret/statistics`)).status).toBe(404);
    const token = repoPageToken(PAGE_SECRET, "octo", "secret");
    const page = await fetch(`${base}/r/octo/secret/statistics?token=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain("private-stat");
    // the history page links here, with the same token
    const history = await (await fetch(`${base}/r/octo/secret?token=${encodeURIComponent(token)}`)).text();
    const link = /href="([^"]+\/statistics\?token=[^"]+)">Statistics</.exec(history)?.[1];
    expect(link).toBeDefined();
    expect((await fetch(link!.replace(/&amp;/g, "&"))).status).toBe(200);
    pages.web().signIn(readerWho("mona", ["octo/secret"]));
    expect((await fetch(`${base}/r/octo/secret/statistics`)).status).toBe(200);
    pages.web().signIn(readerWho("hubot", ["octo/app"]));
    expect((await fetch(`${base}/r/octo/secret/statistics`)).status).toBe(404);
  });

  it("answers the JSON API only to a signed-in reader, and only for what they can read", async () => {
    const base = pages.web().base;
    pages.web().signIn(null);
    const anonymous = await fetch(`${base}/api/v1/repos/octo/app/statistics`);
    expect([anonymous.status, ((await anonymous.json()) as { error: string }).error]).toEqual([401, "sign in with GitHub first"]);
    pages.web().signIn(readerWho("hubot", ["octo/app"]));
    const json = (await (await fetch(`${base}/api/v1/repos/octo/app/statistics?days=7`)).json()) as { days: number; statistics: { id: string; count: number; mean: number; stddev: number; min: number; max: number; daily: unknown[] }[] };
    expect(json.days).toBe(7);
    // the last 7 days: 113..119 and 123..129
    expect(json.statistics[0]).toMatchObject({ id: "bundle", count: 14, mean: 121, min: 113, max: 129 });
    expect(json.statistics[0]!.stddev).toBeCloseTo(Math.sqrt(4 + 25), 9);
    expect(json.statistics[0]!.daily).toHaveLength(7);
    expect((await fetch(`${base}/api/v1/repos/octo/secret/statistics`)).status).toBe(404);
    expect((await fetch(`${base}/api/v1/repos/octo/nothing/statistics`)).status).toBe(404);
    pages.web().signIn(readerWho("mona", ["octo/secret"]));
    expect(((await (await fetch(`${base}/api/v1/repos/octo/secret/statistics`)).json()) as { statistics: { id: string }[] }).statistics.map((s) => s.id)).toEqual(["private-stat"]);
  });
});
