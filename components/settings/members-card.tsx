"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Label, Select } from "@/components/ui/input";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { ROLES, type Role } from "@/db/schema";
import { queryKeys } from "@/lib/queries/keys";
import { addMember, membersQuery, removeMember, updateMember, type CreateMemberResult } from "@/lib/queries/settings";

/** Members of the project: add (with a password or an invite link), change role, disable, remove. */
export function MembersCard({ project, selfId }: { project: string | null; selfId: number }) {
  const qc = useQueryClient();
  const members = useQuery(membersQuery(project));
  const [invite, setInvite] = useState<CreateMemberResult["invite"] | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: queryKeys.members(project) });
  const add = useMutation({
    mutationFn: (body: { email: string; role: Role; password?: string }) => addMember(project, body),
    onSuccess: (res) => {
      setInvite(res.invite ?? null);
      return refresh();
    },
  });
  const update = useMutation({ mutationFn: (v: { userId: number; role?: Role; disabled?: boolean }) => updateMember(project, v.userId, v), onSettled: refresh });
  const remove = useMutation({ mutationFn: (userId: number) => removeMember(project, userId), onSettled: refresh });
  const error = members.error ?? add.error ?? update.error ?? remove.error;

  function onAdd(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const password = String(f.get("password") ?? "");
    add.mutate({ email: String(f.get("email")), role: f.get("role") as Role, ...(password ? { password } : {}) });
  }

  return (
    <Card>
      <CardHeader title="Members" description="Who can see and change this project. Without a password, the new member gets an invite link." />
      {error ? <ErrorState error={error} /> : null}
      <Table aria-label="Members">
        <thead>
          <tr>
            <Th>E-mail</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th align="right"> </Th>
          </tr>
        </thead>
        <tbody>
          {(members.data?.members ?? []).map((m) => (
            <Tr key={m.userId} data-testid="member-row">
              <Td className="font-medium">{m.email}</Td>
              <Td>
                <Select
                  aria-label={`Role of ${m.email}`}
                  value={m.role}
                  disabled={m.userId === selfId || update.isPending}
                  onChange={(e) => update.mutate({ userId: m.userId, role: e.target.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </Select>
              </Td>
              <Td>
                {m.disabled ? <Badge tone="bad">disabled</Badge> : m.invitePending ? <Badge tone="warn">invited</Badge> : <Badge tone="ok">active</Badge>}
              </Td>
              <Td align="right">
                {m.userId === selfId ? (
                  <span className="text-muted">you</span>
                ) : (
                  <div className="flex justify-end gap-1">
                    <Button variant="ghost" onClick={() => update.mutate({ userId: m.userId, disabled: !m.disabled })}>
                      {m.disabled ? "Enable" : "Disable"}
                    </Button>
                    <Button variant="ghost" onClick={() => remove.mutate(m.userId)}>
                      Remove
                    </Button>
                  </div>
                )}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <CardBody>
        <form onSubmit={onAdd} className="flex flex-wrap items-end gap-2" aria-label="Add member">
          <Label>
            E-mail
            <Input name="email" type="email" required className="w-full sm:w-56" />
          </Label>
          <Label>
            Role
            <Select name="role" defaultValue="viewer">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          </Label>
          <Label>
            Password (optional)
            <Input name="password" type="password" autoComplete="new-password" minLength={8} className="w-full sm:w-44" />
          </Label>
          <Button type="submit" variant="primary" disabled={add.isPending}>
            Add member
          </Button>
        </form>
        {invite ? (
          <div className="mt-3 text-xs" role="status">
            <p className="mb-1 text-muted">Invite link (shown once, valid until {new Date(invite.expiresAt).toLocaleString()}):</p>
            <CodeBlock>{invite.url}</CodeBlock>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
