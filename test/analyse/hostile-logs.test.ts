// Hostile job logs through the real classify stage (streamed download, tail kept, normalised while
// yielding, classified): each ends with a flaky DNS failure, which must still be found, in bounded
// time, with the event loop turning, and a cut head said in the report. Sizes are small here
// (log.max_bytes 8 MiB); HOSTILE_LOG_MB runs the big ones (2048 for a 2 GB log, README's table).
import { describe, expect, it } from "vitest";
import { createClassifyStage } from "../../src/analyse/classify-job.js";
import { actionsJob, classifyContext } from "../helpers/actions-job.js";
import { longestHold } from "../helpers/event-loop.js";
import { nockJobLogRedirect, nockLogStorage, useStrictNock } from "../helpers/github-nock.js";
import { hostileLogs, type HostileLog } from "../helpers/hostile-log-streams.js";

useStrictNock();
const MB = 1024 * 1024;
const SIZE_MB = Number(process.env.HOSTILE_LOG_MB ?? 48);
const MAX_BYTES = process.env.HOSTILE_LOG_MB ? 64 * MB : 8 * MB;

const job = actionsJob();

async function analyse(kind: HostileLog, bytes: number) {
  nockLogStorage(nockJobLogRedirect(), () => hostileLogs[kind](bytes));
  const { ctx } = classifyContext([{ owner: "octo", repo: "app", path: ".github/sift.yml", config: { log: { max_bytes: MAX_BYTES } } }]);
  const rss = process.memoryUsage().rss;
  const start = performance.now();
  const { result: failure, longest } = await longestHold(() => createClassifyStage()(job, ctx));
  const ms = performance.now() - start;
  const grewMb = (process.memoryUsage().rss - rss) / MB;
  console.log(`${kind} ${(bytes / MB).toFixed(0)} MB: ${failure.class} (${failure.patternId}) in ${ms.toFixed(0)} ms, event loop held ≤ ${longest.toFixed(0)} ms, RSS +${grewMb.toFixed(0)} MB; ${failure.notes.join("; ")}`);
  return { failure, ms, longest };
}

describe("hostile logs through the classify stage", () => {
  const cases: [HostileLog, string][] = [
    ["huge", `${SIZE_MB} MB of ordinary output`],
    ["oneLine", `one ${SIZE_MB} MB line`],
    ["binary", `${Math.min(SIZE_MB, 64)} MB of random bytes`],
    ["nulBytes", "lines full of NUL bytes"],
    ["invalidUtf8", "lines of invalid UTF-8"],
  ];
  for (const [kind, what] of cases) {
    it(`finds the flaky cause after ${what}, keeps the event loop turning, and says what was cut`, async () => {
      const bytes = (kind === "binary" ? Math.min(SIZE_MB, 64) : SIZE_MB) * MB;
      const { failure, ms, longest } = await analyse(kind, bytes);
      expect(failure).toMatchObject({ class: "flaky", patternId: "git.unable-to-access" });
      expect(failure.excerpt).toContain("Could not resolve host: github.com");
      if (bytes > MAX_BYTES) expect(failure.notes.join()).toMatch(/^the first \d+\.\d MB of the log were skipped \(log\.max_bytes keeps the tail\)/);
      // Bounded: download, tail, normalisation and classification at > 4 MB/s even on a loaded machine.
      expect(ms).toBeLessThan(2000 + (bytes / MB) * 250);
      // Responsive: the longest single hold of the event loop (random bytes classify slowest: ~1 s per 8 MB tail).
      expect(longest).toBeLessThan(250 * (MAX_BYTES / MB));
    }, 600_000);
  }
});
