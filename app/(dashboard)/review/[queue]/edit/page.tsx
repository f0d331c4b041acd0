import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { QueueForm } from "@/components/review/queue-form";
import { loadQueuePage, type QueuePageProps } from "../load-queue";

export const metadata: Metadata = { title: "Edit review queue" };

/** The queue form prefilled; engineers and admins only. */
export default async function EditQueuePage(props: QueuePageProps) {
  const { project, queue: loaded } = await loadQueuePage(props, "review:manage");
  const { progress: _progress, ...queue } = loaded;
  return (
    <>
      <PageHeader title={`Edit ${queue.name}`} subtitle="Rubric, routing and reviewers" timeControls={false} />
      <main className="p-5">
        <QueueForm project={project} queue={queue} />
      </main>
    </>
  );
}
