"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Label } from "@/components/ui/input";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { SCOPES, type Scope } from "@/db/schema";
import { queryKeys } from "@/lib/queries/keys";
import { apiKeysQuery, createKey, revokeKey } from "@/lib/queries/settings";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

/** API keys of the project: create (the key is shown once), see prefix, scopes and last use, revoke. */
export function ApiKeysCard({ project }: { project: string | null }) {
  const qc = useQueryClient();
  const keys = useQuery(apiKeysQuery(project));
  const [shown, setShown] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: queryKeys.apiKeys(project) });
  const create = useMutation({
    mutationFn: (body: { name: string; scopes: Scope[] }) => createKey(project, body),
    onSuccess: (res) => {
      setShown(res.apiKey.key);
      return refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: number) => revokeKey(project, id), onSettled: refresh });

  function onCreate(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    create.mutate({ name: String(f.get("name")), scopes: SCOPES.filter((s) => f.get(`scope-${s}`) === "on") });
  }

  return (
    <Card>
      <CardHeader title="API keys" description="Keys for services that send telemetry or read metrics. Revoked keys stop working within 10 seconds." />
      {keys.error ?? create.error ?? revoke.error ? <ErrorState error={keys.error ?? create.error ?? revoke.error} /> : null}
      <Table aria-label="API keys">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Prefix</Th>
            <Th>Scopes</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <Th>Expires</Th>
            <Th align="right"> </Th>
          </tr>
        </thead>
        <tbody>
          {(keys.data?.apiKeys ?? []).map((k) => (
            <Tr key={k.id} data-testid="api-key-row">
              <Td className="font-medium">{k.name}</Td>
              <Td className="font-mono">{k.prefix}…</Td>
              <Td>
                <div className="flex gap-1">
                  {k.scopes.map((s) => (
                    <Badge key={s}>{s}</Badge>
                  ))}
                </div>
              </Td>
              <Td>{when(k.createdAt)}</Td>
              <Td>{when(k.lastUsedAt)}</Td>
              <Td>{when(k.expiresAt)}</Td>
              <Td align="right">
                {k.revokedAt ? (
                  <Badge tone="bad">revoked</Badge>
                ) : (
                  <Button variant="ghost" disabled={revoke.isPending} onClick={() => revoke.mutate(k.id)}>
                    Revoke
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <CardBody>
        <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3" aria-label="Create API key">
          <Label>
            Name
            <Input name="name" required maxLength={100} className="w-full sm:w-48" />
          </Label>
          <fieldset className="flex flex-wrap items-center gap-2 text-xs">
            <legend className="mb-1 text-[11px] font-medium text-muted">Scopes</legend>
            {SCOPES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input type="checkbox" name={`scope-${s}`} defaultChecked={s === "ingest"} />
                {s}
              </label>
            ))}
          </fieldset>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Create key
          </Button>
        </form>
        {shown ? (
          <div className="mt-3 text-xs" role="status">
            <p className="mb-1 text-muted">The new key, shown this once — store it now:</p>
            <CodeBlock label="New API key">{shown}</CodeBlock>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
