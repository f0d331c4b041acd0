import pg from "pg";
import { migratePg } from "../../db/pg/open";
import { startPgCluster } from "../helpers/pg-cluster";

/**
 * The PostgreSQL project's global setup: one throw-away cluster for the run, and a migrated
 * template database that each test's `freshDb()` clones (CREATE DATABASE … TEMPLATE: a few ms
 * instead of a migration per test). Test processes find the cluster through
 * SIGHTLINE_TEST_PG_URL. Fails the run when PostgreSQL cannot start.
 */
export default async function setup() {
  const cluster = await startPgCluster();
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE sightline_template");
  await admin.end();
  await migratePg(cluster.url("sightline_template"));
  process.env.SIGHTLINE_TEST_PG_URL = cluster.url("postgres");
  return () => cluster.stop();
}
