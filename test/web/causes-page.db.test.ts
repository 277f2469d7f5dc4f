// The causes page in a real browser, under the strict CSP: rows with sparklines, the full error on
// expand (hostile text stays text), new causes first, nothing runs, and it fits a phone.
import { describe, expect, it } from "vitest";
import { readerWho } from "../helpers/reader.js";
import { usePagesInChromium } from "./pages-in-chromium.js";
import { HOSTILE_LINE, NOW, seedCauses } from "./seed-causes.js";
import { serveWeb } from "./serve-web.js";

const pages = usePagesInChromium(async (prisma) => {
  await seedCauses(prisma);
  return serveWeb(prisma, NOW, { readerOf: async () => readerWho("mona", ["octo/vault"]) });
});
const open = pages.open;

describe("causes page in Chromium", () => {
  it("lists new causes first with sparklines; a click opens the full error, hostile text stays text", async () => {
    const { page, status, problems } = await open("/r/octo/app/causes?days=30");
    expect(status).toBe(200);
    const rows = page.locator("#causes tbody tr");
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await rows.first().innerText()).toContain("new");
    expect(await page.locator("#causes svg.spark").count()).toBe(await rows.count());
    const hostile = rows.filter({ hasText: "window.pwned" }).first();
    const excerpt = hostile.locator("pre.causes-excerpt");
    expect(await excerpt.isVisible()).toBe(false);
    await hostile.locator("summary").click();
    expect(await excerpt.isVisible()).toBe(true);
    expect(await excerpt.innerText()).toContain(HOSTILE_LINE);
    expect(await hostile.locator("pre.causes-line").innerText()).toBe(`${HOSTILE_LINE} (failure 0)`);
    expect(await page.locator("#tests tbody tr").count()).toBeGreaterThan(0);
    expect(await page.evaluate("[window.pwned, document.querySelectorAll('script, img, iframe, object').length]")).toEqual([undefined, 0]);
    await page.locator(".causes-windows a", { hasText: "90 days" }).click();
    expect(await page.locator(".causes-windows strong").innerText()).toBe("90 days");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows an organisation's causes with repositories hit; renders a non-trivial page (screenshot) that fits a phone", async () => {
    const desktop = await open("/o/octo/causes?days=90");
    expect(desktop.status).toBe(200);
    expect(await desktop.page.locator("#causes thead").innerText()).toContain("Repositories");
    await desktop.page.close();
    await pages.screenshots("/o/octo/causes?days=90", "causes", "/o/octo/causes");
  });
});
