import { NextResponse, type NextRequest } from "next/server";
import { HSTS, newNonce, pageCsp, servedOverHttps } from "@/lib/security/content-security-policy";

/**
 * Pages get a Content-Security-Policy with a fresh nonce per request; Next reads the nonce from
 * the request's CSP header and puts it on its own scripts (Next's documented nonce approach).
 * The headers every response gets (API and static files too) are in next.config.mjs. No auth
 * here: every page and handler checks the session itself.
 */
export function proxy(req: NextRequest) {
  const nonce = newNonce();
  const https = servedOverHttps(req);
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  if (https) res.headers.set("strict-transport-security", HSTS);
  return res;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
