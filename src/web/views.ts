// Templates from views/: `{{name}}` is replaced by the escaped value (Html values stay markup).
// Read once when routes are added, so a missing template fails at start, not on a request.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { viewsDir } from "../paths.js";
import { Html, toHtml, type HtmlValue } from "./html.js";

export interface Views {
  render(name: string, vars: Record<string, HtmlValue>): Html;
  /** The stylesheet, inlined in a <style> element allowed by its hash (no 'unsafe-inline'). */
  css: string;
  cssHash: string;
}

export function loadViews(dir = viewsDir): Views {
  const templates = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    if (file.endsWith(".html")) templates.set(file.slice(0, -".html".length), readFileSync(join(dir, file), "utf8"));
  }
  const css = readFileSync(join(dir, "sift.css"), "utf8");
  return {
    css,
    cssHash: `sha256-${createHash("sha256").update(css).digest("base64")}`,
    render(name, vars) {
      const template = templates.get(name);
      if (template === undefined) throw new Error(`no template views/${name}.html`);
      return new Html(
        template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
          if (!(key in vars)) throw new Error(`views/${name}.html: no value for {{${key}}}`);
          return toHtml(vars[key]);
        }),
      );
    },
  };
}
