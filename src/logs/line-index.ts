// Line numbers for offsets and back, built once per text with indexOf (memchr speed).

export interface LineIndex {
  lineCount: number;
  lineAt(offset: number): number;
  lineStart(n: number): number;
  line(n: number): string;
  slice(from: number, to: number): string;
}

export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let p = text.indexOf("\n"); p !== -1; p = text.indexOf("\n", p + 1)) starts.push(p + 1);
  // A trailing newline ends the last line rather than starting an empty one.
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  const lineCount = text.length === 0 ? 0 : starts.length;
  const startOf = (n: number) => starts[Math.min(Math.max(n, 1), starts.length) - 1] as number;
  const end = text.endsWith("\n") ? text.length - 1 : text.length;
  const endOf = (n: number) => (n >= starts.length ? end : (starts[n] as number) - 1);
  return {
    lineCount,
    lineAt: (offset) => lineStartIndex(starts, offset) + 1,
    lineStart: startOf,
    line(n) {
      if (n < 1 || n > lineCount) return "";
      return text.slice(startOf(n), endOf(n));
    },
    slice(from, to) {
      const a = Math.max(1, from);
      const b = Math.min(lineCount, to);
      if (b < a) return "";
      return text.slice(startOf(a), endOf(b));
    },
  };
}

/** The index of the last line start at or before `offset` in ascending `starts` (starts[0] is 0). */
export function lineStartIndex(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
