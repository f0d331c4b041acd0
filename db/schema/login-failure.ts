import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One row per failed sign-in and throttle key (`account:<email>` or `address:<ip>`), shared by
 * every instance on the database so that the sign-in throttle (lib/auth/login-throttle.ts)
 * counts failures across the fleet. Rows older than the throttle window are deleted as new
 * failures arrive.
 */
export const loginFailure = sqliteTable(
  "login_failure",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("login_failure_key_idx").on(t.key, t.at), index("login_failure_at_idx").on(t.at)],
);
