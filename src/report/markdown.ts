// Markdown building blocks that are safe for text taken from CI logs (attacker-controlled):
// nothing from a log may close a fence, render HTML, make a link or image, or ping a person.

const ZWJ = "\u200D";

/** Control characters other than tab and newline (terminal escapes, NUL) have no business in a report. */
function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, "");
}

/**
 * Breaks GitHub's auto-links with a zero-width joiner: @mentions and team mentions, #123 and GH-123
 * references, bare URLs and www. hosts. The text still reads the same.
 */
export function neutralise(text: string): string {
  return stripControls(text)
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${ZWJ}-`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWJ}.`);
}

/** Text for inline markdown: every punctuation mark that markdown or HTML could act on is escaped. */
export function inline(text: string, maxLength = 300): string {
  const flat = clip(neutralise(text).replace(/\s*\n\s*/g, " "), maxLength);
  return flat
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#+\-.!|~"]/g, "\\$&");
}

/** An inline code span that no backtick inside can close. */
export function code(text: string, maxLength = 200): string {
  // Code spans never ping, but notification e-mails show them as plain text: neutralise anyway.
  const flat = clip(neutralise(text).replace(/\n/g, " "), maxLength);
  const fence = "`".repeat(longestRun(flat, "`") + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside, so the log cannot close it. */
export function fenced(text: string, info = "text"): string {
  const body = stripControls(text).replace(/\n+$/, "");
  const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** A markdown link, or the plain text when the URL is not http(s) (javascript:, data: …). */
export function link(text: string, url: string | null | undefined): string {
  const safe = safeUrl(url);
  return safe ? `[${text}](${safe})` : text;
}

/** http(s) URLs only, with the characters that could end a markdown link destination encoded. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return parsed.href.replace(/[()<>"' \\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

export function clip(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
