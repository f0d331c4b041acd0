import { NextRequest } from "next/server";
import { ApiError, PayloadTooLargeError, RateLimitedError } from "@/lib/api/errors";
import { readBody } from "@/lib/api/read-body";
import { clientAddress } from "./client-address";
import { loginThrottle } from "./login-throttle";

/** next-auth reads form bodies without a limit; its forms are a few hundred bytes. */
export const AUTH_BODY_LIMIT = 8 * 1024;

/**
 * Runs before next-auth on every POST to /api/auth/*: caps the body, and refuses a credentials
 * sign-in with 429 + Retry-After while the account or the client address is throttled.
 * Returns the request to hand on (rebuilt, since the body was read), or the refusal.
 */
export async function guardSignIn(req: Request, now = Date.now()): Promise<Request | Response> {
  let text: string;
  try {
    const declared = Number(req.headers.get("content-length") ?? NaN);
    if (declared > AUTH_BODY_LIMIT) throw new PayloadTooLargeError(`Body exceeds ${AUTH_BODY_LIMIT} bytes`);
    const contentType = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    const { bytes } = await readBody(req, { accept: [contentType], maxBytes: AUTH_BODY_LIMIT });
    text = bytes.toString("utf8");
  } catch (err) {
    return errorResponse(err instanceof ApiError ? err : new PayloadTooLargeError(`Body exceeds ${AUTH_BODY_LIMIT} bytes`));
  }
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const email = new URLSearchParams(text).get("email");
    const verdict = await loginThrottle().check({ account: email, address: clientAddress(req.headers) }, now);
    if (!verdict.allowed) {
      const err = new RateLimitedError(`Too many failed sign-ins; try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes`, verdict.retryAfterSeconds);
      // next-auth's signIn() reads `url` from the JSON answer and reports its `error` parameter.
      return errorResponse(err, { url: new URL("/login?error=TooManyAttempts", req.url).toString() });
    }
  }
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  // next-auth reads req.nextUrl, so hand on a NextRequest.
  return new NextRequest(req.url, { method: req.method, headers, body: text });
}

function errorResponse(err: ApiError, extra: Record<string, unknown> = {}): Response {
  const body = { error: { code: err.code, message: err.message, requestId: crypto.randomUUID() }, ...extra };
  return Response.json(body, { status: err.status, headers: err.headers });
}
