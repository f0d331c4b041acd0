/**
 * The page Content-Security-Policy: scripts only from this origin and carrying this request's
 * nonce ('strict-dynamic' lets those load their chunks), nothing may frame the app (the
 * "promote to production" button must not be clickjacked), no plugins, no <base> hijack, forms
 * post only here. Styles allow inline attributes: server-rendered charts and layout use
 * style="" attributes, which nonces cannot cover, and injected CSS cannot run script.
 */
export function pageCsp(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export const HSTS = "max-age=31536000; includeSubDomains";

export function servedOverHttps(req: { nextUrl: URL; headers: Headers }): boolean {
  return req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
}
