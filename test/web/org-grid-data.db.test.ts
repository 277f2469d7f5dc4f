// The org grid's aggregation on generated history, on PGlite and PostgreSQL: counts per UTC day by
// verdict, top causes with their text, new causes marked by their first sighting ever, duration change.
import { describe, expect, it } from "vitest";
import { loadOrgGrid } from "../../src/web/index.js";
import { renderOrgGridPage, type OrgGridPage } from "../../src/web/org-grid/org-grid-view.js";
import { loadViews } from "../../src/web/views.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { GRID_NOW, HOSTILE_TEXT, REPOS, TODAY, seedOrgGrid } from "./seed-org-grid.js";

const { db } = useSeededDatabase(seedOrgGrid); // every test only reads
const acme = [
  { id: REPOS.web, owner: "acme", name: "web", private: false },
  { id: REPOS.api, owner: "acme", name: "api", private: true },
];

describe("org grid data", () => {
  it("counts each UTC day's failed jobs by verdict for the repositories given, oldest day first", async () => {
    const grid = await loadOrgGrid(db().prisma, "acme", acme, GRID_NOW, 14);
    expect(grid.dayKeys).toHaveLength(14);
    expect(grid.dayKeys[0]).toBe("2026-11-07");
    expect(grid.dayKeys.at(-1)).toBe(TODAY);
    expect(grid.rows.map((r) => r.repo.name)).toEqual(["api", "web"]);
    const api = grid.rows[0]!;
    expect(api.cells.at(-1)).toMatchObject({ day: TODAY, failed: 3, counts: { genuine: 2, known: 0, flaky: 1, pending: 0 } });
    expect(api.cells.at(-4)).toMatchObject({ failed: 1, counts: { known: 1 } });
    expect(grid.rows[1]!.cells.at(-3)).toMatchObject({ failed: 1, counts: { pending: 1 } });
    const total = grid.rows.flatMap((r) => r.cells).reduce((n, c) => n + c.failed, 0);
    expect(total).toBe(5); // vault and the other owner's api are not asked for; day 35 is outside the window
  });

  it("lists a day's top causes with their text, and marks only causes never seen before that day", async () => {
    const grid = await loadOrgGrid(db().prisma, "acme", acme, GRID_NOW, 30);
    const today = grid.rows[0]!.cells.at(-1)!;
    expect(today.causes).toEqual([
      { cause: "AssertionError: expected <n> to be <n>", patternId: "sift.genuine.assertion", verdict: "genuine", count: 2, text: HOSTILE_TEXT, isNew: true },
      { cause: "npm-registry-5xx", patternId: "npm-registry-5xx", verdict: "flaky", count: 1, text: "npm ERR! 503 Service Unavailable", isNew: false },
    ]);
    expect(grid.rows[0]!.cells.at(-4)!.causes[0]).toMatchObject({ cause: "eslint-crash", verdict: "known", isNew: true });
  });

  it("compares each day's median duration of successful jobs with the 14 days before", async () => {
    const grid = await loadOrgGrid(db().prisma, "acme", acme, GRID_NOW, 14);
    const today = grid.rows[0]!.cells.at(-1)!;
    expect(today.medianSeconds).toBeGreaterThanOrEqual(150);
    expect(today.baselineSeconds).toBeGreaterThanOrEqual(100);
    expect(today.baselineSeconds).toBeLessThan(105);
    expect(today.change).toBeGreaterThan(0.4);
    expect(Math.abs(grid.rows[1]!.cells.at(-1)!.change!)).toBeLessThan(0.06);
    const without = await loadOrgGrid(db().prisma, "acme", acme, GRID_NOW, 14, { durations: false });
    expect(without.rows[0]!.cells.at(-1)).toMatchObject({ failed: 3, medianSeconds: null, change: null });
    const page = await loadOrgGrid(db().prisma, "acme", acme, GRID_NOW, 14, { durations: true, causes: false });
    expect(page.rows[0]!.cells.at(-1)).toMatchObject({ failed: 3, causes: [], medianSeconds: today.medianSeconds, change: today.change });
  });

  it("renders the duration colouring the same without the causes it does not show", async () => {
    const page: OrgGridPage = { login: "octocat", colour: "duration", selfHref: () => "/o/acme", jsonHref: "/api", dayHref: (row, day) => `/r/acme/${row.repo.name}?day=${day}` };
    const [all, lean] = await Promise.all([
      loadOrgGrid(db().prisma, "acme", acme, GRID_NOW, 30),
      loadOrgGrid(db().prisma, "acme", acme, GRID_NOW, 30, { durations: true, causes: false }),
    ]);
    expect(all.rows[0]!.cells.at(-1)!.causes.length).toBeGreaterThan(0);
    const views = loadViews();
    expect(renderOrgGridPage(views, lean, page)).toBe(renderOrgGridPage(views, all, page));
  });

  it("answers an empty grid for no repositories", async () => {
    expect((await loadOrgGrid(db().prisma, "acme", [], GRID_NOW, 14)).rows).toEqual([]);
  });
});
