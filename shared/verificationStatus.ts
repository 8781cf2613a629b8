/** The verdicts a report or a fact can have (its own file: extraction.ts needs it without the desk's schemas). */
export const verificationStatuses = ['unverified', 'in-progress', 'verified', 'false', 'inconclusive'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];
