import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { ApiKeysCard } from "@/components/settings/api-keys-card";
import { GovernanceCard } from "@/components/settings/governance-card";
import { MembersCard } from "@/components/settings/members-card";
import { PasswordCard } from "@/components/settings/password-card";
import { requirePageUser } from "@/lib/auth/current-user";
import { can } from "@/lib/services/context";

export const metadata: Metadata = { title: "Settings" };

/**
 * Project settings. Each card appears only with its permission (a viewer sees only their own
 * password); the API checks again on every call.
 */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  const { project } = await searchParams;
  const user = await requirePageUser(project);
  const { actor } = user.ctx;
  const slug = project ?? null;
  return (
    <>
      <PageHeader title="Settings" subtitle={`${user.project.name} · you are ${user.project.role}`} timeControls={false} />
      <main className="flex flex-col gap-4 p-5">
        {can(actor, "members:manage") ? <MembersCard project={slug} selfId={user.userId} /> : null}
        {can(actor, "keys:manage") ? <ApiKeysCard project={slug} /> : null}
        {can(actor, "settings:manage") ? <GovernanceCard project={slug} /> : null}
        <PasswordCard />
      </main>
    </>
  );
}
