// End to end: a pull request that adds an invalid regex to `.github/sift.yml` gets `Sift config` =
// failure on its head SHA, with an annotation on that line (the real server, the GitHub double).
import { expect, it } from "vitest";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha } from "../helpers/payloads.js";
import { exampleOf } from "../helpers/webhook-examples.js";
import { useSiftWithDouble } from "./harness.js";

const HEAD = sha(0xc0f);
const PR = 17;
const yaml = ["retry:", "  max_attempts: 2", "patterns:", "  - id: reset", "    regex: 'ECONNRESET'", "    class: flaky", "  - id: npm-err", "    regex: '(?<=npm )ERR!'", "    class: flaky", ""].join("\n");

const { gh, sift } = useSiftWithDouble((gh) => {
  gh.state.pullFiles.set(PR, [...Array.from({ length: 120 }, (_, i) => `src/file-${i}.ts`), ".github/sift.yml"]);
  gh.state.contents.set(`${REPO.owner}/${REPO.name}@${HEAD}:.github/sift.yml`, yaml);
});

function pullRequestPayload() {
  const p = exampleOf("pull_request", "synchronize");
  p.installation = { id: INSTALLATION_ID, node_id: "x" };
  p.repository = { ...p.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...p.repository.owner, login: REPO.owner } };
  p.number = PR;
  p.pull_request = { ...p.pull_request, number: PR, head: { ...p.pull_request.head, sha: HEAD } };
  return p;
}

it("fails the Sift config check of a PR adding an invalid regex, annotated on that line", async () => {
  expect((await sift().deliver("pull_request", pullRequestPayload())).status).toBe(200);
  const configRuns = () => gh().state.checkRunsFor(REPO.owner, REPO.name, HEAD).filter((c) => c.name === "Sift config");
  const [run] = await waitFor(async () => (configRuns().length ? configRuns() : undefined), 30_000, "the Sift config check run");
  expect(configRuns()).toHaveLength(1);
  expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
  expect(run!.output?.annotations).toEqual([
    expect.objectContaining({ path: ".github/sift.yml", start_line: 8, end_line: 8, annotation_level: "failure", message: expect.stringContaining("does not compile under RE2") }),
  ]);
  // the file list was read past its first page to find the config
  expect(gh().state.requests.filter((r) => r.path.includes(`/pulls/${PR}/files`))).toHaveLength(2);
  expect(sift().logs().filter((l) => l.level >= 50)).toEqual([]);
});
