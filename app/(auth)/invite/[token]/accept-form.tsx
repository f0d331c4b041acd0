"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { acceptInviteAction, type AcceptState } from "./actions";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInviteAction, { error: null });
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" autoComplete="username" value={email} readOnly />
      <Label>
        Choose a password
        <Input name="password" type="password" autoComplete="new-password" minLength={8} required autoFocus className="h-9 text-sm" />
      </Label>
      <Label>
        Repeat it
        <Input name="confirm" type="password" autoComplete="new-password" minLength={8} required className="h-9 text-sm" />
      </Label>
      {state.error ? (
        <p role="alert" className="text-xs text-bad">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="md" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
