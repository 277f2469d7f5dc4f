// "The same failure" across jobs, PRs and the base branch: the cause line with everything that
// varies between runs folded to placeholders.
import { compileRegex } from "./regex.js";

const FOLDS: readonly [string, string, string][] = [
  ["time", String.raw`\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?|\b\d\d:\d\d:\d\d(?:[.,]\d+)?\b`, "<time>"],
  ["uuid", String.raw`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`, "<uuid>"],
  ["tmp", String.raw`(?:/tmp|/var/folders|/private/var/folders|/home/runner/work/_temp|[A-Za-z]:\\Users\\[^\\\s]+\\AppData\\Local\\Temp)(?:[/\\][^\s'":]+)*`, "<tmp>"],
  ["hash", String.raw`\b(?:0x)?[0-9a-fA-F]*\d[0-9a-fA-F]*[a-fA-F][0-9a-fA-F]*\b|\b[0-9a-fA-F]*[a-fA-F][0-9a-fA-F]*\d[0-9a-fA-F]*\b`, "<hex>"],
  ["duration", String.raw`\b\d+(?:\.\d+)?\s?(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)\b`, "<duration>"],
  ["number", String.raw`\d+(?:\.\d+)?`, "<n>"],
];

/** Folds run-specific detail out of `text`. Hex runs shorter than 7 characters stay (words like "dead"). */
export function failureSignature(text: string): string {
  let out = text.trim();
  for (const [name, source, placeholder] of FOLDS) {
    const re = compileRegex(source, { id: `sift.signature.${name}`, flags: "g" });
    out = re.replace(out, (m: string) => (name === "hash" && m.length - (m.startsWith("0x") ? 2 : 0) < 7 ? m : placeholder));
  }
  return compileRegex(String.raw`\s+`, { id: "sift.signature.space", flags: "g" }).replace(out, " ").slice(0, 300);
}
