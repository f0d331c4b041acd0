import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { defaultComparison } from "@/lib/dashboard/default-comparison";
import { resolveWindow } from "@/lib/time/ranges";
import { findPromptRow, getPrompt } from "@/lib/prompts/get-prompt";
import { getPromptStats } from "@/lib/prompts/get-prompt-stats";
import { promptQuery, promptStatsQuery } from "@/lib/queries/prompts";
import { makeQueryClient } from "@/lib/queries/query-client";
import { PromptClient } from "./client";
import { promptSearchParams } from "./search-params";

type Props = { params: Promise<{ prompt: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Prompt ${decodeURIComponent((await params).prompt)}` };
}

export default async function PromptPage({ params, searchParams }: Props) {
  const key = decodeURIComponent((await params).prompt);
  const state = parseSearchParams(promptSearchParams, await searchParams);
  const user = await requirePageUser(state.project);
  const { ctx } = user;
  if (!(await findPromptRow(ctx.db, ctx.projectId, key))) notFound();
  const project = state.project ?? null;
  const qc = makeQueryClient();
  const prompt = await getPrompt(ctx, { key });
  const w = resolveWindow(state);
  // Default comparison: the two versions with the most calls in the range (oldest first).
  const traffic = (await getPromptStats(ctx, { key, from: w.from, to: w.to })).versions;
  const pair = defaultComparison([...traffic].sort((x, y) => x.version - y.version).map((v) => ({ version: v.version, count: v.count })));
  const a = state.a ?? pair?.a ?? null;
  const b = state.b ?? pair?.b ?? null;
  qc.setQueryData(promptQuery(project, key).queryKey, { prompt });
  qc.setQueryData(
    promptStatsQuery(project, key, a, b, state).queryKey,
    await getPromptStats(ctx, { key, from: w.from, to: w.to, a: a ?? undefined, b: b ?? undefined }),
  );
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <PromptClient promptKey={key} defaultA={a} defaultB={b} />
    </HydrationBoundary>
  );
}
