// A minimal reader for the pytorch log-classifier ruleset.toml: `[[rule]]` tables with `name`
// and `pattern` as TOML literal ('…', '''…''') or basic ("…") strings. Enough for that file; not TOML.
export interface Rule {
  name: string;
  pattern: string;
}

function readString(text: string, at: number): { value: string; end: number } {
  if (text.startsWith("'''", at)) {
    const end = text.indexOf("'''", at + 3);
    return { value: text.slice(at + 3, end).replace(/^\n/, ""), end: end + 3 };
  }
  if (text[at] === "'") {
    const end = text.indexOf("'", at + 1);
    return { value: text.slice(at + 1, end), end: end + 1 };
  }
  if (text[at] === '"') {
    let i = at + 1;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    return { value: JSON.parse(text.slice(at, i + 1)) as string, end: i + 1 };
  }
  throw new Error(`ruleset: expected a string at offset ${at}`);
}

export function parseRuleset(text: string): Rule[] {
  const rules: Rule[] = [];
  let current: Partial<Rule> | undefined;
  const key = /^(name|pattern)\s*=\s*/gm;
  const tables = [...text.matchAll(/^\[\[rule\]\]\s*$/gm)].map((m) => m.index ?? 0);
  for (let t = 0; t < tables.length; t++) {
    const from = tables[t] as number;
    const to = tables[t + 1] ?? text.length;
    current = {};
    key.lastIndex = from;
    for (let m = key.exec(text); m && m.index < to; m = key.exec(text)) {
      const { value, end } = readString(text, m.index + m[0].length);
      current[m[1] as keyof Rule] = value;
      key.lastIndex = end;
    }
    if (current.name === undefined || current.pattern === undefined) throw new Error(`ruleset: rule ${t + 1} lacks name or pattern`);
    rules.push(current as Rule);
  }
  return rules;
}
