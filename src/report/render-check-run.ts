// PURE: an analysis report → the `Sift` check run's status, conclusion and output.
import type { AnalysisReport } from "../analyse/types.js";
import { extractAnnotations, type Annotation } from "./annotations.js";
import { excerptBlocks } from "./excerpts.js";
import { fitBlocks } from "./fit-blocks.js";
import { summaryBlocks } from "./sections.js";
import { renderTitle, tally } from "./title.js";

export interface RenderedCheckRun {
  status: "in_progress" | "completed";
  conclusion?: "success" | "failure";
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
}

export function renderCheckRun(report: AnalysisReport): RenderedCheckRun {
  const text = excerptBlocks(report);
  const rendered: RenderedCheckRun = {
    status: report.pendingJobs > 0 ? "in_progress" : "completed",
    title: renderTitle(report),
    summary: fitBlocks(summaryBlocks(report)),
    annotations: extractAnnotations(report),
  };
  if (rendered.status === "completed") rendered.conclusion = tally(report).genuine.length > 0 ? "failure" : "success";
  if (text.length > 0) rendered.text = fitBlocks(text);
  return rendered;
}
