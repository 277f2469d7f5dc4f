// The details page in a real browser: the app's routes on a local port, a seeded database,
// headless Chromium looking at what a person would see.
import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { detailsPath, pageToken } from "../../src/web/index.js";
import { inkRatio } from "./ink-ratio.js";
import { usePagesInChromium } from "./pages-in-chromium.js";
import { NOW, SHA, seedDetails } from "./seed-details.js";
import { PAGE_SECRET, serveWeb } from "./serve-web.js";

const pages = usePagesInChromium(async (prisma) => {
  await seedDetails(prisma);
  return serveWeb(prisma, NOW);
});
const open = pages.open;

describe("details page in Chromium", () => {
  it("shows a log excerpt with <script> as text, and nothing runs", async () => {
    const { page, status, problems } = await open(detailsPath("octo", "widgets", SHA));
    expect(status).toBe(200);
    const excerpt = await page.locator("#job-1 pre").innerText();
    expect(excerpt).toContain('Expected: "<script>window.pwned = 1</script>"');
    expect(excerpt).toContain("<img src=x onerror=");
    expect(await page.locator("#job-1 mark").innerText()).toBe('Expected: "<script>window.pwned = 1</script>"');
    expect(await page.evaluate("window.pwned")).toBeUndefined();
    expect(await page.evaluate("document.querySelectorAll('script, img, iframe, object').length")).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows class, cause, attempts, history and links for each job", async () => {
    const { page } = await open(detailsPath("octo", "widgets", SHA));
    const text = await page.locator("main").innerText();
    expect(await page.locator("h1").innerText()).toContain("1 flaky, 1 known problem, 1 to fix");
    const flaky = await page.locator(".job-flaky").innerText();
    expect(flaky).toContain("the npm registry answered 503");
    expect(flaky).toContain("npm-registry-5xx");
    expect(flaky).toMatch(/Attempt 1: failure\s+Attempt 2: success/);
    expect(flaky).toContain("Re-run requested automatically after attempt 1, then success");
    expect(flaky).toContain("3 times in this repository, on CI / e2e (2), integration (1)".replace("CI / ", ""));
    expect(text).toContain("eslint crashed on the runner");
    const unit = await page.locator("#job-1").innerText();
    expect(unit).toMatch(/Failing tests\s+Cart › applies a discount \(src\/cart\.test\.js\)\s+renders <img src=x onerror="window\.pwned=2">/);
    expect(unit).toMatch(/Evidence\s+Test "Cart › applies a discount" failed and then passed on re-run at the same commit on 1 PR in the last 30 days\. \(#12 \(abc1234\), bad\)/);
    expect(unit).toMatch(/Confidence\s+medium/);
    expect(await page.locator("#job-1 a", { hasText: "#12 (abc1234)" }).getAttribute("href")).toBe("https://github.com/octo/widgets/actions/runs/4/job/44");
    expect(await page.locator("#job-1 a", { hasText: "bad" }).count()).toBe(0);
    const issue = await page.locator("#job-1 a", { hasText: "Report as issue" }).getAttribute("href");
    const url = new URL(issue!);
    expect(url.origin + url.pathname).toBe("https://github.com/octo/widgets/issues/new");
    expect(url.searchParams.get("title")).toBe("CI failure in CI / unit tests: no known pattern matched");
    expect(url.searchParams.get("body")).toContain("````text\n");
    expect(await page.locator("#job-1 a", { hasText: "Raw log" }).getAttribute("href")).toBe(`https://github.com/octo/widgets/commit/${SHA}/checks/101/logs`);
    await page.close();
  });

  it("is styled under a strict Content-Security-Policy", async () => {
    const { page, csp, problems } = await open(detailsPath("octo", "widgets", SHA));
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /);
    // The hashed inline stylesheet applied: a genuine badge is red, not the default transparent.
    // a string given to locator.evaluate is not called, so read the style through page.evaluate
    const badge = await page.evaluate("getComputedStyle(document.querySelector('.badge-genuine')).backgroundColor");
    expect(badge).toMatch(/^rgb/);
    expect(badge).not.toBe("rgba(0, 0, 0, 0)");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("renders a non-trivial page (screenshot)", async () => {
    const { page } = await open(detailsPath("octo", "widgets", SHA));
    const png = await page.screenshot({ fullPage: true });
    await writeFile("/tmp/sift-details-desktop.png", png);
    expect(png.length).toBeGreaterThan(20_000);
    expect(await inkRatio(pages.browser().context, png)).toBeGreaterThan(0.03);
    await page.close();
  });

  it("is readable on a phone: nothing wider than the screen but the log itself", async () => {
    const { page } = await open(detailsPath("octo", "widgets", SHA), { width: 390, height: 844 });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    expect(await page.evaluate(`document.querySelector('meta[name="viewport"]').getAttribute("content")`)).toBe("width=device-width, initial-scale=1");
    const png = await page.screenshot({ fullPage: true });
    await writeFile("/tmp/sift-details-phone.png", png);
    expect(await inkRatio(pages.browser().context, png)).toBeGreaterThan(0.03);
    await page.close();
  });

  it("answers 404 for a private repository without the right token, and shows it with one", async () => {
    const good = pageToken(PAGE_SECRET, "octo", "secret", SHA);
    expect((await open(detailsPath("octo", "secret", SHA))).status).toBe(404);
    expect((await open(detailsPath("octo", "secret", SHA, good.slice(0, -2) + "xx"))).status).toBe(404);
    expect((await open(detailsPath("octo", "secret", SHA, pageToken(PAGE_SECRET, "octo", "widgets", SHA)))).status).toBe(404);
    const { page, status } = await open(detailsPath("octo", "secret", SHA, good));
    expect(status).toBe(200);
    expect(await page.locator("main").innerText()).toContain("private job");
    // links on the page keep the token, so the JSON view works too
    const jsonHref = await page.locator("a", { hasText: "This page as JSON" }).getAttribute("href");
    expect((await page.request.get(jsonHref!)).status()).toBe(200);
    await page.close();
    // public repositories work without a token
    expect((await open(detailsPath("octo", "widgets", SHA))).status).toBe(200);
    expect((await open(detailsPath("octo", "widgets", "f".repeat(40)))).status).toBe(404);
    expect((await open("/r/octo/widgets/commit/not-a-sha")).status).toBe(404);
  });

  it("returns JSON for Accept: application/json", async () => {
    const page = await pages.browser().context.newPage();
    const response = await page.request.get(`${pages.web().base}${detailsPath("octo", "widgets", SHA)}`, { headers: { accept: "application/json" } });
    expect(response.headers()["content-type"]).toBe("application/json");
    const body = await response.json();
    expect(body).toMatchObject({ sha: SHA, conclusion: "failure" });
    expect(body.jobs.map((j: { name: string; class: string }) => `${j.name}:${j.class}`)).toEqual(["unit tests:genuine", "lint:known-problem", "e2e:flaky"]);
    expect(Object.keys(body.jobs[0]).sort()).toEqual(["class", "confidence", "evidence", "excerpt", "id", "line", "name", "pattern", "retried", "tests"]);
    await page.close();
  });
});
