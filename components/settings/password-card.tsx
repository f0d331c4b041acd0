"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { changePassword } from "@/lib/queries/settings";

/** Every member can change their own password; it signs out their other sessions. */
export function PasswordCard() {
  const change = useMutation({ mutationFn: changePassword });
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    change.mutate({ currentPassword: String(f.get("currentPassword")), newPassword: String(f.get("newPassword")) });
  }
  return (
    <Card>
      <CardHeader title="Your password" description="Changing it signs you out everywhere else." />
      <CardBody>
        <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Change password">
          <Label>
            Current password
            <Input name="currentPassword" type="password" autoComplete="current-password" required />
          </Label>
          <Label>
            New password
            <Input name="newPassword" type="password" autoComplete="new-password" minLength={8} required />
          </Label>
          <Button type="submit" variant="primary" disabled={change.isPending}>
            Change password
          </Button>
        </form>
        {change.isSuccess ? <p role="status" className="mt-2 text-xs text-ok">Password changed; your other sessions are signed out.</p> : null}
        {change.error ? <p role="alert" className="mt-2 text-xs text-bad">{change.error.message}</p> : null}
      </CardBody>
    </Card>
  );
}
