// Tools that run other tools put a tag in front of every line they relay: `docker build` (BuildKit,
// plain progress) the build step's number and seconds (`#11 4.881     expect(received).toBe(…)`),
// turbo the package and task (`@acme/web:test:     expect(…)`). The line shapes of pick.ts and
// reason-line.ts are anchored at the start of what the tool printed, so they let such a tag stand
// before it.
import { regexTokens } from "./regex-tokens.js";

/** BuildKit's `#<step> <seconds> `, turbo's `<package>:<task>: `. */
export const STEP_PREFIX = String.raw`#\d+ \d+\.\d+ |[\w@./-]+:[\w-]+: `;

/** `source` with each line-start anchor `^` (outside character classes) allowing a step prefix. */
export function allowingStepPrefix(source: string): string {
  let out = "";
  for (const t of regexTokens(source)) out += t.kind === "plain" && t.text === "^" ? `^(?:${STEP_PREFIX})?` : t.text;
  return out;
}
