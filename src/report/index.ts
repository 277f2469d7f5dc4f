// report/: the `Sift` check run. Rendering is pure; write-check-run.ts is the adapter that calls GitHub.
export { renderCheckRun, type RenderedCheckRun } from "./render-check-run.js";
export { extractAnnotations, MAX_ANNOTATIONS, type Annotation } from "./annotations.js";
export { renderTitle } from "./title.js";
export { OUTPUT_LIMIT } from "./fit-blocks.js";
export { repoPath } from "./repo-path.js";
export { writeReport, ANNOTATIONS_PER_REQUEST, type PreviousCheckRun, type WrittenCheckRun, type WriteDeps, type Octokit } from "./write-check-run.js";
