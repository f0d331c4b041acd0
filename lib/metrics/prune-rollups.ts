import type { Db } from "@/db/client";
import { RESOLUTIONS } from "@/db/schema";
import { deleteRollupsBefore } from "@/db/statements/rollup-retention";
import { minuteHorizon } from "./retention";

/** Drops minute rollups past their retention (hour and day rollups are kept). */
export async function pruneMinuteRollups(db: Db, now = Date.now()): Promise<number> {
  // Keep one extra hour so a range starting exactly at the horizon still has its edge minutes.
  return deleteRollupsBefore(db, RESOLUTIONS.minute, minuteHorizon(now) - RESOLUTIONS.hour);
}
