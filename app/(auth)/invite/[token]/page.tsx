import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { NotFoundError } from "@/lib/api/errors";
import { findInvite, type InviteView } from "@/lib/members/accept-invite";
import { AcceptInviteForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept invite", referrer: "no-referrer" };

/** Public: the token in the link is the credential. Unknown, used and expired links look alike. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let found: InviteView | null = null;
  try {
    found = await findInvite(getDb(), token);
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-border bg-surface p-5 shadow-sm">
        <h1 className="text-sm font-semibold">Join Sightline</h1>
        {found ? (
          <>
            <p className="mb-4 text-xs text-muted">
              {found.email} is invited to {found.projectName} as {found.role}. The link works until {new Date(found.expiresAt).toUTCString()}.
            </p>
            <AcceptInviteForm token={token} email={found.email} />
          </>
        ) : (
          <p className="mt-2 text-xs text-muted">This invite link is not valid: it is unknown, used or expired. Ask an admin for a new one.</p>
        )}
      </div>
    </main>
  );
}
