// PURE: an analysis report → the `Sift` check run's status, conclusion and output.
import { checkRunState, type AnalysisReport, type CheckRunConclusion, type CheckRunStatus } from "../model/index.js";
import { extractAnnotations, type Annotation } from "./annotations.js";
import { excerptBlocks } from "./excerpts.js";
import { fitBlocks } from "./fit-blocks.js";
import { summaryBlocks } from "./sections.js";
import { renderTitle } from "./title.js";

export interface RenderedCheckRun {
  status: CheckRunStatus;
  conclusion?: CheckRunConclusion;
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
}

export function renderCheckRun(report: AnalysisReport): RenderedCheckRun {
  const text = excerptBlocks(report);
  const state = checkRunState(report);
  const rendered: RenderedCheckRun = {
    status: state.status,
    title: renderTitle(report),
    summary: fitBlocks(summaryBlocks(report)),
    annotations: extractAnnotations(report),
  };
  if (state.conclusion) rendered.conclusion = state.conclusion;
  if (text.length > 0) rendered.text = fitBlocks(text);
  return rendered;
}
