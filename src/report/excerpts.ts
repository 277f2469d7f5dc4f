// The check run's `text`: each failure's excerpt with its context, genuine ones first, for readers
// who stay on GitHub. The summary shows only the line that matters.
import type { AnalysisReport } from "../model/index.js";
import { heading, item, type Block } from "./fit-blocks.js";
import { cause, clipLines, jobLink } from "./job-line.js";
import { fenced } from "./markdown.js";
import { tally } from "./title.js";

const MAX_EXCERPT_LINES = 60;

export function excerptBlocks(report: AnalysisReport): Block[] {
  const { genuine, known, flaky } = tally(report);
  const jobs = [...genuine, ...known, ...flaky].filter((j) => j.failure.excerpt);
  if (jobs.length === 0) return [];
  return [
    heading("## Log excerpts"),
    ...jobs.map((j) => {
      const where = j.failure.line ? ` (log line ${j.failure.line})` : "";
      return item(`#### ${jobLink(j)}${where}\n${cause(j.failure)}\n${fenced(clipLines(j.failure.excerpt!, MAX_EXCERPT_LINES))}`);
    }),
  ];
}
