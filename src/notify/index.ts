// notify/: optional Slack notifications: which events an analysis found (into a durable outbox),
// and the sweep that delivers them at least once.
export { createNotifyStage, type NotifyStageDeps } from "./create-notify-stage.js";
export { enqueueNotification, touchOutageEpisode, OUTAGE_EPISODE_GAP_MS, type Notification, type NotificationEvent } from "./enqueue-notification.js";
export { deliverOutbox, outboxCounts, backoffSeconds, type DeliverDeps } from "./deliver-outbox.js";
export { startNotifySweep } from "./start-notify-sweep.js";
export { postToSlack, type SlackAnswer } from "./post-to-slack.js";
export { slackText, slackCode, slackLink, redactSecrets } from "./slack-text.js";
export { defaultBranchRedMessage, outageMessage, newCauseMessage, type SlackMessage } from "./slack-messages.js";
