import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { user } from "@/db/schema";
import { setMembership } from "@/lib/projects/memberships";
import { createReviewQueue } from "@/lib/review/create-queue";
import type { CreateQueueInput } from "@/lib/review/schemas";
import { memberActor, systemContext, type ServiceContext } from "@/lib/services/context";

export interface Member {
  id: number;
  email: string;
  role: Role;
  /** A context acting as this member, at `now` (a fixed instant) or the real clock. */
  ctx(now?: number): ServiceContext;
}

let seq = 0;

export async function makeMember(db: Db, projectId: number, role: Role, name: string = role): Promise<Member> {
  const email = `${name}-${++seq}@review.test`;
  // Inserted directly: these members never log in, and bcrypt per member would dominate the run.
  const [{ id }] = await db.orm.insert(user).values({ email, passwordHash: "-", createdAt: Date.now() }).returning({ id: user.id });
  await setMembership(db, id, projectId, role);
  return {
    id, email, role,
    ctx: (now?: number) => ({
      ...systemContext(db, projectId, "test", now === undefined ? Date.now : () => now),
      actor: memberActor({ userId: id, email, role }),
    }),
  };
}

/** `n` LLM events with ids `${prefix}-0…`; every third one flagged by the detector. */
export async function seedEvents(db: Db, projectId: number, n: number, opts: { prefix?: string; ts?: number; model?: string } = {}): Promise<string[]> {
  const prefix = opts.prefix ?? "e";
  const ts = opts.ts ?? Date.now() - 60_000;
  const events = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`, type: "llm", model: opts.model ?? "gpt-4o", timestamp: ts + i, promptId: "answer", promptVersion: 1 + (i % 2),
    input: `question ${i}`, output: `answer ${i}`, context: [`doc ${i}`], latencyMs: 100,
    hallucination: { flagged: i % 3 === 0, score: (i % 10) / 10 },
  }));
  for (let i = 0; i < events.length; i += 500) await ingestEvents(db, projectId, events.slice(i, i + 500));
  return events.map((e) => e.id);
}

export const RUBRIC: CreateQueueInput["rubric"] = [
  { key: "hallucination", label: "Hallucination?", type: "boolean", required: true },
  { key: "severity", type: "categorical", options: ["low", "medium", "high"] },
  { key: "quality", type: "numeric", min: 1, max: 5 },
  { key: "correct_answer", type: "text" },
];

export async function makeQueue(admin: ServiceContext, over: Partial<CreateQueueInput> = {}) {
  return createReviewQueue(admin, { name: `q${++seq}`, rubric: RUBRIC, reviewersPerItem: 1, ...over });
}
