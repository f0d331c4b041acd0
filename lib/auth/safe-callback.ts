const BASE = "http://sightline.invalid";

/**
 * Redirect target after sign-in: same-origin paths only, else "/". Open redirects after login
 * are a phishing aid. Browsers read `/\host` as `//host`, strip tabs and newlines, and some
 * layers decode percent-escapes once more, so the check resolves the URL the way a browser
 * does and also rejects anything that would become protocol-relative after decoding.
 */
export function safeCallback(raw: string | null | undefined): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return "/";
  if (!raw.startsWith("/") || /[\u0000-\u001F\u007F\\]/.test(raw)) return "/";
  let decoded = raw;
  for (let i = 0; i < 3; i++) {
    if (/^[/\\]{2}|^\/[\s\u0000-\u001F]*[/\\]/.test(decoded) || /[\u0000-\u001F\u007F\\]/.test(decoded)) return "/";
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return "/";
    }
    if (next === decoded) break;
    decoded = next;
  }
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  return url.pathname + url.search + url.hash;
}
