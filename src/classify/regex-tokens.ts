// Walks a regex source as RE2 reads it, as far as the checks and rewrites of sources need: an
// escape (`\x`, two characters), a character class (`[`, with a leading `^` and a literal `]`, then
// each member up to its closing `]`, escapes inside it included), or a plain character. Every
// character of the source is in exactly one token, in order.

export interface RegexToken {
  /** Where the token starts in the source. */
  at: number;
  text: string;
  /** "escape" outside a class; "class" for anything inside one (its brackets too); else "plain". */
  kind: "escape" | "class" | "plain";
}

export function* regexTokens(source: string): Generator<RegexToken> {
  let inClass = false;
  for (let i = 0; i < source.length; ) {
    const c = source[i] as string;
    if (c === "\\") {
      yield { at: i, text: source.slice(i, i + 2), kind: inClass ? "class" : "escape" };
      i += 2;
    } else if (inClass) {
      inClass = c !== "]";
      yield { at: i, text: c, kind: "class" };
      i++;
    } else if (c === "[") {
      let end = i + 1;
      if (source[end] === "^") end++;
      if (source[end] === "]") end++;
      inClass = true;
      yield { at: i, text: source.slice(i, end), kind: "class" };
      i = end;
    } else {
      yield { at: i, text: c, kind: "plain" };
      i++;
    }
  }
}
