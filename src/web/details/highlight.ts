// The excerpt as HTML, one element per line, the matched text marked. Every piece is escaped.
import { html, type Html } from "../html.js";

const MAX_LINES = 200;
const MAX_LINE_LENGTH = 2_000;

export function highlightExcerpt(excerpt: string, matchedText: string | null): Html {
  const needles = (matchedText ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const lines = excerpt.replace(/\r\n?/g, "\n").split("\n").slice(0, MAX_LINES);
  return html`<pre><code>${lines.map((raw) => {
    const line = raw.length > MAX_LINE_LENGTH ? `${raw.slice(0, MAX_LINE_LENGTH)}…` : raw;
    const needle = needles.find((n) => line.includes(n));
    if (!needle) return html`<span class="l">${line || " "}</span>`;
    const at = line.indexOf(needle);
    return html`<span class="l hit">${line.slice(0, at)}<mark>${needle}</mark>${line.slice(at + needle.length)}</span>`;
  })}</code></pre>`;
}
