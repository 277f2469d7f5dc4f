// Sift never acts on comments by bots, its own included (no loops, no bot-driven commands).
export function isBot(user: { type?: string; login?: string } | null | undefined): boolean {
  return !user || user.type === "Bot" || (user.login ?? "").endsWith("[bot]");
}
