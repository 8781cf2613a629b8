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
    /** The internal fold state (server/state), its optimistic-lock version, and the public view derived from it. */
    state: `${tag}:state`,
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
    /** Feeds: every feed id (score = createdAt ms), one hash per feed, its seen items (guid/link/content → first seen ms) and its poll lock. */
    feedIndex: `${tag}:feeds`,
    feed: (id: string) => `${tag}:feed:${id}`,
    feedSeen: (id: string) => `${tag}:feed:${id}:seen`,
    feedLock: (id: string) => `${tag}:feed:${id}:lock`,
    /** ninjs identity: uri → report id of the first version taken. */
    ninjsUris: `${tag}:ninjs:uris`,
    prefix: tag,
  };
}
