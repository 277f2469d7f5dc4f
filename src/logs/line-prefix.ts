// Per-line prefixes that CI systems add in front of what the job printed. Patterns are written
// against what the job printed, so these go. The format is detected once from the head of the
// log; a prefix is only removed in logs of its format (a Jenkins-style "12:00:01 " in a GitHub log
// is content).
export type LogFormat = "github" | "gh-cli" | "jenkins-timestamps" | "taskcluster" | "plain";

const ISO = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z`;

/** Regex source (no anchors) of the prefix of each format; used to strip and to pre-filter raw bytes. */
export const PREFIX_SOURCE: Record<LogFormat, string> = {
  github: `${ISO} ?`,
  "gh-cli": String.raw`[^\t\n]*\t[^\t\n]*\t(?:${ISO} ?)?`,
  "jenkins-timestamps": String.raw`\d\d:\d\d:\d\d `,
  taskcluster: String.raw`\[(?:task|taskcluster) \d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?Z\] `,
  plain: "",
};

const STRIP: Record<LogFormat, RegExp | undefined> = {
  github: new RegExp(`^${PREFIX_SOURCE.github}`, "gm"),
  "gh-cli": new RegExp(`^${PREFIX_SOURCE["gh-cli"]}`, "gm"),
  "jenkins-timestamps": new RegExp(`^${PREFIX_SOURCE["jenkins-timestamps"]}`, "gm"),
  taskcluster: new RegExp(`^${PREFIX_SOURCE.taskcluster}`, "gm"),
  plain: undefined,
};

const GH_CLI_LINE = new RegExp(`^[^\\t\\n]+\\t[^\\t\\n]*\\t${ISO}`);
const GITHUB_LINE = new RegExp(`^${ISO} `);
const JENKINS_LINE = /^\d\d:\d\d:\d\d /;
const TASKCLUSTER_LINE = new RegExp(`^${PREFIX_SOURCE.taskcluster}`);

/** Detects the format from the first lines (already cleaned of BOM and escapes). */
export function detectLogFormat(head: string): LogFormat {
  const lines = head.split("\n", 40).filter((l) => l.trim() !== "");
  const share = (re: RegExp) => lines.filter((l) => re.test(l)).length / Math.max(1, lines.length);
  if (lines.length === 0) return "plain";
  if (share(GH_CLI_LINE) >= 0.5) return "gh-cli";
  if (share(GITHUB_LINE) >= 0.5) return "github";
  if (share(TASKCLUSTER_LINE) >= 0.3) return "taskcluster";
  if (share(JENKINS_LINE) >= 0.5) return "jenkins-timestamps";
  return "plain";
}

/** Removes the format's prefix from every line of `text` (one native regex pass). */
export function stripLinePrefixes(text: string, format: LogFormat): string {
  const re = STRIP[format];
  return re ? text.replace(re, "") : text;
}

/** For gh-cli logs: the step column of a raw line, or undefined. */
export function ghCliStepName(rawLine: string): string | undefined {
  const a = rawLine.indexOf("\t");
  const b = a === -1 ? -1 : rawLine.indexOf("\t", a + 1);
  return b === -1 ? undefined : rawLine.slice(a + 1, b);
}
