import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { QueueForm } from "@/components/review/queue-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { can } from "@/lib/services/context";

export const metadata: Metadata = { title: "New review queue" };

/** Engineers and admins create queues here; anyone else gets the not-found page (the API refuses them too). */
export default async function NewQueuePage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  const { project } = await searchParams;
  const user = await requirePageUser(project);
  if (!can(user.ctx.actor, "review:manage")) notFound();
  return (
    <>
      <PageHeader title="New review queue" subtitle="Rubric, routing and reviewers" timeControls={false} />
      <main className="p-5">
        <QueueForm project={project ?? null} />
      </main>
    </>
  );
}
