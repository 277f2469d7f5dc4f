// PURE: a failure signature (classify/signature.ts: the cause line with run-specific detail folded to
// placeholders) → an RE2 regex that matches the lines it came from: text escaped, numbers as \d+,
// other placeholders as \S+, whitespace as \s+; and the YAML a maintainer pastes into .github/sift.yml.

const PLACEHOLDERS: Record<string, string> = {
  "<n>": String.raw`\d+(?:\.\d+)?`,
  "<duration>": String.raw`\S+`,
  "<time>": String.raw`\S+(?: \S+)?`,
  "<uuid>": String.raw`[0-9a-fA-F-]+`,
  "<hex>": String.raw`\S+`,
  "<tmp>": String.raw`\S+`,
};

/** Escapes RE2's metacharacters. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&");
}

/** "genuine:Error: connect ECONNREFUSED <n>.<n>.<n>.<n>:<n>" → `Error:\s+connect\s+ECONNREFUSED\s+\d+…`. */
export function signatureRegex(signature: string): string {
  const line = signature.replace(/^genuine:/, "");
  return line
    .split(/(<n>|<duration>|<time>|<uuid>|<hex>|<tmp>|\s+)/)
    .map((part) => PLACEHOLDERS[part] ?? (/^\s+$/.test(part) ? String.raw`\s+` : escapeRegex(part)))
    .join("");
}

/** A pattern id from the signature's first words: "suggested.error-connect-econnrefused". */
export function suggestedId(signature: string): string {
  const words = signature
    .replace(/^genuine:/, "")
    .replace(/<[a-z]+>/g, " ")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1)
    .slice(0, 5);
  return `suggested.${words.join("-").slice(0, 60) || "failure"}`;
}

/** YAML single-quoted scalar: only ' needs doubling; no line breaks in a signature. */
function quoted(text: string): string {
  return `'${text.replace(/'/g, "''").replace(/[\r\n]+/g, " ")}'`;
}

export function suggestionYaml(s: { id: string; regex: string; description: string }): string {
  return [
    "patterns:",
    `  - id: ${s.id}`,
    `    regex: ${quoted(s.regex)}`,
    "    class: flaky",
    `    description: ${quoted(s.description)}`,
    "    mode: observe # counted on the patterns page; remove this line to let it decide",
  ].join("\n");
}
