// Merge-queue ejections per cause on the repository history page and in its JSON.
import { expect, it } from "vitest";
import { repoPath } from "../../src/web/index.js";
import type { repoHistoryJson } from "../../src/web/history/repo-history-json.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { daysAgo, NOW, seedHistory, sha } from "./seed-history.js";
import { useServedRoutes } from "./served-routes.js";

const { db } = useSeededDatabase(async (prisma) => {
  await seedHistory(prisma);
  const repo = await prisma.repository.findFirstOrThrow({ where: { owner: "octo", name: "widgets" } });
  const eject = (c: string, causes: string[], at: Date) => ({ repositoryId: repo.id, headSha: sha(c), reason: "dequeued", causes, createdAt: at });
  await prisma.mergeQueueEjection.createMany({
    data: [eject("a", ["genuine"], daysAgo(1)), eject("b", ["genuine", "flaky"], daysAgo(2)), eject("c", ["timed-out"], daysAgo(3)), eject("d", ["genuine"], daysAgo(40))],
  });
});
const { get } = useServedRoutes(db, NOW);

it("counts the groups ejected in the last 30 days per cause, in JSON and on the page", async () => {
  const json = (await (await get(`${repoPath("octo", "widgets")}?format=json`)).json()) as ReturnType<typeof repoHistoryJson>;
  expect(json.mergeQueueEjections).toEqual({
    days: 30,
    groups: 3,
    causes: [
      { cause: "genuine", groups: 2 },
      { cause: "flaky", groups: 1 },
      { cause: "timed-out", groups: 1 },
    ],
  });
  const page = await (await get(repoPath("octo", "widgets"))).text();
  expect(page).toContain('id="merge-queue"');
  expect(page).toContain("<strong>3</strong> merge groups left the queue after a failure.");
  expect(page).toMatch(/Sift timed out waiting for jobs <span class="note">timed-out<\/span><\/td><td class="num">1</);
});

it("shows no merge-queue section for a repository whose queue ejected nothing", async () => {
  const page = await (await get(repoPath("octo", "empty"))).text();
  expect(page).not.toContain('id="merge-queue"');
});
