// Issues Sift tracks: labelled `sift:known-problem`, their body says which failures they cover; labelled
// `sift:flaky-test`, their title and body list test ids declared flaky. Either stops counting once the
// issue is closed or loses its label.
import type { PrismaClient } from "../generated/prisma/client.js";
import { parseKnownProblemIssueBody } from "../decide/index.js";
import { testIdsFromIssue } from "../classify/index.js";

export const KNOWN_PROBLEM_LABEL = "sift:known-problem";
export const FLAKY_TEST_LABEL = "sift:flaky-test";
/** The labels that make Sift track an issue. */
export const TRACKED_LABELS = [KNOWN_PROBLEM_LABEL, FLAKY_TEST_LABEL] as const;

export interface IssueSnapshot {
  repositoryId: number;
  number: number;
  title: string;
  htmlUrl: string;
  body: string | null;
  open: boolean;
  labels: string[];
}

export async function syncKnownProblemIssue(prisma: PrismaClient, issue: IssueSnapshot): Promise<"stored" | "ended" | "ignored"> {
  const repositoryId = BigInt(issue.repositoryId);
  const knownProblem = issue.labels.includes(KNOWN_PROBLEM_LABEL);
  const flakyTest = issue.labels.includes(FLAKY_TEST_LABEL);
  const covers = issue.open && (knownProblem || flakyTest);
  const where = { repositoryId_number: { repositoryId, number: issue.number } };
  if (!covers) {
    const { count } = await prisma.knownProblemIssue.updateMany({ where: { repositoryId, number: issue.number, open: true }, data: { open: false } });
    return count > 0 ? "ended" : "ignored";
  }
  const data = {
    title: issue.title.slice(0, 300),
    htmlUrl: issue.htmlUrl,
    knownProblem,
    ...(knownProblem ? parseKnownProblemIssueBody(issue.body) : { jobGlobs: [], patterns: [] }),
    flakyTestIds: flakyTest ? testIdsFromIssue({ title: issue.title, body: issue.body }) : [],
    open: true,
  };
  await prisma.knownProblemIssue.upsert({ where, create: { repositoryId, number: issue.number, ...data }, update: data });
  return "stored";
}
