// Output of a command run inside `docker build` (BuildKit, plain progress) comes with the build
// step's number and seconds in front of every line: `#11 4.881     expect(received).toBe(…)`. The
// line shapes of pick.ts and reason-line.ts are anchored at the start of what the tool printed, so
// they let that prefix stand before it.

/** BuildKit's per-line prefix: `#<step> <seconds> `. */
export const BUILDKIT_PREFIX = String.raw`#\d+ \d+\.\d+ `;

/** `source` with each line-start anchor `^` (outside character classes) allowing a BuildKit prefix. */
export function allowingStepPrefix(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "\\") {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (source[i + 1] === "^") out += source[++i];
      if (source[i + 1] === "]") out += source[++i];
      continue;
    }
    out += c === "^" ? `^(?:${BUILDKIT_PREFIX})?` : c;
  }
  return out;
}
