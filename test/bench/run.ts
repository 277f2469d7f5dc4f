// `npm run bench [-- NAME...]`: runs the named benchmarks, or all of them. Each benchmark is a
// module exporting run(); add yours to the list below.
import { runAccuracyBench } from "./accuracy.js";
import { runBacktestBench } from "./backtest.js";
import { runClassifyBench } from "./classify.js";
import { runCleanBench } from "./clean.js";
import { runDayBench } from "./day.js";
import { runEvidenceBench } from "./evidence.js";
import { runIngestBench } from "./ingest.js";
import { runKeepBench } from "./keep.js";
import { runOrgGridBench } from "./org-grid.js";
import { runPagesBench } from "./pages.js";

const benches: Record<string, () => Promise<void>> = {
  accuracy: runAccuracyBench,
  backtest: runBacktestBench,
  classify: runClassifyBench,
  clean: runCleanBench,
  day: runDayBench,
  evidence: runEvidenceBench,
  ingest: runIngestBench,
  keep: runKeepBench,
  "org-grid": runOrgGridBench,
  pages: runPagesBench,
};

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in benches));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")} (known: ${Object.keys(benches).join(", ")})`);
  process.exit(2);
}
// The day replay takes hours at its full size, the million-job page benches minutes: only when named.
const byDefault = Object.keys(benches).filter((n) => !["day", "pages", "org-grid"].includes(n));
for (const name of names.length > 0 ? names : byDefault) {
  console.log(`\n## bench: ${name}`);
  await (benches[name] as () => Promise<void>)();
}
