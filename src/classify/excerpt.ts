// A bounded excerpt: the line with a few lines of context, each line and the whole capped.
export const EXCERPT_CONTEXT = 3;
const MAX_LINE = 300;
const MAX_TOTAL = 2000;

export function excerptAround(lineOf: (n: number) => string, line: number, lineCount: number, context = EXCERPT_CONTEXT): string {
  const out: string[] = [];
  let total = 0;
  for (let n = Math.max(1, line - context); n <= Math.min(lineCount, line + context); n++) {
    let text = lineOf(n);
    if (text.length > MAX_LINE) text = `${text.slice(0, MAX_LINE - 1)}…`;
    if (total + text.length > MAX_TOTAL) break;
    total += text.length + 1;
    out.push(text);
  }
  return out.join("\n");
}

export function clip(text: string, max = MAX_LINE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
