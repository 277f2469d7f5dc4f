// Raw log bytes → NormalisedLog. Work happens in a few whole-buffer passes (memchr jumps in
// cleanBytes, one native regex for prefixes) rather than per line in JS: logs reach 1 GB.
import { setImmediate as nextTurn } from "node:timers/promises";
import { cleanBytes, cleanBytesYielding } from "./cleanBytes.js";
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
  const raw = rawOf(input);
  const cleaned = cleanBytes(raw).toString("utf8");
  const format = options.format ?? detectLogFormat(cleaned.slice(0, 16_384));
  return assemble(stripLinePrefixes(cleaned, format), format, markersOf(raw, cleaned, format), options);
}

/** Characters of cleaned text handled between two turns of the event loop. */
const SLICE_CHARS = 4 * 1024 * 1024;

/**
 * normaliseLog for the server: the same result, with a turn of the event loop between slices of
 * the whole-log passes (cleaning, step markers, prefixes), so a 64 MB log does not hold webhooks
 * and /healthz for seconds.
 */
export async function normaliseLogYielding(input: Uint8Array | string, options: NormaliseOptions = {}): Promise<NormalisedLog> {
  await nextTurn();
  const raw = rawOf(input);
  await nextTurn();
  const cleaned = (await cleanBytesYielding(raw)).toString("utf8");
  await nextTurn();
  const format = options.format ?? detectLogFormat(cleaned.slice(0, 16_384));
  const slices = lineSlices(cleaned, SLICE_CHARS);
  const githubMarkers = raw.indexOf("section_start:") === -1 && format !== "gh-cli" && (format === "github" || cleaned.includes("##["));
  const markers = githubMarkers ? await githubMarkersBySlice(slices, format) : markersOf(raw, cleaned, format);
  const stripped: string[] = [];
  for (const slice of slices) {
    stripped.push(stripLinePrefixes(slice, format));
    await nextTurn();
  }
  return assemble(stripped.join(""), format, markers, options);
}

function rawOf(input: Uint8Array | string): Buffer {
  return withoutBom(typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
}

/** `text` cut after newlines into slices of about `chars` (a line longer than that is one slice). */
function lineSlices(text: string, chars: number): string[] {
  const slices: string[] = [];
  for (let from = 0; from < text.length; ) {
    const nl = from + chars >= text.length ? -1 : text.indexOf("\n", from + chars);
    const to = nl === -1 ? text.length : nl + 1;
    slices.push(text.slice(from, to));
    from = to;
  }
  return slices;
}

async function githubMarkersBySlice(slices: readonly string[], format: LogFormat): Promise<StepMarker[]> {
  const markers: StepMarker[] = [];
  let linesBefore = 0;
  for (const slice of slices) {
    for (const m of findGithubMarkers(slice, format)) markers.push({ ...m, line: m.line + linesBefore });
    for (let p = slice.indexOf("\n"); p !== -1; p = slice.indexOf("\n", p + 1)) linesBefore++;
    await nextTurn();
  }
  return markers;
}

function assemble(text: string, format: LogFormat, markers: StepMarker[], options: NormaliseOptions): NormalisedLog {
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
