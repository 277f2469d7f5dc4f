// Check-run output is a size-limited render: whole blocks are kept in order of importance until the
// next one would not fit, and the cut is said in words. Cutting between blocks never splits a fence.

/** GitHub rejects a check run whose summary or text exceeds this many characters. */
export const OUTPUT_LIMIT = 65_535;

export interface Block {
  text: string;
  /** An entry counted in "… and N more" (a job, a config problem); headings are not. */
  item: boolean;
}

export const heading = (text: string): Block => ({ text, item: false });
export const item = (text: string): Block => ({ text, item: true });

export function fitBlocks(blocks: Block[], limit = OUTPUT_LIMIT): string {
  const kept: string[] = [];
  let size = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const rest = blocks.slice(i + 1).filter((b) => b.item).length;
    // Room for this block plus, should later ones not fit, the line that says so.
    const reserve = rest > 0 ? moreLine(rest).length + 2 : 0;
    if (size + block.text.length + 2 + reserve <= limit) {
      kept.push(block.text);
      size += block.text.length + 2;
      continue;
    }
    const omitted = blocks.slice(i).filter((b) => b.item).length;
    kept.push(moreLine(omitted));
    break;
  }
  return truncateAtLine(kept.join("\n\n"), limit);
}

export function moreLine(n: number): string {
  return `_… and ${n} more (see the details page)_`;
}

/** Last-resort guard: cut at a line boundary and say how many lines went. */
export function truncateAtLine(text: string, limit = OUTPUT_LIMIT): string {
  if (text.length <= limit) return text;
  const lines = text.split("\n");
  let size = 0;
  let keep = 0;
  const tail = (n: number) => `… and ${n} more lines`;
  while (keep < lines.length && size + lines[keep]!.length + 1 + tail(lines.length - keep).length <= limit) {
    size += lines[keep]!.length + 1;
    keep++;
  }
  return `${lines.slice(0, keep).join("\n")}\n${tail(lines.length - keep)}`;
}
