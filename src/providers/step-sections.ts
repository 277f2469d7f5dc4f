// Providers that hand out a log per step (CircleCI, Buildbot) are joined into one log with GitLab's
// section markers, which the normaliser already reads as steps: the last section is the failing step.
export interface StepText {
  name: string;
  text: string;
}

/** Section names allow [A-Za-z0-9_.-]; the step's own name stays readable as the section's first line. */
function sectionName(name: string, index: number): string {
  const slug = name.replace(/[^A-Za-z0-9_.-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 60);
  return `${index + 1}_${slug || "step"}`;
}

/**
 * The steps as one log, ending with the failing step. Only the last `maxBytes` are kept: steps are
 * added from the end, and the earliest ones that do not fit are left out (counted in `skippedBytes`).
 */
export function joinStepSections(steps: readonly StepText[], maxBytes: number): { chunks: Buffer[]; skippedBytes: number } {
  const chunks: Buffer[] = [];
  let kept = 0;
  let skippedBytes = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as StepText;
    const name = sectionName(step.name, i);
    const body = step.text.endsWith("\n") || step.text === "" ? step.text : `${step.text}\n`;
    const chunk = Buffer.from(`section_start:0:${name}\r\u001b[0K${step.name.replace(/[\r\n]+/g, " ")}\n${body}section_end:0:${name}\r\u001b[0K\n`, "utf8");
    if (kept > 0 && kept + chunk.length > maxBytes) {
      skippedBytes += steps.slice(0, i + 1).reduce((n, s) => n + Buffer.byteLength(s.text), 0);
      break;
    }
    chunks.unshift(chunk);
    kept += chunk.length;
  }
  return { chunks, skippedBytes };
}
