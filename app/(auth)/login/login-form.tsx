"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    setError(res?.error === "TooManyAttempts" ? "Too many failed sign-ins. Wait 15 minutes and try again." : "Wrong email or password.");
  }

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-3">
      <Label>
        Email
        <Input name="email" type="email" autoComplete="username" required autoFocus className="h-9 text-sm" />
      </Label>
      <Label>
        Password
        <Input name="password" type="password" autoComplete="current-password" required className="h-9 text-sm" />
      </Label>
      {error ? (
        <p role="alert" className="text-xs text-bad">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="md" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
