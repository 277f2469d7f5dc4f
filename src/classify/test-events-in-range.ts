// The test events of a range of a log, read once. Test runners end a failing step with their
// summary, so a very long range is read from its tail (the last MAX_SCAN_CHARS characters or
// MAX_SCAN_LINES lines): that keeps the cost bounded on a 1 GB log and on streamed sources.
import { canonicalTestEvents } from "./canonical-test-ids.js";
import { scanTestLines, type TestEvent } from "./test-events.js";
import { testRecognisers } from "./test-recognisers.js";
import type { TextSource } from "./text-source.js";

export const MAX_SCAN_CHARS = 4 << 20;
export const MAX_SCAN_LINES = 50_000;

/** A normalised line by its 1-based number ("" when out of range). */
export type LineAt = (n: number) => string;

function eventsOf(lines: string[], firstLine: number): TestEvent[] {
  return canonicalTestEvents(scanTestLines(lines, firstLine, testRecognisers()));
}

/** Test events of lines from..to read one by one (the last MAX_SCAN_LINES of them). */
export function testEventsInRange(lineAt: LineAt, from: number, to: number): TestEvent[] {
  const first = Math.max(from, to - MAX_SCAN_LINES + 1, 1);
  const lines: string[] = [];
  for (let n = first; n <= to; n++) lines.push(lineAt(n));
  return eventsOf(lines, first);
}

/** Test events of lines from..to of a TextSource, read in one piece (the last MAX_SCAN_CHARS of them). */
export function testEventsInSource(source: Pick<TextSource, "text">, from: number, to: number): TestEvent[] {
  if (to < from) return [];
  // Narrowed to the line cap first: sources cut a long range to maxChars only after reading it.
  const { firstLine, text } = source.text(Math.max(from, to - MAX_SCAN_LINES + 1), to, MAX_SCAN_CHARS);
  const lines = text.split("\n");
  if (lines.length > MAX_SCAN_LINES) return eventsOf(lines.slice(-MAX_SCAN_LINES), firstLine + lines.length - MAX_SCAN_LINES);
  return eventsOf(lines, firstLine);
}
