import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { can } from "@/lib/services/context";
import { AuditClient } from "./client";
import { auditSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseSearchParams(auditSearchParams, await searchParams);
  const user = await requirePageUser(state.project);
  if (!can(user.ctx.actor, "audit:read")) {
    return (
      <>
        <PageHeader title="Audit log" timeControls={false} />
        <main className="p-5">
          <Card>
            <CardBody className="text-sm text-muted">Only admins can read the audit log.</CardBody>
          </Card>
        </main>
      </>
    );
  }
  return <AuditClient />;
}
