"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/api/errors";
import { clientAddress } from "@/lib/auth/client-address";
import { acceptInvite, acceptInviteSchema } from "@/lib/members/accept-invite";

export type AcceptState = { error: string | null };

/** Server action of the invite page: set the password, then go sign in with it. */
export async function acceptInviteAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const parsed = acceptInviteSchema.safeParse({ token: form.get("token"), password: form.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid input" };
  if (form.get("password") !== form.get("confirm")) return { error: "The two passwords differ" };
  let email: string;
  try {
    ({ email } = await acceptInvite(getDb(), parsed.data, { address: clientAddress(await headers()) }));
  } catch (err) {
    if (err instanceof ApiError) return { error: err.message };
    throw err;
  }
  redirect(`/login?invited=${encodeURIComponent(email)}`);
}
