// Issues labelled `sift:known-problem`: their body says which failures they cover; they stop
// covering anything once closed or unlabelled.
import type { PrismaClient } from "../generated/prisma/client.js";
import { parseKnownProblemIssueBody } from "../decide/index.js";

export const KNOWN_PROBLEM_LABEL = "sift:known-problem";

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
  const covers = issue.open && issue.labels.includes(KNOWN_PROBLEM_LABEL);
  const where = { repositoryId_number: { repositoryId, number: issue.number } };
  if (!covers) {
    const { count } = await prisma.knownProblemIssue.updateMany({ where: { repositoryId, number: issue.number, open: true }, data: { open: false } });
    return count > 0 ? "ended" : "ignored";
  }
  const data = { title: issue.title.slice(0, 300), htmlUrl: issue.htmlUrl, ...parseKnownProblemIssueBody(issue.body), open: true };
  await prisma.knownProblemIssue.upsert({ where, create: { repositoryId, number: issue.number, ...data }, update: data });
  return "stored";
}
