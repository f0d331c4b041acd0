import type { Metadata } from "next";
import { loadQueuePage, type QueuePageProps } from "../load-queue";
import { AdjudicateClient } from "./client";

export const metadata: Metadata = { title: "Adjudicate" };

/** Engineers and admins: queue statistics and the items whose reviewers disagree. */
export default async function AdjudicatePage(props: QueuePageProps) {
  const { project, queue } = await loadQueuePage(props, "review:manage");
  return <AdjudicateClient project={project} queue={queue} />;
}
