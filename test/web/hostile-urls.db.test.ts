// URLs nobody links to but anyone can type: malformed or out-of-range query values, odd names and
// NUL bytes (PostgreSQL refuses them in text) answer 200, 302, 400 or 404, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { readerWho, signedIn } from "../helpers/reader.js";
import { MAIN, NOW, seedHistory } from "./seed-history.js";
import { serveWeb } from "./serve-web.js";

let db: TestDatabase;
let web: Awaited<ReturnType<typeof serveWeb>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedHistory(db.prisma);
  web = await serveWeb(db.prisma, NOW, { readerOf: signedIn(readerWho("mona", ["octo/widgets", "octo/empty"])), signInRoutes: true });
});
afterAll(async () => {
  await web?.close();
  await db?.destroy();
});

const status = async (path: string) => (await fetch(`${web.base}${path}`, { redirect: "manual" })).status;

describe("hostile URLs", () => {
  it("a NUL byte in a name or a job is a page about nothing (404, or no such job), not a database error", async () => {
    expect(await status("/o/a%00")).toBe(404);
    expect(await status("/api/v1/orgs/a%00/grid")).toBe(404);
    expect(await status("/r/octo/w%00")).toBe(404);
    expect(await status("/r/octo/widgets/durations?job=a%00b")).toBe(200);
    expect(await status("/api/v1/repos/octo/widgets/durations?job=%00")).toBe(200);
  });

  it("odd query values and names never answer 5xx", async () => {
    const paths = [
      `/r/octo/widgets/commit/${MAIN.m7}?token=garbage`, `/r/octo/widgets/commit/${MAIN.m7}?token=%00`, "/r/octo/widgets?day=2026-13-45", "/r/octo/widgets?day=x",
      "/o/octo?days=abc", "/o/octo?days=99999", "/o/octo?colour=nope", "/r/octo/widgets/causes?days=-1", "/r/octo/widgets/causes?days=abc",
      "/r/octo/widgets/search?q=", "/r/octo/widgets/search?q=(", `/r/octo/widgets/search?q=${"a".repeat(10_000)}`, "/r/octo/widgets/search?q=a%00",
      "/r/octo/widgets/durations?job=", "/r/octo/widgets/durations?job=build&days=abc", "/r/octo/widgets/impact?days=abc", "/r/octo/widgets/statistics?days=5",
      "/r/octo/widgets/commit/XYZ", `/r/octo/widgets/commit/${"a".repeat(41)}`, "/r/OCTO/Widgets", "/r/octo/widgets/", "/o/octo/",
      "/api/v1/orgs/octo/grid?days=abc", "/api/v1/repos/octo/widgets/statistics?days=abc", "/r/%E0%A4%A/x", "/o/%E0%A4%A",
      "/o/a%00/causes", "/o/a%00/health", "/o/a%00/patterns", "/r/octo/w%00/causes", "/r/octo/w%00/health", "/r/octo/w%00/statistics", "/api/v1/repos/o%00/w/causes",
      "/r/octo/widgets/commit/7777777777777777777777777777777777777777%00", "/login?next=%00", "/login/callback?state=%00&code=%00",
    ];
    const answers = await Promise.all(paths.map(async (p) => `${await status(p)} ${p.slice(0, 80)}`));
    expect(answers.filter((a) => a.startsWith("5"))).toEqual([]);
  });
});
