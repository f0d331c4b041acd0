import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/auth-options";
import { safeCallback } from "@/lib/auth/safe-callback";
import { activeSessionUser } from "@/lib/auth/session-check";
import { getDb } from "@/db/client";
import { externalProviderInfo } from "@/lib/auth/external-providers";
import { LoginForm } from "./login-form";
import { ProviderButtons } from "./provider-buttons";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  "no-project": "Your account is not a member of any project. Ask an admin to add you.",
  CredentialsSignin: "Wrong email or password.",
  "session-ended": "Your session has ended. Sign in again.",
  AccessDenied: "That account is not a member here, or its e-mail is not verified. Ask an admin to add you.",
  TooManyAttempts: "Too many failed sign-ins. Wait 15 minutes and try again.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: number; sv?: number } | undefined;
  // A token that the server no longer honours (disabled, password changed) must not bounce back here.
  const active = user && (await activeSessionUser(getDb(), { uid: user.id, sv: user.sv }));
  if (active && sp.error !== "no-project") redirect(safeCallback(sp.callbackUrl));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <Logo />
          <span className="text-base font-semibold tracking-tight">Sightline</span>
        </div>
        <div className="rounded-lg border border-border bg-surface p-5 shadow-sm">
          <h1 className="text-sm font-semibold">Sign in</h1>
          <p className="mb-4 text-xs text-muted">Observability for your ML and LLM systems.</p>
          {sp.invited ? <p className="mb-3 text-xs text-ok" role="status">Password set. Sign in as {sp.invited}.</p> : null}
          <LoginForm callbackUrl={safeCallback(sp.callbackUrl)} initialError={sp.error ? (ERRORS[sp.error] ?? "Sign-in failed.") : null} />
          <ProviderButtons providers={externalProviderInfo()} callbackUrl={safeCallback(sp.callbackUrl)} />
        </div>
      </div>
    </main>
  );
}

function Logo() {
  return (
    <svg viewBox="0 0 24 24" className="size-6 text-accent" aria-hidden>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="12" cy="12" r="3" fill="currentColor" />
    </svg>
  );
}
