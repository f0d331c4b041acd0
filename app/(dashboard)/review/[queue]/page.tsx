import type { Metadata } from "next";
import { can } from "@/lib/services/context";
import { ReviewClient } from "./client";
import { loadQueuePage, type QueuePageProps } from "./load-queue";

export const metadata: Metadata = { title: "Review" };

/** One queue's review workbench: the server checks access and loads the queue; the client claims items. */
export default async function ReviewQueuePage(props: QueuePageProps) {
  const { user, project, queue } = await loadQueuePage(props);
  return (
    <ReviewClient
      project={project}
      initialQueue={queue}
      canReview={can(user.ctx.actor, "review:submit")}
      canManage={can(user.ctx.actor, "review:manage")}
    />
  );
}
