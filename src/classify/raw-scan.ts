// Matching on raw bytes, for logs too large to normalise whole: each probe is rewritten so that
// `^` (and a line start after `\n`) also accepts the format's line prefix (timestamps…), and the
// set runs over cleaned bytes. It only pre-filters: every candidate is confirmed on the
// normalised line, so a looser raw match costs time, never correctness.
import { PREFIX_SOURCE, type LogFormat } from "../logs/line-prefix.js";
import { cleanBytes } from "../logs/clean-bytes.js";
import { compileRegexSet } from "./regex.js";
import { regexTokens } from "./regex-tokens.js";

/** Rewrites unescaped `^` outside character classes (and `\n`) to tolerate a line prefix. */
export function tolerateLinePrefix(source: string, prefix: string): string {
  if (!prefix) return source;
  const opt = `(?:${prefix})?`;
  let out = "";
  for (const { text, kind } of regexTokens(source)) {
    out += text;
    if ((kind === "escape" && text === "\\n") || (kind === "plain" && text === "^")) out += opt;
  }
  return out;
}

interface ProbeList {
  probes: readonly { source: string }[];
  lazyFrom: number;
}

/** The sources of the whole-log probes (those of `set`), rewritten for raw lines of `format`, in probe order. */
export function rawProbeSources(compiled: ProbeList, format: LogFormat): string[] {
  return compiled.probes.slice(0, compiled.lazyFrom).map((p) => tolerateLinePrefix(p.source, PREFIX_SOURCE[format]));
}

/** The sources of the lazy probes (those of `lazySet`), rewritten for raw lines of `format`. */
export function rawLazySources(compiled: ProbeList, format: LogFormat): string[] {
  return compiled.probes.slice(compiled.lazyFrom).map((p) => tolerateLinePrefix(p.source, PREFIX_SOURCE[format]));
}

export type RawSet = ReturnType<typeof compileRegexSet>;

export function compileRawSet(compiled: ProbeList, format: LogFormat): RawSet {
  return compileRegexSet(rawProbeSources(compiled, format));
}

/** Whole-log probe indices that may match in `chunk` (whole raw lines); the chunk is cleaned only if needed. */
export function scanRawChunk(set: RawSet, chunk: Uint8Array): number[] {
  return set.match(cleanBytes(chunk));
}
