// The backtest of a valid `.github/sift.yml` change, against real stored failures (corpus logs):
// the PR's set (read at its head SHA) against the set in force (default branch), links to the
// details pages (signed for private repositories), contradictions with re-run outcomes, the org
// file backtesting every repository of the owner that uses it. Strict nock for GitHub.
import { expect, it } from "vitest";
import { backtestConfigChange, renderBacktestSection } from "../../src/config-check/index.js";
import { detailsUrl } from "../../src/web/urls.js";
import { NIFI, RUFF } from "../backtest/seed-failures.js";
import { nockRepoFile, nockRepoFileAt, testOctokit, useStrictNock } from "../helpers/github-nock.js";
import { SEED, seedRepository } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { seedRepo, storeFailure } from "../reclassify/seed-stored.js";

useStrictNock();
const db = useTestDatabase(seedRepository);
const { owner, repo } = SEED;
const CONFIG = ".github/sift.yml";
const HEAD = "c".repeat(40);
const adds = "patterns:\n  - { id: reformat-is-flaky, regex: 'Would reformat: ', class: flaky }\n  - { id: never, regex: 'appears nowhere', class: flaky }\n";
const links = { publicUrl: "https://sift.test", pageSecret: "s3cret" };
const linkOf = (f: { repo: string; private: boolean; sha: string }) => detailsUrl(links, { owner: f.repo.split("/")[0]!, name: f.repo.split("/")[1]!, private: f.private }, f.sha);

it("lists a stored genuine failure the PR's new pattern would call flaky, first, linked, and concludes neutral", async () => {
  await db().prisma.repository.update({ where: { id: BigInt(SEED.repositoryId) }, data: { private: true } });
  const ruff = await storeFailure(db(), { repositoryId: SEED.repositoryId, externalId: 1, name: "lint <b>", corpus: RUFF });
  await storeFailure(db(), { repositoryId: SEED.repositoryId, externalId: 2, name: "sftp", corpus: NIFI });
  await db().prisma.retry.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobId: ruff, method: "job", trigger: "command", status: "requested", outcome: "failure" } });
  nockRepoFileAt(owner, repo, CONFIG, HEAD, adds); // the PR's file, through the config plugin
  nockRepoFile(owner, repo, CONFIG, null); // none on the default branch…
  nockRepoFile(owner, ".github", CONFIG, null); // …nor org defaults

  const bt = await backtestConfigChange(testOctokit(), { owner, repo, headSha: HEAD }, { prisma: db().prisma, now: () => new Date() });
  expect(bt).toMatchObject({ days: 30, repos: [`${owner}/${repo}`], result: { examined: 2, cut: false, unmatched: ["never"] } });
  expect(bt.patterns).toEqual(new Map([["reformat-is-flaky", "added"], ["never", "added"]]));
  expect(bt.result.changes.map((c) => [c.jobId, c.old.class, c.new.class, c.new.patternId])).toEqual([[ruff, "genuine", "flaky", "reformat-is-flaky"]]);
  expect(bt.result.contradictions).toMatchObject([{ jobId: ruff, patternId: "reformat-is-flaky", reruns: 1 }]);

  const section = renderBacktestSection(bt, linkOf);
  expect(section.conclusion).toBe("neutral");
  expect(section.title).toBe("backtest: 1 genuine → flaky of 2 stored failures");
  const url = linkOf({ repo: `${owner}/${repo}`, private: true, sha: "1".padStart(40, "0") });
  expect(url).toContain("?token=");
  expect(section.markdown).toContain(`#### Genuine → flaky or known problem (1)\n\n\`reformat-is-flaky\` (added): 1\n- [octo\\-org/octo\\-repo lint &lt;b&gt; @ 0000000](${url})`);
  expect(section.markdown).toMatch(/#### Patterns contradicted by re-runs[\s\S]*`reformat-is-flaky`: 1/);
  expect(section.markdown).toContain("#### Patterns that decide none of these failures\n\n`never`");
  expect(section.markdown).not.toContain("<b>");
});

it("concludes success when nothing turns flaky, and says when the window was cut", async () => {
  await storeFailure(db(), { repositoryId: SEED.repositoryId, externalId: 1, name: "lint", corpus: RUFF });
  await storeFailure(db(), { repositoryId: SEED.repositoryId, externalId: 2, name: "lint", corpus: RUFF });
  nockRepoFileAt(owner, repo, CONFIG, HEAD, "patterns:\n  - { id: never, regex: 'appears nowhere', class: flaky }\n");
  nockRepoFile(owner, repo, CONFIG, null);
  nockRepoFile(owner, ".github", CONFIG, null);
  let t = 0;
  const bt = await backtestConfigChange(testOctokit(), { owner, repo, headSha: HEAD }, { prisma: db().prisma, now: () => new Date(), maxMs: 10, clock: () => (t += 100), pageSize: 1 });
  expect(bt.result).toMatchObject({ examined: 1, changes: [], cut: true });
  const section = renderBacktestSection(bt, linkOf);
  expect(section).toMatchObject({ conclusion: "neutral", title: "backtest: no genuine failure turns flaky (1 stored failures, window cut)" });
  expect(section.markdown).toContain("**The window was cut**");
  expect(renderBacktestSection({ ...bt, result: { ...bt.result, cut: false } }, linkOf).conclusion).toBe("success");
});

it("backtests the org file over every repository of the owner that uses it", async () => {
  await seedRepo(db(), 7001, "uses-org");
  await seedRepo(db(), 7002, "own-file");
  await storeFailure(db(), { repositoryId: 7001, externalId: 11, name: "lint", corpus: RUFF });
  await storeFailure(db(), { repositoryId: 7002, externalId: 12, name: "lint", corpus: RUFF });
  nockRepoFileAt(owner, ".github", CONFIG, HEAD, adds); // the PR in the org's .github repository
  nockRepoFile(owner, "own-file", CONFIG, "patterns: []\n");
  nockRepoFile(owner, "uses-org", CONFIG, null);
  nockRepoFile(owner, ".github", CONFIG, "patterns: []\n"); // org defaults in force
  const bt = await backtestConfigChange(testOctokit(), { owner, repo: ".github", headSha: HEAD }, { prisma: db().prisma, now: () => new Date() });
  expect(bt).toMatchObject({ repos: [`${owner}/uses-org`], unaffected: [`${owner}/own-file`] });
  expect(bt.result.changes.map((c) => [c.repo, c.old.class, c.new.class])).toEqual([[`${owner}/uses-org`, "genuine", "flaky"]]);
});
