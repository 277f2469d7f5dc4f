// Real payloads from @octokit/webhooks-examples, deep-copied so a test can change them freely.
import { createRequire } from "node:module";

interface ExampleSet {
  name: string;
  examples: Record<string, unknown>[];
}

const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as ExampleSet[];

export function examplesOf(event: string): Record<string, unknown>[] {
  const set = examples.find((e) => e.name === event);
  if (!set) throw new Error(`@octokit/webhooks-examples has no "${event}" payloads`);
  return structuredClone(set.examples);
}

/** Untyped JSON that tests reshape freely (set, delete, Object.assign on nested fields). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LoosePayload = Record<string, any>;

/** The first example of `event` whose action is `action`, deep-copied. */
export function exampleOf(event: string, action?: string): LoosePayload {
  const found = examplesOf(event).find((p) => action === undefined || p.action === action);
  if (!found) throw new Error(`no ${event}.${action} example`);
  return found;
}
