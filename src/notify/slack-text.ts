// Log text is attacker-controlled: before it goes into a Slack message it loses every mention
// (<!channel>, <!here>, <@U…>, <#C…>, <!subteam^…>, @here, @channel, @everyone), anything shaped like
// a credential, control characters and line breaks, and is escaped for mrkdwn (&, <, >) so that it
// can neither ping a channel nor forge a link.
const SPECIAL_MENTION = /<[!@#][^>]*>/g;
const BARE_MENTION = /@(here|channel|everyone)\b/gi;
const SECRETS: RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /https?:\/\/hooks\.slack\.com\/[^\s>|]+/gi,
  /\bAKIA[0-9A-Z]{16}\b/g,
];
/** `token=…`, `password: …`, `Bearer …`: the word stays, the value goes. */
const SECRET_VALUE = /\b(bearer|token|password|secret)([=: ]+)[^\s'"]{8,}/gi;

export function redactSecrets(text: string): string {
  return SECRETS.reduce((out, re) => out.replace(re, "[redacted]"), text).replace(SECRET_VALUE, "$1$2[redacted]");
}

/** Text from logs, repositories or patterns, safe inside a Slack mrkdwn message; at most `max` characters. */
export function slackText(raw: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  let text = redactSecrets(raw).replace(SPECIAL_MENTION, "").replace(BARE_MENTION, "$1").replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Inline code: as slackText, with backticks that would end the span turned into quotes. */
export function slackCode(raw: string, max = 300): string {
  return `\`${slackText(raw.replace(/`/g, "'"), max) || " "}\``;
}

/** A link `<url|label>`: the URL is Sift's own (GitHub, details page), the label is escaped text. */
export function slackLink(url: string, label: string): string {
  return `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${slackText(label, 100).replace(/\|/g, "¦")}>`;
}
