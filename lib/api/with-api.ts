import { randomUUID } from "node:crypto";
import { dbErrorCode, isBusyCode } from "@/db/busy";
import { NextResponse, type NextRequest } from "next/server";
import { getDb, type Db } from "@/db/client";
import { verifyApiKey } from "@/lib/auth/api-keys";
import { clientAddress } from "@/lib/auth/client-address";
import type { Permission } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session-actor";
import { apiKeyActor, authorize, type Actor, type ServiceContext } from "@/lib/services/context";
import { takeKeyToken } from "@/lib/security/key-rate-limit";
import { ApiError, RateLimitedError, UnauthorizedError, UnavailableError } from "./errors";
import { errorResponse } from "./responses";

/** What a handler receives: the service context (pass it straight to services) and the path params. */
export interface ApiContext extends ServiceContext {
  params: Record<string, string>;
}

export interface ApiOptions {
  /** The permission the route needs (lib/auth/permissions.ts): granted by the member's role or the key's scopes. */
  permission: Permission;
  /** Accept Bearer keys only (ingest endpoints are for services, not browsers). */
  keysOnly?: boolean;
  /** Encode errors differently (OTLP answers protobuf clients in protobuf). */
  formatError?: (err: ApiError, requestId: string, req: NextRequest) => Response;
}

type RouteParams = { params: Promise<Record<string, string>> };
type Handler = (req: NextRequest, ctx: ApiContext) => Promise<Response> | Response;

/**
 * The one wrapper for route handlers: authenticate (Bearer key or session) → authorise the
 * declared permission → run → turn typed errors into the public error shape.
 */
export function withApi(handler: Handler, opts: ApiOptions) {
  const wrapped = async (req: NextRequest, route?: RouteParams): Promise<Response> => {
    const requestId = requestIdOf(req);
    try {
      const db = getDb();
      const { actor, projectId } = await authenticate(db, req, opts);
      authorize({ actor }, opts.permission);
      const params = route?.params ? await route.params : {};
      const res = await handler(req, { db, projectId, actor, requestId, now: Date.now, address: clientAddress(req.headers), params });
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (err) {
      const apiErr = toApiError(err, requestId);
      return opts.formatError ? opts.formatError(apiErr, requestId, req) : errorResponse(apiErr, requestId);
    }
  };
  // Read by the route-permission test, which walks every route file (tests/api/permissions.test.ts).
  return Object.assign(wrapped, { permission: opts.permission, keysOnly: opts.keysOnly === true });
}

async function authenticate(db: Db, req: NextRequest, opts: ApiOptions): Promise<{ actor: Actor; projectId: number }> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new UnauthorizedError("Authorization header must be 'Bearer <api key>'");
    const key = await verifyApiKey(db, m[1]);
    if (!key) throw new UnauthorizedError("Unknown, expired or revoked API key");
    const rate = takeKeyToken(key.keyId, Date.now());
    if (!rate.ok) throw new RateLimitedError("This API key is sending requests too fast", rate.retryAfterSeconds);
    return { actor: apiKeyActor(key), projectId: key.projectId };
  }
  if (opts.keysOnly) throw new UnauthorizedError("Missing 'Authorization: Bearer <api key>' header");
  const session = await sessionActor(db, req);
  if (!session) throw new UnauthorizedError("Sign in or send 'Authorization: Bearer <api key>'");
  return session;
}

function toApiError(err: unknown, requestId: string): ApiError {
  if (err instanceof ApiError) return err;
  // Another process holds the write lock past the busy timeout (or PostgreSQL answered a
  // deadlock, a full connection table…): nothing was written, retry.
  if (isBusyCode(dbErrorCode(err))) return new UnavailableError("The database is busy; retry shortly", 1);
  console.error(`[sightline] request ${requestId} failed`, err);
  return new ApiError(500, "internal", "Internal server error");
}

function requestIdOf(req: NextRequest): string {
  const given = req.headers.get("x-request-id");
  return given && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
}

export { NextResponse };
