// Text that merely talks about an infrastructure error rather than suffering it: test names,
// assertions, matchers, passing marks and jest's failing-test titles (`● Suite › name`). A real
// retry bot re-ran jobs because passing test output said "No space left on device"; patterns on
// generic phrases use this as `unless`.
export const TEST_CHATTER = String.raw`\b(?:it|test|describe|context)\s*\(\s*['"\x60]|\bexpect\s*\(|\bassert\w*\b|\bto(?:Throw|Match|Be|Equal|Contain)\w*\s*\(|✓|✔|\bPASS(?:ED)?\b|\bok \d+ |^\s*● \S.* › `;

/** Errors against the job's own machine are the job's business (its server did not start), not the network's. */
export const LOCAL_HOST = String.raw`\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\[::1\]`;

/** `unless` for both. */
export const CHATTER_OR_LOCAL = `${TEST_CHATTER}|${LOCAL_HOST}`;
