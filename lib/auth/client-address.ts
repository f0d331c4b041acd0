type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderBag, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name] ?? h[name.toLowerCase()];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * The client's address as well as we can know it. Next's server fills `x-forwarded-for` from
 * the socket when the request has none; a reverse proxy appends the address it saw, so the
 * LAST entry is the one the nearest trusted hop vouches for. Without a proxy a client can
 * send its own header and pick this value — which is why the sign-in throttle also counts
 * per account, and why docs/security.md recommends a proxy (or localhost) in front.
 */
export function clientAddress(headers: HeaderBag): string | null {
  const xff = header(headers, "x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).at(-1) || header(headers, "x-real-ip");
  // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; one client, one spelling.
  return last ? last.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1") : null;
}
