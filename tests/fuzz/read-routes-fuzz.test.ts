import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import * as metricsRoute from "@/app/api/v1/metrics/route";
import * as timeseriesRoute from "@/app/api/v1/metrics/timeseries/route";
import * as overviewRoute from "@/app/api/v1/overview/route";
import * as promptsRoute from "@/app/api/v1/prompts/route";
import * as promptRoute from "@/app/api/v1/prompts/[id]/route";
import * as promptStatsRoute from "@/app/api/v1/prompts/[id]/stats/route";
import * as budgetsRoute from "@/app/api/v1/budgets/route";
import * as attributionsRoute from "@/app/api/v1/models/[model]/attributions/route";
import * as driftRoute from "@/app/api/v1/models/[model]/drift/route";
import * as driftSeriesRoute from "@/app/api/v1/models/[model]/drift/timeseries/route";
import * as performanceRoute from "@/app/api/v1/models/[model]/performance/route";
import * as modelVersionRoute from "@/app/api/v1/models/[model]/versions/[version]/route";
import * as modelVersionsRoute from "@/app/api/v1/models/[model]/versions/route";
import * as repriceJobRoute from "@/app/api/v1/prices/reprice/[id]/route";
import * as repriceJobsRoute from "@/app/api/v1/prices/reprice/route";
import * as pricesRoute from "@/app/api/v1/prices/route";
import * as spendRoute from "@/app/api/v1/spend/route";
import * as alertChannelRoute from "@/app/api/v1/alert-channels/[id]/route";
import * as alertChannelsRoute from "@/app/api/v1/alert-channels/route";
import * as alertDeliveriesRoute from "@/app/api/v1/alert-deliveries/route";
import * as alertRuleRoute from "@/app/api/v1/alert-rules/[id]/route";
import * as alertRulesRoute from "@/app/api/v1/alert-rules/route";
import * as incidentRoute from "@/app/api/v1/incidents/[id]/route";
import * as incidentSeriesRoute from "@/app/api/v1/incidents/[id]/series/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as reviewItemRoute from "@/app/api/v1/review-items/[id]/route";
import * as reviewDisagreementsRoute from "@/app/api/v1/review-queues/[id]/disagreements/route";
import * as reviewExportRoute from "@/app/api/v1/review-queues/[id]/export/route";
import * as reviewQueueRoute from "@/app/api/v1/review-queues/[id]/route";
import * as reviewStatsRoute from "@/app/api/v1/review-queues/[id]/stats/route";
import * as reviewQueuesRoute from "@/app/api/v1/review-queues/route";
import * as hallucinationRatesRoute from "@/app/api/v1/review/hallucination-rates/route";
import * as silencesRoute from "@/app/api/v1/silences/route";
import { listDeliveriesQuerySchema } from "@/lib/alerts/delivery/list-deliveries";
import { listIncidentsQuerySchema } from "@/lib/alerts/incidents/incident-schema";
import { exportQuerySchema, hallucinationRateQuerySchema } from "@/lib/review/schemas";
import fs from "node:fs";
import path from "node:path";
import * as tracesRoute from "@/app/api/v1/traces/route";
import * as versionOverlapRoute from "@/app/api/v1/version-overlap/route";
import * as traceRoute from "@/app/api/v1/traces/[traceId]/route";
import * as sessionsRoute from "@/app/api/v1/sessions/route";
import * as sessionRoute from "@/app/api/v1/sessions/[sessionId]/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[userId]/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as auditLogRoute from "@/app/api/v1/audit-log/route";
import * as auditExportRoute from "@/app/api/v1/audit-log/export/route";
import * as governanceSettingsRoute from "@/app/api/v1/settings/governance/route";
import { GROUP_SORTS, groupListQuerySchema } from "@/lib/events/group-events";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { driftQuerySchema } from "@/lib/drift/schemas";
import { driftSeriesQuerySchema } from "@/lib/drift/get-drift-series";
import { attributionSeriesQuerySchema } from "@/lib/quality/get-attribution-series";
import { performanceQuerySchema } from "@/lib/quality/schemas";
import { spendQuerySchema } from "@/lib/spend/get-spend-breakdown";
import { EVENT_TYPES } from "@/db/schema";
import { listEventsQuerySchema } from "@/lib/events/list-events";
import { windowQuerySchema } from "@/lib/time/ranges";
import { versionOverlapQuerySchema } from "@/lib/metrics/get-version-overlap";
import { GROUP_BY, metricsQuerySchema } from "@/lib/metrics/get-metrics";
import { TIMESERIES_METRICS, timeseriesQuerySchema } from "@/lib/metrics/get-timeseries";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteModule, type RouteServer } from "@/tests/helpers/route-server";
import { post } from "@/tests/helpers/ingest-client";
import { oddText, oddTimestamp } from "./arbitraries";
import { expectNoServerErrorAndErrorShape, fuzzOptions, runs, send } from "./http";

/**
 * Every query parameter (and path parameter) of every read route under generated values, on a
 * database holding a little of everything, through the real routes over 127.0.0.1.
 */
let server: RouteServer;
let p: TestProject;

const WINDOW = ["from", "to", "interval"];
/** Each read route, its path parameters and its query parameters (checked against the schemas below). */
const ROUTES: { path: string; module: RouteModule; pathParams: string[]; query: string[] }[] = [
  { path: "/api/v1/events", module: eventsRoute, pathParams: [], query: Object.keys(listEventsQuerySchema.shape) },
  { path: "/api/v1/events/[id]", module: eventRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/metrics", module: metricsRoute, pathParams: [], query: Object.keys(metricsQuerySchema.shape) },
  { path: "/api/v1/metrics/timeseries", module: timeseriesRoute, pathParams: [], query: Object.keys(timeseriesQuerySchema.shape) },
  { path: "/api/v1/overview", module: overviewRoute, pathParams: [], query: WINDOW },
  { path: "/api/v1/prompts", module: promptsRoute, pathParams: [], query: [] },
  { path: "/api/v1/prompts/[id]", module: promptRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/prompts/[id]/stats", module: promptStatsRoute, pathParams: ["id"], query: [...WINDOW, "a", "b"] },
  { path: "/api/v1/budgets", module: budgetsRoute, pathParams: [], query: [] },
  { path: "/api/v1/models/[model]/attributions", module: attributionsRoute, pathParams: ["model"], query: Object.keys(attributionSeriesQuerySchema.shape) },
  { path: "/api/v1/models/[model]/drift", module: driftRoute, pathParams: ["model"], query: Object.keys(driftQuerySchema.shape) },
  { path: "/api/v1/models/[model]/drift/timeseries", module: driftSeriesRoute, pathParams: ["model"], query: Object.keys(driftSeriesQuerySchema.shape) },
  { path: "/api/v1/models/[model]/performance", module: performanceRoute, pathParams: ["model"], query: Object.keys(performanceQuerySchema.shape) },
  { path: "/api/v1/models/[model]/versions/[version]", module: modelVersionRoute, pathParams: ["model", "version"], query: [] },
  { path: "/api/v1/models/[model]/versions", module: modelVersionsRoute, pathParams: ["model"], query: [] },
  { path: "/api/v1/prices/reprice/[id]", module: repriceJobRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/prices/reprice", module: repriceJobsRoute, pathParams: [], query: [] },
  { path: "/api/v1/prices", module: pricesRoute, pathParams: [], query: [] },
  { path: "/api/v1/spend", module: spendRoute, pathParams: [], query: Object.keys(spendQuerySchema.shape) },
  { path: "/api/v1/alert-channels/[id]", module: alertChannelRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/alert-channels", module: alertChannelsRoute, pathParams: [], query: [] },
  { path: "/api/v1/alert-deliveries", module: alertDeliveriesRoute, pathParams: [], query: Object.keys(listDeliveriesQuerySchema.shape) },
  { path: "/api/v1/alert-rules/[id]", module: alertRuleRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/alert-rules", module: alertRulesRoute, pathParams: [], query: [] },
  { path: "/api/v1/incidents/[id]", module: incidentRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/incidents/[id]/series", module: incidentSeriesRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/incidents", module: incidentsRoute, pathParams: [], query: Object.keys(listIncidentsQuerySchema.shape) },
  { path: "/api/v1/review-items/[id]", module: reviewItemRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/review-queues/[id]/disagreements", module: reviewDisagreementsRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/review-queues/[id]/export", module: reviewExportRoute, pathParams: ["id"], query: Object.keys(exportQuerySchema.shape) },
  { path: "/api/v1/review-queues/[id]", module: reviewQueueRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/review-queues/[id]/stats", module: reviewStatsRoute, pathParams: ["id"], query: [] },
  { path: "/api/v1/review-queues", module: reviewQueuesRoute, pathParams: [], query: [] },
  { path: "/api/v1/review/hallucination-rates", module: hallucinationRatesRoute, pathParams: [], query: Object.keys(hallucinationRateQuerySchema.shape) },
  { path: "/api/v1/silences", module: silencesRoute, pathParams: [], query: [] },
  { path: "/api/v1/version-overlap", module: versionOverlapRoute, pathParams: [], query: Object.keys(versionOverlapQuerySchema.shape) },
  { path: "/api/v1/traces", module: tracesRoute, pathParams: [], query: Object.keys(groupListQuerySchema.shape) },
  { path: "/api/v1/traces/[traceId]", module: traceRoute, pathParams: ["traceId"], query: [] },
  { path: "/api/v1/sessions", module: sessionsRoute, pathParams: [], query: Object.keys(groupListQuerySchema.shape) },
  { path: "/api/v1/sessions/[sessionId]", module: sessionRoute, pathParams: ["sessionId"], query: Object.keys(groupListQuerySchema.shape) },
  { path: "/api/v1/users", module: usersRoute, pathParams: [], query: Object.keys(groupListQuerySchema.shape) },
  { path: "/api/v1/users/[userId]", module: userRoute, pathParams: ["userId"], query: Object.keys(groupListQuerySchema.shape) },
  { path: "/api/v1/members", module: membersRoute, pathParams: [], query: [] },
  { path: "/api/v1/api-keys", module: apiKeysRoute, pathParams: [], query: [] },
  { path: "/api/v1/audit-log", module: auditLogRoute, pathParams: [], query: Object.keys(auditQuerySchema.shape) },
  { path: "/api/v1/audit-log/export", module: auditExportRoute, pathParams: [], query: Object.keys(auditQuerySchema.shape) },
  { path: "/api/v1/settings/governance", module: governanceSettingsRoute, pathParams: [], query: [] },
];

/** Every `route.ts` under app/api/v1 that exports GET (a new read route must join ROUTES). */
function readRouteFiles(dir = "app/api/v1"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return readRouteFiles(p);
    return d.name === "route.ts" && /export const GET\b/.test(fs.readFileSync(p, "utf8")) ? [p] : [];
  });
}

/** Plausible values per parameter name, mixed with hostile ones for every parameter. */
const VALUES: Record<string, fc.Arbitrary<string>> = {
  type: fc.constantFrom(...EVENT_TYPES),
  model: fc.constantFrom("gpt-4o", "fraud", "nope"),
  modelVersion: fc.constantFrom("1", "2.0", "nope"),
  promptId: fc.constantFrom("support", "nope"),
  promptVersion: fc.constantFrom("1", "2", "0", "-1", "1.5", "99999999999999999999"),
  status: fc.constantFrom("ok", "error", "OK"),
  version: fc.constantFrom("1", "2", "2.0", "nope"),
  sampleSize: fc.constantFrom("100", "1000", "99", "100001", "1e5"),
  referenceFrom: oddTimestamp.map(String),
  referenceTo: oddTimestamp.map(String),
  method: fc.constantFrom("psi", "ks", "hellinger", "chi2", "nope"),
  threshold: fc.constantFrom("0.1", "0", "-1", "1e7"),
  driftShare: fc.constantFrom("0.5", "0", "1", "2"),
  features: fc.constantFrom("amount:psi:0.2", "amount:psi,plan:hellinger", "a:b:c:d", ":", ""),
  resolution: fc.constantFrom("1h", "1d", "1m"),
  task: fc.constantFrom("classification", "regression", "nope"),
  by: fc.constantFrom("user", "session", "environment", "tag", "nope"),
  channelId: fc.constantFrom("1", "0", "-1", "x"),
  incidentId: fc.constantFrom("1", "0", "99999999999999999999"),
  ruleId: fc.constantFrom("1", "2", "0"),
  state: fc.constantFrom("open", "firing", "resolved", "acknowledged", "nope"),
  format: fc.constantFrom("csv", "jsonl", "xml"),
  userId: fc.constantFrom("u-1", "u-2", "nope"),
  sessionId: fc.constantFrom("s", "nope"),
  traceId: fc.constantFrom("t-1", "t-2", "nope"),
  q: fc.constantFrom("answer", "answer 1", "%", "_", "\\"),
  flagged: fc.constantFrom("true", "false", "1"),
  limit: fc.constantFrom("1", "50", "200", "201", "0", "-1", "1e3", "NaN", "Infinity"),
  cursor: fc.oneof(fc.stringMatching(/^[0-9a-z]{1,16}$/), fc.constantFrom("zzzzzzzzzzzzzzzz", "0", "-1", "ZZ")),
  groupBy: fc.constantFrom(...GROUP_BY, "nope"),
  metric: fc.constantFrom(...TIMESERIES_METRICS, "nope"),
  interval: fc.constantFrom("1m", "1h", "1d", "1s", ""),
  id: fc.constantFrom("e-1", "support", "nope", "1", "0", "-1", "99999999999999999999"),
  a: fc.constantFrom("1", "2", "0", "x"),
  b: fc.constantFrom("1", "2", "3", "1e309"),
  sort: fc.constantFrom(...GROUP_SORTS, "nope"),
  dir: fc.constantFrom("asc", "desc", "up"),
  environment: fc.constantFrom("production", "staging", "nope"),
  responseModel: fc.constantFrom("gpt-4o-2024-08-06", "nope"),
  injection: fc.constantFrom("true", "false", "1"),
  action: fc.constantFrom("member.", "prompt.create", "nope"),
  actor: fc.constantFrom("admin@", "api-key:1", "system:cli"),
  target: fc.constantFrom("prompt:answer", "key:1", ""),
  from: oddTimestamp.map(String),
  to: oddTimestamp.map(String),
};
const hostile = fc.oneof(
  { weight: 4, arbitrary: oddText },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(10_000), "0", "-0", "1e400", "99999999999999999999", "0x1f", "[]", "{}", "%", "%00", "null", "undefined") },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.double().map(String) },
);
const valueFor = (name: string) => (Object.hasOwn(VALUES, name) ? fc.oneof({ weight: 3, arbitrary: VALUES[name] }, { weight: 2, arbitrary: hostile }) : hostile);

/** Characters a URL must carry percent-encoded; lone surrogates cannot be encoded at all, so they go as U+FFFD. */
function encode(v: string): string {
  return encodeURIComponent(v.toWellFormed());
}

const readRequest = fc.constantFrom(...ROUTES).chain((route) =>
  fc.record({
    route: fc.constant(route),
    // A path segment that is empty, "." or ".." never reaches the route (the URL resolves it away).
    path: fc.tuple(...route.pathParams.map((n) => valueFor(n).filter((v) => !["", ".", ".."].includes(v.toWellFormed())))),
    // Known and unknown names, repeated or not, each with a value for its name.
    query: fc.array(
      fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...(route.query.length ? route.query : ["x"])) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) })
        .chain((name) => fc.tuple(fc.constant(name), valueFor(name))),
      { maxLength: 6 },
    ),
    auth: fc.oneof({ weight: 20, arbitrary: fc.constant("key") }, { weight: 1, arbitrary: fc.constantFrom("none", "bogus") }),
  }),
);

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/ingest": ingestRoute, ...Object.fromEntries(ROUTES.map((r) => [r.path, r.module])) });

  p = await makeProject(await freshDb());
  const now = Date.now();
  const events = Array.from({ length: 300 }, (_, i) => {
    const ts = now - (i % 50) * 3_600_000 - i;
    if (i % 3 === 0) {
      return {
        id: `pr-${i}`, type: "prediction", model: "fraud", modelVersion: String(1 + (i % 2)), prediction: i % 2, score: (i % 10) / 10, latencyMs: 3,
        timestamp: ts, features: { amount: i * 1.5, plan: i % 2 ? "a" : "b" }, attributions: { amount: 0.1 * (i % 5), plan: -0.05 },
      };
    }
    if (i % 7 === 1) return { id: `lb-${i}`, type: "label", model: "fraud", targetId: `pr-${i - 1}`, label: i % 2, timestamp: ts };
    return {
      id: i === 1 ? "e-1" : `e-${i}`, type: "llm", model: "gpt-4o", modelVersion: "2.0", promptId: "support", promptVersion: 1 + (i % 3), latencyMs: 100 + i,
      inputTokens: 10, outputTokens: 5, status: i % 7 ? "ok" : "error", traceId: `t-${i % 10}`, userId: `u-${i % 4}`, sessionId: "s", output: `answer ${i}`,
      hallucination: { flagged: i % 5 === 0 }, timestamp: ts,
    };
  });
  const res = await post(server.url, "/api/v1/ingest", { events }, { key: p.key });
  expect(res.status).toBe(200);
});
afterAll(() => server.close());

describe("fuzz: every query parameter of every read route", () => {
  it("covers every read route of the app", () => {
    const covered = new Set(ROUTES.map((r) => `app${r.path}/route.ts`));
    for (const file of readRouteFiles()) expect(covered, `${file} is not fuzzed`).toContain(file.split(path.sep).join("/"));
  });

  it("lists every query parameter the routes' schemas define", () => {
    const covered = (path: string) => ROUTES.find((r) => r.path === path)!.query;
    expect(covered("/api/v1/overview").sort()).toEqual(Object.keys(windowQuerySchema.in.shape).sort());
    for (const name of ROUTES.flatMap((r) => [...r.query, ...r.pathParams])) {
      expect(VALUES[name], `plausible values for ${name}`).toBeDefined();
    }
  });

  it("never answers 5xx; every 4xx in the error shape; every 200 parses as its content type", async () => {
    await fc.assert(
      fc.asyncProperty(readRequest, async ({ route, path, query, auth }) => {
        let url = route.path;
        route.pathParams.forEach((n, i) => (url = url.replace(`[${n}]`, encode(path[i]))));
        const qs = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&");
        const key = auth === "key" ? p.key : auth === "bogus" ? "sl_bogus" : null;
        const target = `${url}${qs ? `?${qs}` : ""}`;
        const a = await send(`${server.url}${target}`, "GET", { key });
        // Node's HTTP parser refuses a request head over 16 KiB (431, before any route runs).
        if (target.length > 16_500) expect(a.status).toBe(431);
        if (a.status === 431 && target.length > 15_000) return;
        expectNoServerErrorAndErrorShape(a, `${url}?${qs.slice(0, 200)}`);
        // Every 200 is what it says it is (JSON, unless a route exports CSV).
        if (a.status === 200 && a.contentType.includes("json")) expect(() => JSON.parse(a.text)).not.toThrow();
        if (a.status === 200) expect(a.contentType).toMatch(/json|csv|jsonl|ndjson/);
        if (auth !== "key") expect(a.status).toBe(401);
      }),
      fuzzOptions(runs(5500)),
    );
  }, 150_000);
});
