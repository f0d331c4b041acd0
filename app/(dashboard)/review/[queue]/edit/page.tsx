import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { QueueForm } from "@/components/review/queue-form";
import { NotFoundError } from "@/lib/api/errors";
import { requirePageUser } from "@/lib/auth/current-user";
import { getReviewQueue } from "@/lib/review/list-queues";
import { can } from "@/lib/services/context";

export const metadata: Metadata = { title: "Edit review queue" };

/** The queue form prefilled; engineers and admins only. */
export default async function EditQueuePage({ params, searchParams }: {
  params: Promise<{ queue: string }>;
  searchParams: Promise<{ project?: string }>;
}) {
  const [{ queue: raw }, { project }] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(project);
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || !can(user.ctx.actor, "review:manage")) notFound();
  const { progress: _progress, ...queue } = await getReviewQueue(user.ctx, { id }).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <>
      <PageHeader title={`Edit ${queue.name}`} subtitle="Rubric, routing and reviewers" timeControls={false} />
      <main className="p-5">
        <QueueForm project={project ?? null} queue={queue} />
      </main>
    </>
  );
}
