/**
 * Every Redis key the app uses, in one place. All keys of one deployment share the
 * hash tag `{prefix}` so Lua scripts and MULTI blocks stay in one Redis Cluster slot.
 */
export type Keys = ReturnType<typeof keysFor>;
export type CrisisKeys = ReturnType<typeof crisisKeysFor>;

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
     * The desk's change stream: every report as it is taken or re-folded (with its crises), flags,
     * crises made, changed or removed, in-app alerts. Each crisis' state changes go to its own
     * stream (crisisKeysFor(...).changes).
     */
    changes: `${tag}:changes`,
    /** Crises: slug → JSON (shared/crisis.ts), by creation (score = createdAt ms), and a version bumped on every edit. */
    crises: `${tag}:crises`,
    crisisOrder: `${tag}:crises:order`,
    crisesVersion: `${tag}:crises:version`,
    /** Crises made, changed and removed: who, when, before and after. */
    crisisAudit: `${tag}:audit-crises`,
    /** Progress of re-assigning every report after a crisis' rules changed (JSON). */
    reassignment: `${tag}:crises:reassignment`,
    /** Reports in no crisis (score = receivedAt ms): the desk's "in no crisis" list. */
    unassigned: `${tag}:reports:no-crisis`,
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
    /** A user's open checks: "reportId" or "reportId|kind|index", while assigned to them and unverified or in progress. */
    verificationQueue: (username: string) => `${tag}:queue:${username}`,
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
    /** Sources' reliability tiers: source key (lower case) → JSON SourceInfo; and their audit trail. */
    sourceTiers: `${tag}:sources:tiers`,
    sourceAudit: `${tag}:audit-sources`,
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
    /** An e-mail subscription's pending confirmation: SHA-256 of the code sent, tries, when sent (JSON, expires). */
    emailConfirmation: (id: string) => `${tag}:sub:${id}:confirm`,
    /** Per alert key: delivered / grouped / suppressed (so a retried job never sends after a recorded success). */
    alertMarker: (key: string) => `${tag}:alert:${key}`,
    /** A digest's grouped alerts once taken (retries of the digest send the same set). */
    alertDigest: (key: string) => `${tag}:digest:${key}`,
    /** One meeting.soon sweep per interval cluster-wide. */
    alertSweepLock: `${tag}:alerts:sweep`,
    prefix: tag,
    /** The keys of one crisis, under a hash tag of their own. */
    crisis: (slug: string) => crisisKeysFor(prefix, slug),
  };
}

/**
 * The keys of one crisis: its fold state and its change stream, under a hash tag of its own
 * (`{prefix:slug}`), so a Redis Cluster can put each crisis on a different shard. Every script
 * that writes them touches no other key (storage/foldStore.ts).
 */
export function crisisKeysFor(prefix: string, slug: string) {
  const tag = `{${prefix}:${slug}}`;
  return {
    slug,
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
    /** The crisis' change stream: its state changes and its reports coming and going. */
    changes: `${tag}:changes`,
    /** Report id → fingerprint of the extraction folded in (what makes a retried fold a no-op). */
    folded: `${tag}:folded`,
    /** The crisis' reports (score = receivedAt ms), newest last. */
    reports: `${tag}:reports`,
    /**
     * The as-of history (storage/historyStore.ts): every fold input ever committed to the crisis,
     * in commit order (a stream: its ids are the commit times), checkpoints of the fold at some of
     * its entries (entry id by ms, and gzipped states by entry id), the fold options by their key,
     * the entries since the newest checkpoint and the checkpoint spacing.
     */
    history: `${tag}:history`,
    historyCheckpoints: `${tag}:history:checkpoints`,
    historyStates: `${tag}:history:states`,
    historyOptions: `${tag}:history:options`,
    historySince: `${tag}:history:since`,
    historyEvery: `${tag}:history:every`,
    prefix: tag,
  };
}

/** Every key of a crisis (to remove it whole). */
export function allCrisisKeys(keys: CrisisKeys): string[] {
  return [
    keys.state,
    keys.stateCheckpointVersion,
    keys.stateLog,
    keys.stateLogReports,
    keys.stateVersion,
    keys.publicState,
    keys.stateSeq,
    keys.changes,
    keys.folded,
    keys.reports,
    keys.history,
    keys.historyCheckpoints,
    keys.historyStates,
    keys.historyOptions,
    keys.historySince,
    keys.historyEvery,
  ];
}
