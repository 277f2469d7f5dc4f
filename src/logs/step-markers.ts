// Finds the lines that open steps and report errors, before line prefixes are stripped (the
// GitHub timestamp of a step's first line is how API steps are matched to log steps).
import { ghCliStepName, type LogFormat } from "./line-prefix.js";
import type { StepMarker } from "./types.js";

const ISO_CAPTURE = String.raw`(?:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) ?)?`;
const GITHUB_MARKER = new RegExp(
  String.raw`^${ISO_CAPTURE}(?:##\[group\](Run .*)|(Post job cleanup\.)|(Cleaning up orphan processes)|##\[error\](.*))$`,
  "gm",
);
const EXIT_CODE = /^Process completed with exit code \d+\.?$/;

function lineCounter(text: string) {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    for (let p = text.indexOf("\n", pos); p !== -1 && p < offset; p = text.indexOf("\n", p + 1)) {
      line++;
      pos = p + 1;
    }
    return line;
  };
}

/** GitHub Actions markers (raw and gh-cli logs). `text` is cleaned but still has its prefixes. */
export function findGithubMarkers(text: string, format: LogFormat): StepMarker[] {
  const markers: StepMarker[] = [];
  // gh-cli lines carry job and step columns before the timestamp; drop them, keep line numbers.
  const source = format === "gh-cli" ? text.replace(/^[^\t\n]*\t[^\t\n]*\t/gm, "") : text;
  const count = lineCounter(source);
  GITHUB_MARKER.lastIndex = 0;
  for (let m = GITHUB_MARKER.exec(source); m; m = GITHUB_MARKER.exec(source)) {
    const line = count(m.index);
    const at = m[1];
    if (m[2] !== undefined) markers.push({ line, kind: "run", name: m[2].trim(), at });
    else if (m[3] !== undefined) markers.push({ line, kind: "post", name: "Post job cleanup", at });
    else if (m[4] !== undefined) markers.push({ line, kind: "complete", name: "Complete job", at });
    else {
      const message = m[5] ?? "";
      markers.push({ line, kind: EXIT_CODE.test(message) ? "exit-code" : "error", name: message, at });
    }
  }
  return markers;
}

/** gh-cli logs name the step in their second column: every change of it opens a step. */
export function findGhCliSteps(rawText: string): StepMarker[] {
  const markers: StepMarker[] = [];
  let previous: string | undefined;
  let line = 0;
  for (let start = 0; start <= rawText.length; ) {
    const end = rawText.indexOf("\n", start);
    const stop = end === -1 ? rawText.length : end;
    line++;
    const name = ghCliStepName(rawText.slice(start, Math.min(stop, start + 600)));
    if (name !== undefined && name !== previous) {
      const post = /^Post /.test(name);
      markers.push({ line, kind: post ? "post" : name === "Complete job" ? "complete" : "run", name });
      previous = name;
    }
    if (end === -1) break;
    start = end + 1;
  }
  return markers;
}

const SECTION = /section_(start|end):\d+:([A-Za-z0-9_.-]+)/g;

/** GitLab `section_start:<ts>:<name>` / `section_end:<ts>:<name>`; needs the text before CR clean-up. */
export function findGitlabSections(rawText: string): StepMarker[] {
  const markers: StepMarker[] = [];
  const lineOf = lineCounter(rawText);
  SECTION.lastIndex = 0;
  for (let m = SECTION.exec(rawText); m; m = SECTION.exec(rawText)) {
    markers.push({ line: lineOf(m.index), kind: m[1] === "start" ? "section-start" : "section-end", name: m[2] ?? "" });
  }
  return markers;
}
