// Raw log bytes → NormalisedLog. Work happens in a few whole-buffer passes (memchr jumps in
// cleanBytes, one native regex for prefixes) rather than per line in JS: logs reach 1 GB.
import { setImmediate as nextTurn } from "node:timers/promises";
import { cleanBytes, cleanBytesYielding } from "./clean-bytes.js";
import { createLineIndex } from "./line-index.js";
import { detectLogFormat, stripLinePrefixes, type LogFormat } from "./line-prefix.js";
import { findGhCliSteps, findGithubMarkers, findGitlabSections } from "./step-markers.js";
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

/** Bytes or characters handled between two turns of the event loop (tens of milliseconds of work). */
const SLICE = 4 * 1024 * 1024;

/**
 * normaliseLog for the server: the same result, with a turn of the event loop between slices of
 * the whole-log passes (encoding, cleaning, decoding, step markers, prefixes), so a 64 MB log does
 * not hold webhooks and /healthz for seconds.
 */
export async function normaliseLogYielding(input: Uint8Array | string, options: NormaliseOptions = {}): Promise<NormalisedLog> {
  const raw = withoutBom(typeof input === "string" ? await encodeYielding(input) : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  const slices = await decodeByLines(await cleanBytesYielding(raw));
  const format = options.format ?? detectLogFormat((slices[0] ?? "").slice(0, 16_384));
  const githubMarkers = !(await includesYielding(raw, "section_start:")) && format !== "gh-cli" && (format === "github" || slices.some((s) => s.includes("##[")));
  const markers = githubMarkers ? await githubMarkersBySlice(slices, format) : markersOf(raw, slices.join(""), format);
  const stripped: string[] = [];
  for (const slice of slices) {
    stripped.push(stripLinePrefixes(slice, format));
    await nextTurn();
  }
  const text = stripped.join("");
  await nextTurn();
  return assemble(text, format, markers, options);
}

function rawOf(input: Uint8Array | string): Buffer {
  return withoutBom(typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
}

/** Buffer.from(text, "utf8"), a slice at a time (never between the two halves of a surrogate pair). */
async function encodeYielding(text: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + SLICE);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
    parts.push(Buffer.from(text.slice(from, to), "utf8"));
    from = to;
    await nextTurn();
  }
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}

/** Whether `bytes` holds `needle`, searched a slice at a time (a 50 MB search holds the loop for 50 ms). */
async function includesYielding(bytes: Buffer, needle: string): Promise<boolean> {
  for (let from = 0; from < bytes.length; from += SLICE) {
    // Each window reaches into the next by the needle's length less one, so no match falls between two.
    if (bytes.subarray(from, Math.min(bytes.length, from + SLICE + needle.length - 1)).includes(needle)) return true;
    await nextTurn();
  }
  return false;
}

/** The text of `bytes` in slices of about SLICE bytes, each ending after a newline (a longer line is one slice). */
async function decodeByLines(bytes: Buffer): Promise<string[]> {
  const slices: string[] = [];
  for (let from = 0; from < bytes.length; ) {
    const nl = from + SLICE >= bytes.length ? -1 : bytes.indexOf(0x0a, from + SLICE);
    const to = nl === -1 ? bytes.length : nl + 1;
    slices.push(bytes.toString("utf8", from, to));
    from = to;
    await nextTurn();
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
