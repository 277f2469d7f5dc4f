// Raw log bytes → NormalisedLog. Work happens in a few whole-buffer passes (memchr jumps in
// cleanBytes, one native regex for prefixes) rather than per line in JS: logs reach 1 GB.
import { cleanBytes } from "./cleanBytes.js";
import { createLineIndex } from "./lineIndex.js";
import { detectLogFormat, stripLinePrefixes, type LogFormat } from "./linePrefix.js";
import { findGhCliSteps, findGithubMarkers, findGitlabSections } from "./stepMarkers.js";
import { splitSteps } from "./steps.js";
import type { ApiStep, NormalisedLog, StepMarker } from "./types.js";

export interface NormaliseOptions {
  /** Steps from the jobs API, when the log is a GitHub Actions job's. */
  apiSteps?: ApiStep[];
  /** Bytes of the head the retrieval size cap skipped; passed through to the report. */
  truncatedHeadBytes?: number;
  /** Force a format instead of detecting it from the head. */
  format?: LogFormat;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function withoutBom(buf: Buffer): Buffer {
  return buf.subarray(0, 3).equals(BOM) ? buf.subarray(3) : buf;
}

/** Cleaned, prefix-free text of a chunk of raw bytes; line N of the chunk stays line N. */
export function normaliseText(raw: Uint8Array, format: LogFormat): string {
  const buf = withoutBom(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  return stripLinePrefixes(cleanBytes(buf).toString("utf8"), format);
}

/** Detects the format of a log from its first bytes. */
export function detectFormatOf(raw: Uint8Array): LogFormat {
  const head = withoutBom(Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 16_384)));
  return detectLogFormat(cleanBytes(head).toString("utf8"));
}

function markersOf(raw: Buffer, cleaned: string, format: LogFormat): StepMarker[] {
  // GitLab's section markers end in CR ESC[0K, which clean-up rightly removes: read them first.
  if (raw.indexOf("section_start:") !== -1) return findGitlabSections(raw.toString("utf8"));
  if (format === "gh-cli") {
    const errors = findGithubMarkers(cleaned, format).filter((m) => m.kind === "error" || m.kind === "exit-code");
    return [...findGhCliSteps(cleaned), ...errors].sort((a, b) => a.line - b.line);
  }
  if (format === "github" || cleaned.includes("##[")) return findGithubMarkers(cleaned, format);
  return [];
}

export function normaliseLog(input: Uint8Array | string, options: NormaliseOptions = {}): NormalisedLog {
  const raw = withoutBom(typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  const cleaned = cleanBytes(raw).toString("utf8");
  const format = options.format ?? detectLogFormat(cleaned.slice(0, 16_384));
  const markers = markersOf(raw, cleaned, format);
  const text = stripLinePrefixes(cleaned, format);
  const index = createLineIndex(text);
  const split = splitSteps(markers, index.lineCount, options.apiSteps);
  return {
    text,
    format,
    lineCount: index.lineCount,
    ...split,
    truncatedHeadBytes: options.truncatedHeadBytes ?? 0,
    lineAt: index.lineAt,
    lineStart: index.lineStart,
    line: index.line,
    slice: index.slice,
  };
}
