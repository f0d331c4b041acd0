/** Request header carrying a page's path and query (set by proxy.ts), so a login can come back to it. */
export const RETURN_TO_HEADER = "x-sightline-return-to";

/**
 * The login page with the page asked for as `callbackUrl`. The login page accepts same-origin
 * paths only, so passing the path through adds no open redirect.
 */
export function loginUrlFor(returnTo: string | null): string {
  return returnTo && returnTo.startsWith("/") && returnTo !== "/" ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login";
}
