// A failure's failing tests and its flaky-test evidence, for the check run. Test ids and sentences
// carry text from logs and issues: escaped like any log text; links only to http(s) URLs.
import type { EvidenceSentence, JobReport } from "../model/index.js";
import { code, inline, link } from "./markdown.js";

const MAX_TESTS = 10;
const MAX_SENTENCES = 6;

/** "Failing tests: `a`, `b` and 3 more", or null when the runner named none. */
export function testsLine(job: JobReport): string | null {
  const tests = job.failure.tests ?? [];
  if (tests.length === 0) return null;
  const shown = tests.slice(0, MAX_TESTS).map((t) => code(t.id, 200));
  const more = tests.length > MAX_TESTS ? ` and ${tests.length - MAX_TESTS} more` : "";
  return `Failing test${tests.length === 1 ? "" : "s"}: ${shown.join(", ")}${more}`;
}

function sentenceLine(e: EvidenceSentence): string {
  const links = e.links.map((l) => link(inline(l.label, 60), l.url)).filter((l) => l !== "");
  return `${inline(e.text, 500)}${links.length > 0 ? ` (${links.join(", ")})` : ""}`;
}

/** The evidence as list items ("- …"), each with its links. */
export function evidenceLines(job: JobReport): string[] {
  const evidence = job.evidence ?? [];
  const lines = evidence.slice(0, MAX_SENTENCES).map((e) => `- ${sentenceLine(e)}`);
  if (evidence.length > MAX_SENTENCES) lines.push(`- _… and ${evidence.length - MAX_SENTENCES} more on the details page_`);
  return lines;
}
