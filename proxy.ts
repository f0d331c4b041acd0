import { NextResponse, type NextRequest } from "next/server";
import { RETURN_TO_HEADER } from "@/lib/auth/return-to";

/**
 * Pages render on the server without knowing their own URL; this hands it to them so a login
 * redirect can return there. It always overwrites a client-sent header of the same name.
 * Authentication is NOT decided here: every page checks its session (lib/auth/current-user.ts).
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc");
  const headers = new Headers(request.headers);
  headers.set(RETURN_TO_HEADER, url.pathname + url.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, Next's assets, metadata files or the login page itself.
  matcher: ["/((?!api/|_next/|login|icon\\.svg|favicon\\.ico).*)"],
};
