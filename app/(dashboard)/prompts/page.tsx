import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { listPrompts } from "@/lib/prompts/get-prompt";

export const metadata: Metadata = { title: "Prompts" };

/** The prompt registry: a static list, so no client component is needed. */
export default async function PromptsPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  const { project } = await searchParams;
  const user = await requirePageUser(project);
  const prompts = await listPrompts(user.ctx);
  const qs = project ? `?project=${encodeURIComponent(project)}` : "";
  return (
    <>
      <PageHeader title="Prompts" subtitle="Registered and observed prompts with their versions" timeControls={false} />
      <main className="p-3 sm:p-5">
        <Card>
          <Table aria-label="Prompts">
            <thead>
              <tr>
                <Th>Prompt</Th>
                <Th>Key</Th>
                <Th align="right">Versions</Th>
                <Th align="right">Latest</Th>
                <Th align="right">Production</Th>
              </tr>
            </thead>
            <tbody>
              {prompts.map((p) => (
                <Tr key={p.key}>
                  <Td>
                    <Link href={`/prompts/${encodeURIComponent(p.key)}${qs}`} className="font-medium hover:text-accent hover:underline">
                      {p.name ?? p.key}
                    </Link>
                  </Td>
                  <Td className="font-mono text-muted">{p.key}</Td>
                  <Td align="right">{p.versionCount}</Td>
                  <Td align="right">{p.latestVersion ? `v${p.latestVersion}` : "—"}</Td>
                  <Td align="right">{p.productionVersion ? <Badge tone="ok">v{p.productionVersion}</Badge> : "—"}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </main>
    </>
  );
}
