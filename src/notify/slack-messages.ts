// PURE: the Slack messages ({text, blocks}) of the three events. Every piece of text that came from a
// repository, a log or a pattern goes through slackText/slackCode; links are to GitHub, or to Sift's
// page only for public repositories (a private repository's page link carries its access token).
import { slackCode, slackLink, slackText } from "./slack-text.js";

export interface SlackMessage {
  text: string;
  blocks: { type: "section"; text: { type: "mrkdwn"; text: string } }[];
}

const MAX_JOBS = 5;

function message(text: string, body: string): SlackMessage {
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: body.slice(0, 2900) } }] };
}

export interface RedBranchFacts {
  repo: string;
  branch: string;
  sha: string;
  commitUrl: string;
  /** Sift's report, when it may be shared (public repositories). */
  reportUrl: string | null;
  jobs: { name: string; line: string | null }[];
}

export function defaultBranchRedMessage(f: RedBranchFacts): SlackMessage {
  const where = `${slackText(f.repo)}: ${slackText(f.branch)}`;
  const lines = f.jobs.slice(0, MAX_JOBS).map((j) => `• *${slackText(j.name, 100)}*${j.line ? ` ${slackCode(j.line)}` : ""}`);
  if (f.jobs.length > MAX_JOBS) lines.push(`… and ${f.jobs.length - MAX_JOBS} more`);
  const report = f.reportUrl ? ` · ${slackLink(f.reportUrl, "Sift's report")}` : "";
  const count = `${f.jobs.length} genuine failure${f.jobs.length === 1 ? "" : "s"}`;
  return message(
    `${where} turned red at ${f.sha.slice(0, 7)}: ${count}`,
    `:red_circle: *${where}* turned red at ${slackLink(f.commitUrl, f.sha.slice(0, 7))}: ${count}${report}\n${lines.join("\n")}`,
  );
}

export interface OutageFacts {
  account: string;
  cause: string;
  count: number;
  expected: number;
  windowMinutes: number;
  since: Date;
}

export function outageMessage(f: OutageFacts): SlackMessage {
  const expected = f.expected < 10 ? f.expected.toFixed(1) : f.expected.toFixed(0);
  const since = f.since.toISOString().slice(0, 16).replace("T", " ");
  const what = `outage of ${slackText(f.cause, 100)} across ${slackText(f.account, 100)}`;
  return message(
    `Sift: ${what}`,
    `:warning: *Sift sees an ${what}*: ${f.count} failed jobs in ${f.windowMinutes} min (${expected} expected), since ${since} UTC. Re-runs of this cause wait until it ends.`,
  );
}

export interface NewCauseFacts {
  repo: string;
  line: string;
  jobs: number;
  pullRequests: number;
  firstSeen: Date;
  reportUrl: string | null;
}

export function newCauseMessage(f: NewCauseFacts): SlackMessage {
  const report = f.reportUrl ? ` · ${slackLink(f.reportUrl, "latest report")}` : "";
  return message(
    `${slackText(f.repo)}: a new failure is recurring`,
    `:new: *${slackText(f.repo)}: a new failure is recurring* on ${f.jobs} jobs of ${f.pullRequests} pull requests since ${f.firstSeen.toISOString().slice(0, 10)}${report}\n${slackCode(f.line)}`,
  );
}
