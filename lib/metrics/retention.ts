import { intEnv } from "@/lib/config/env";

/** Minute rollups are kept this many days (SIGHTLINE_MINUTE_ROLLUP_DAYS); hours and days forever. */
export function minuteRollupDays(): number {
  return intEnv("SIGHTLINE_MINUTE_ROLLUP_DAYS", 7);
}

/** Oldest instant for which minute rollups are guaranteed to exist. */
export function minuteHorizon(now = Date.now()): number {
  return now - minuteRollupDays() * 86_400_000;
}
