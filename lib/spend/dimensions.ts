/** What LLM spend can be split by beyond the rollup dimensions (GET /api/v1/spend). Pure: the browser imports it too. */
export const SPEND_DIMENSIONS = ["user", "session", "environment", "tag"] as const;
export type SpendDimension = (typeof SPEND_DIMENSIONS)[number];
