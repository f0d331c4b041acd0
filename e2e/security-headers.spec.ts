import { expect, test, type APIResponse } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./env";
import { authHeaders, signIn } from "./helpers";

function expectCommonHeaders(h: Record<string, string>) {
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
}

const headersOf = (res: APIResponse) => res.headers();

test("pages carry a nonce CSP without unsafe-inline scripts; the nonce changes per response and the page runs", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/");
  const h = res!.headers();
  expectCommonHeaders(h);
  const scriptSrc = h["content-security-policy"].split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(h["strict-transport-security"]).toBeUndefined(); // plain http here
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
  // Every script the server sent carries the nonce (Next's and the theme script). Chunks that
  // those scripts load later are allowed by 'strict-dynamic' and carry none: they are not checked.
  const tags = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  // React hydrated (client-side interaction works) and the browser reported no CSP violation.
  await page.getByRole("combobox", { name: "Kind" }).selectOption("ml");
  await expect(page).toHaveURL(/kind=ml/);
  expect(violations).toEqual([]);

  const again = headersOf(await request.get("/login"));
  expectCommonHeaders(again);
  expect(/'nonce-([^']+)'/.exec(again["content-security-policy"])![1]).not.toBe(nonce);
});

test("API answers carry the headers too, successes and errors alike; HSTS behind an https proxy", async ({ request }) => {
  for (const res of [
    await request.get("/api/v1/metrics", { headers: authHeaders }),
    await request.get("/api/v1/metrics"),
    await request.post("/api/v1/ingest", { headers: { ...authHeaders, "content-type": "text/plain" }, data: "x" }),
  ]) {
    const h = headersOf(res);
    expectCommonHeaders(h);
    expect(h["content-security-policy"]).toContain("default-src 'none'");
  }
  const viaHttps = headersOf(await request.get("/login", { headers: { "x-forwarded-proto": "https" } }));
  expect(viaHttps["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  expect(headersOf(await request.get("/api/v1/metrics", { headers: { ...authHeaders, "x-forwarded-proto": "https" } }))["strict-transport-security"]).toMatch(/max-age=/);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a callbackUrl of /\\host (or its encodings) does not leave the site after a real login", async ({ page, baseURL }) => {
    for (const cb of ["/%5Cevil.example", "/%5C%5Cevil.example", "//evil.example", "/%2F%2Fevil.example"]) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${cb}`);
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Email").fill(ADMIN_EMAIL);
      await page.getByLabel("Password").fill(ADMIN_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      // Visiting /login while signed in redirects to the callback too: still same-origin.
      await page.goto(`/login?callbackUrl=${cb}`);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    }
  });

  test("session cookies are HttpOnly and SameSite=Lax", async ({ page }) => {
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
  });

  test("ten failed sign-ins for an account: the next gets 429 with Retry-After over real HTTP", async ({ request }) => {
    const email = `throttle-${Date.now()}@example.test`;
    // A different client address per attempt, so only the per-account limit is in play (the
    // other specs' sign-ins also come from 127.0.0.1).
    const attempt = async (i: number) => {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      return request.post("/api/auth/callback/credentials", {
        form: { email, password: "wrong-password", csrfToken, json: "true" },
        headers: { "x-forwarded-for": `198.51.100.${i}` },
        maxRedirects: 0,
      });
    };
    for (let i = 0; i < 10; i++) expect((await attempt(i)).status()).toBe(401);
    const blocked = await attempt(99);
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
  });
});
