/**
 * Every Redis key the app uses, in one place. All keys of one deployment share the
 * hash tag `{prefix}` so Lua scripts and MULTI blocks stay in one Redis Cluster slot.
 */
export type Keys = ReturnType<typeof keysFor>;

export function keysFor(prefix: string) {
  const tag = `{${prefix}}`;
  return {
    /** BullMQ prefix: queues live at `{prefix}:<queue>:*`. */
    queuePrefix: tag,
    report: (id: string) => `${tag}:report:${id}`,
    /** Every report id ever taken (permanent: duplicates are answered from it). Score = receivedAt ms. */
    reportIndex: `${tag}:reports`,
    /** Ids accepted but not yet done; the reconciler re-enqueues any that lost their job. Score = receivedAt ms. */
    pending: `${tag}:reports:pending`,
    /**
     * The internal fold state (server/state) as a checkpoint at some version, the log of the
     * batches folded since (one entry per version after the checkpoint's), the current
     * optimistic-lock version, and the public view derived from it (see storage/foldStore.ts).
     */
    state: `${tag}:state`,
    stateCheckpointVersion: `${tag}:state:checkpoint-version`,
    stateLog: `${tag}:state:log`,
    stateLogReports: `${tag}:state:log-reports`,
    stateVersion: `${tag}:state:version`,
    publicState: `${tag}:state:public`,
    /** Id of the last change-stream entry reflected in publicState. */
    stateSeq: `${tag}:state:seq`,
    changes: `${tag}:changes`,
    /** Cluster-wide counters for /metrics. */
    statsProcessed: `${tag}:stats:processed`,
    statsFailed: `${tag}:stats:failed`,
    corrections: (id: string) => `${tag}:corrections:${id}`,
    audit: (id: string) => `${tag}:audit:${id}`,
    /** Account changes (users, tokens, sessions revoked by an admin): the audit that belongs to no report. */
    accountAudit: `${tag}:audit-accounts`,
    /** One hash per user (username, role, argon2 hash) and the set of all usernames. */
    user: (username: string) => `${tag}:user:${username}`,
    users: `${tag}:users`,
    /** Set once the first admin was created (and its generated password printed), so it happens once. */
    adminBootstrapped: `${tag}:users:bootstrapped`,
    /** A session by the SHA-256 of its cookie value (JSON, with expiry), and each user's sessions. */
    session: (idHash: string) => `${tag}:session:${idHash}`,
    userSessions: (username: string) => `${tag}:user-sessions:${username}`,
    /** Pub/sub channel: "re-check your sockets' credentials now" (a session or token was revoked). */
    revocations: `${tag}:revocations`,
    /** Admin-issued bearer tokens: id → metadata JSON, and SHA-256 of the token → id. */
    tokens: `${tag}:tokens`,
    tokensByHash: `${tag}:tokens:by-hash`,
    /** express-rate-limit counters (rate-limit-redis) for login attempts. */
    loginLimit: (scope: 'ip' | 'user') => `${tag}:rl:login:${scope}:`,
    /** Feeds: every feed id (score = createdAt ms), one hash per feed, its seen items (guid/link/content → first seen ms) and its poll lock. */
    feedIndex: `${tag}:feeds`,
    feed: (id: string) => `${tag}:feed:${id}`,
    feedSeen: (id: string) => `${tag}:feed:${id}:seen`,
    feedLock: (id: string) => `${tag}:feed:${id}:lock`,
    /** ninjs identity: uri → report id of the first version taken. */
    ninjsUris: `${tag}:ninjs:uris`,
    /** Alert subscriptions: one JSON per id, all ids, each user's ids, a version bumped on every edit (evaluators re-read on change). */
    subscription: (id: string) => `${tag}:sub:${id}`,
    subscriptions: `${tag}:subs`,
    userSubscriptions: (user: string) => `${tag}:subs:user:${user}`,
    subscriptionsVersion: `${tag}:subs:version`,
    /** Per subscription: rule memo, throttle gate, alerts grouped for the next digest, delivery log. */
    alertMemo: (id: string) => `${tag}:sub:${id}:memo`,
    alertGate: (id: string) => `${tag}:sub:${id}:gate`,
    alertGrouped: (id: string) => `${tag}:sub:${id}:grouped`,
    deliveries: (id: string) => `${tag}:sub:${id}:deliveries`,
    /** Per alert key: delivered / grouped / suppressed (so a retried job never sends after a recorded success). */
    alertMarker: (key: string) => `${tag}:alert:${key}`,
    /** A digest's grouped alerts once taken (retries of the digest send the same set). */
    alertDigest: (key: string) => `${tag}:digest:${key}`,
    /** One meeting.soon sweep per interval cluster-wide. */
    alertSweepLock: `${tag}:alerts:sweep`,
    prefix: tag,
  };
}
