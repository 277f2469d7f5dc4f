// Which genuine-looking lines an infrastructure line just before them, in the same test's output,
// can explain (RULES.md §3, exception 2). A crash, an abort, a signal, an exit code, a timeout or a
// broken connection follows from a lost port or a reset socket; a plain value assertion ("got 2,
// want 3", "expected 'cache'") is the code's own verdict, even when the test logged a fault it
// injected or is named after one, so it stays genuine (fail closed). An inner exception that names
// the broken connection (.NET's "The SSL connection could not be established") is a consequence too.
export const CONSEQUENCE_LINE = [
  String.raw`\bSIG(?:ABRT|KILL|SEGV|TERM|BUS|PIPE|INT|HUP|ILL|FPE)\b|\bsignal:? (?:\d+|SIG)|\bcode: null\b`, // the process ended
  String.raw`\bexit(?:ed)?(?: with)? (?:code|status)\b|\b[Cc]rash(?:ed)?\b|\b[Aa]bort(?:ed)?\b|\bcore dumped\b`,
  String.raw`\b[Tt]imed out\b|\bdeadline exceeded\b|\b[Tt]imeout(?:Error|Exception)\b|\btimeout (?:of \d|after \d|exceeded|expired|waiting)`,
  String.raw`\bE(?:CONN(?:RESET|REFUSED|ABORTED)|TIMEDOUT|PIPE|AI_AGAIN|NOTFOUND|HOSTUNREACH|NETUNREACH|ADDRINUSE)\b|[Cc]onnection (?:refused|reset|closed|aborted|timed out|failed|lost|could not be established)|\b(?:SSL|TLS) (?:connection|handshake)\b|\btransport connection\b|\bsocket hang up\b|\b[Bb]roken pipe\b|\bno such host\b|\bi/o timeout\b|\baddress already in use\b`,
].join("|");
