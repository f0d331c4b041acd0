/**
 * The origin users reach the app at, for links the API hands out (invites): NEXTAUTH_URL when
 * set (behind a proxy), else the request's Host as the client sent it. Not `nextUrl.origin`,
 * which rewrites 127.0.0.1 to localhost.
 */
export function publicOrigin(req: Request): string {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  const url = new URL(req.url);
  const host = req.headers.get("host") ?? url.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim() || url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
