import { NextResponse, type NextRequest } from "next/server";
import { RETURN_TO_HEADER } from "@/lib/auth/return-to";
import { HSTS, newNonce, pageCsp, servedOverHttps } from "@/lib/security/content-security-policy";

/**
 * Two jobs, neither of them authentication (every page and handler checks the session itself):
 * - pages get a Content-Security-Policy with a fresh nonce per request; Next reads the nonce
 *   from the request's CSP header and puts it on its own scripts (Next's documented nonce
 *   approach). The headers every response gets (API and static files too) are in next.config.mjs;
 * - pages render on the server without knowing their own URL: the path is handed to them so a
 *   login redirect can return there (it always overwrites a client-sent header of that name).
 */
export function proxy(req: NextRequest) {
  const nonce = newNonce();
  const https = servedOverHttps(req);
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const url = req.nextUrl.clone();
  url.searchParams.delete("_rsc");
  headers.set(RETURN_TO_HEADER, url.pathname + url.search);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  if (https) res.headers.set("strict-transport-security", HSTS);
  return res;
}

export const config = {
  // Pages, the login page included (it needs the CSP); not the API or Next's static assets.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
