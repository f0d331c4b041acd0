import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { getDb, type Db } from "@/db/client";
import type { Role, Scope } from "@/db/schema";
import { verifyApiKey } from "@/lib/auth/api-keys";
import { roleAllows } from "@/lib/auth/grants";
import type { Principal } from "@/lib/auth/principal";
import { sessionPrincipal } from "@/lib/auth/session-principal";
import { ApiError, ForbiddenError, UnauthorizedError, UnavailableError } from "./errors";
import { errorResponse } from "./responses";

export interface ApiContext {
  db: Db;
  requestId: string;
  principal: Principal;
  projectId: number;
  params: Record<string, string>;
}

export interface ApiOptions {
  /** Scope an API key needs; for a session, the member's role must grant it (lib/auth/grants.ts). */
  scope: Scope;
  /** Additionally restrict sessions to these roles. */
  roles?: Role[];
  /** Accept Bearer keys only (ingest endpoints are for services, not browsers). */
  keysOnly?: boolean;
  /** Encode errors differently (OTLP answers protobuf clients in protobuf). */
  formatError?: (err: ApiError, requestId: string, req: NextRequest) => Response;
}

type RouteParams = { params: Promise<Record<string, string>> };
type Handler = (req: NextRequest, ctx: ApiContext) => Promise<Response> | Response;

/**
 * The one wrapper for route handlers: authenticate (Bearer key or session) → authorise the
 * declared scope → run → turn typed errors into the public error shape.
 */
export function withApi(handler: Handler, opts: ApiOptions) {
  return async (req: NextRequest, route?: RouteParams): Promise<Response> => {
    const requestId = requestIdOf(req);
    try {
      const db = getDb();
      const principal = await authenticate(db, req, opts);
      authorise(principal, opts);
      const params = route?.params ? await route.params : {};
      const res = await handler(req, { db, requestId, principal, projectId: principal.projectId, params });
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (err) {
      const apiErr = toApiError(err, requestId);
      return opts.formatError ? opts.formatError(apiErr, requestId, req) : errorResponse(apiErr, requestId);
    }
  };
}

async function authenticate(db: Db, req: NextRequest, opts: ApiOptions): Promise<Principal> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new UnauthorizedError("Authorization header must be 'Bearer <api key>'");
    const key = verifyApiKey(db, m[1]);
    if (!key) throw new UnauthorizedError("Unknown, expired or revoked API key");
    return { kind: "api_key", ...key };
  }
  if (opts.keysOnly) throw new UnauthorizedError("Missing 'Authorization: Bearer <api key>' header");
  const session = await sessionPrincipal(db, req);
  if (!session) throw new UnauthorizedError("Sign in or send 'Authorization: Bearer <api key>'");
  return session;
}

function authorise(p: Principal, opts: ApiOptions): void {
  if (p.kind === "api_key") {
    if (!p.scopes.includes(opts.scope)) throw new ForbiddenError(`API key lacks the '${opts.scope}' scope`);
    return;
  }
  if (!roleAllows(p.role, opts.scope) || (opts.roles && !opts.roles.includes(p.role))) {
    throw new ForbiddenError(`Role '${p.role}' may not do this`);
  }
}

function toApiError(err: unknown, requestId: string): ApiError {
  if (err instanceof ApiError) return err;
  // Another process holds the write lock past the busy timeout: nothing was written, retry.
  const code = (err as { code?: string } | null)?.code;
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") return new UnavailableError("The database is busy; retry shortly", 1);
  console.error(`[sightline] request ${requestId} failed`, err);
  return new ApiError(500, "internal", "Internal server error");
}

function requestIdOf(req: NextRequest): string {
  const given = req.headers.get("x-request-id");
  return given && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
}

export { NextResponse };
