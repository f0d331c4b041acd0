/** A lease lasts ten minutes and is extended while the reviewer is active (the item page pings). */
export const LEASE_MS = 10 * 60_000;
