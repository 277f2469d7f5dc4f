// Tools that run other tools put a tag in front of every line they relay: `docker build` (BuildKit,
// plain progress) the build step's number and seconds (`#11 4.881     expect(received).toBe(…)`),
// turbo the package and task (`@acme/web:test:     expect(…)`). The line shapes of pick.ts and
// reason-line.ts are anchored at the start of what the tool printed, so they let such a tag stand
// before it.

/** BuildKit's `#<step> <seconds> `, turbo's `<package>:<task>: `. */
export const STEP_PREFIX = String.raw`#\d+ \d+\.\d+ |[\w@./-]+:[\w-]+: `;

/** `source` with each line-start anchor `^` (outside character classes) allowing a step prefix. */
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
    out += c === "^" ? `^(?:${STEP_PREFIX})?` : c;
  }
  return out;
}
