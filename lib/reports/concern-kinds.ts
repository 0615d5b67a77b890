/** Kinds of urgent concern, zod-free so Today's one-tap concern buttons do not pull zod into the client. */
export const CONCERN_KINDS = {
  pain: "Pain",
  fall: "Fall",
  condition_change: "Change in condition",
  behavior_change: "Change in behaviour",
  other: "Other",
} as const;
export type ConcernKind = keyof typeof CONCERN_KINDS;
export const CONCERN_KIND_VALUES = Object.keys(CONCERN_KINDS) as [ConcernKind, ...ConcernKind[]];
