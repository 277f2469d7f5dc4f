// The first day of each cause in its repository is kept as verdicts are written: any verdict counts, each
// repository has its own, a re-classification that takes the earliest day away moves it later (or drops
// it), and the kept rows are the ones the old scan of DailyCause finds and a rebuild writes.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { saveClassifications } from "../../src/analyse/save-classifications.js";
import type { PrismaClient } from "../../src/db/index.js";
import { failClosed, type JobInfo, type JobReport, type VerdictClass } from "../../src/model/index.js";
import { REBUILD_FIRST_SEEN, rebuildCauses } from "../../src/rollup/index.js";
import { topCausesByDay } from "../../src/web/org-grid/org-grid-sql.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const db = useTestDatabase(async ({ prisma }) => {
  await prisma.installation.create({ data: { id: 1n, accountLogin: "octo" } });
  await prisma.repository.create({ data: { id: 7n, installationId: 1n, owner: "octo", name: "app" } });
  await prisma.repository.create({ data: { id: 8n, installationId: 1n, owner: "octo", name: "api" } });
});

let ext = 0;
async function job(prisma: PrismaClient, repositoryId: bigint, day: string): Promise<JobInfo> {
  const completedAt = new Date(`${day}T10:00:00Z`);
  const row = await prisma.job.create({
    data: { repositoryId, provider: "actions", externalId: String(++ext), headSha: String(ext).padStart(40, "0"), name: "test", runId: BigInt(ext), status: "completed", conclusion: "failure", startedAt: new Date(completedAt.getTime() - 60_000), completedAt },
  });
  return { ...row, runId: row.runId?.toString() ?? null, provider: "actions", steps: null };
}

function report(j: JobInfo, cls: VerdictClass, patternId: string, signature: string | null): JobReport {
  return { job: j, failure: { ...failClosed("seeded"), class: cls, patternId, category: null, signature }, finalClass: cls, knownProblem: null, retry: null, attempts: [] };
}

const boom = (j: JobInfo, cls: VerdictClass = "genuine") => report(j, cls, "sift.genuine.test-failure", "genuine:boom");
const save = (prisma: PrismaClient, jobs: JobReport[]) => prisma.$transaction((tx) => saveClassifications(tx, jobs, 0));

async function kept(prisma: PrismaClient) {
  const rows = await prisma.causeFirstSeen.findMany({ orderBy: [{ repositoryId: "asc" }, { keyType: "asc" }, { causeKey: "asc" }] });
  return rows.map((r) => [Number(r.repositoryId), r.keyType, r.causeKey, r.day.toISOString().slice(0, 10)]);
}

/** What the org grid scanned for before the rollup kept it: the earliest DailyCause day of each cause. */
async function scanned(prisma: PrismaClient) {
  const rows: { repo: bigint; keyType: string; causeKey: string; first: Date }[] = await prisma.$queryRawUnsafe(
    `select "repositoryId" as repo, "keyType", "causeKey", min(day) as first from "DailyCause" group by 1, 2, 3 order by 1, 2, 3`,
  );
  return rows.map((r) => [Number(r.repo), r.keyType, r.causeKey, r.first.toISOString().slice(0, 10)]);
}

describe("cause first seen", () => {
  it("keeps each repository's first day of a cause through new verdicts and re-classification, as the scan and the rebuild find it", async () => {
    const { prisma } = db();
    const a = await job(prisma, 7n, "2026-11-18");
    const b = await job(prisma, 7n, "2026-11-20");
    const c = await job(prisma, 8n, "2026-11-19");
    await save(prisma, [boom(b)]);
    expect(await kept(prisma)).toEqual([[7, "signature", "boom", "2026-11-20"]]);
    await save(prisma, [boom(a, "flaky"), boom(c)]); // an earlier failure, under another verdict: still the same cause
    expect(await kept(prisma)).toEqual([
      [7, "signature", "boom", "2026-11-18"],
      [8, "signature", "boom", "2026-11-19"],
    ]);
    await save(prisma, [report(a, "flaky", "net.reset", null)]); // 11-18 is no longer boom: it was first seen on 11-20
    expect(await kept(prisma)).toEqual([
      [7, "pattern", "net.reset", "2026-11-18"],
      [7, "signature", "boom", "2026-11-20"],
      [8, "signature", "boom", "2026-11-19"],
    ]);
    await save(prisma, [report(c, "flaky", "net.reset", null)]); // api's only boom goes: its row goes
    expect(await kept(prisma)).toEqual([
      [7, "pattern", "net.reset", "2026-11-18"],
      [7, "signature", "boom", "2026-11-20"],
      [8, "pattern", "net.reset", "2026-11-19"],
    ]);
    const d = await job(prisma, 7n, "2026-11-19");
    await save(prisma, [report(d, "flaky", "net.reset", null)]); // seen before: the first day stays
    expect((await kept(prisma))[0]).toEqual([7, "pattern", "net.reset", "2026-11-18"]);
    expect(await kept(prisma)).toEqual(await scanned(prisma));

    const grid = await topCausesByDay(prisma, { repoIds: [7n, 8n], from: new Date("2026-11-19T00:00:00Z"), to: new Date("2026-11-21T00:00:00Z") }, 3);
    expect(grid.map((r) => [r.repo, r.day, r.cause, r.day === r.firstDay])).toEqual([
      ["7", Date.UTC(2026, 10, 19) / 86_400_000, "net.reset", false],
      ["7", Date.UTC(2026, 10, 20) / 86_400_000, "boom", true],
      ["8", Date.UTC(2026, 10, 19) / 86_400_000, "net.reset", true],
    ]);

    const before = await kept(prisma);
    await prisma.causeFirstSeen.updateMany({ data: { day: new Date("2020-01-01") } });
    await rebuildCauses(prisma);
    expect(await kept(prisma)).toEqual(before);
  });

  it("is filled by the migration as the rebuild fills it", async () => {
    const migration = (await readFile(new URL("../../prisma/migrations/20261207030000_cause_first_seen/migration.sql", import.meta.url), "utf8")).replace(/\s+/g, " ");
    expect(migration).toContain(`${REBUILD_FIRST_SEEN[1]!.trim().replace(/\s+/g, " ")};`);
  });
});
