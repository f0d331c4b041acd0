import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ApiError, ConflictError, ForbiddenError, ValidationError } from "@/lib/api/errors";
import { listEvents } from "@/lib/events/list-events";
import { adjudicateItem, setItemGold } from "@/lib/review/adjudicate-item";
import { claimNextItem } from "@/lib/review/claim-item";
import { enqueueItems } from "@/lib/review/enqueue-items";
import { getReviewItem, listDisagreements } from "@/lib/review/get-item";
import { getQueueStats } from "@/lib/review/get-queue-stats";
import { humanHallucinationRates } from "@/lib/review/hallucination-rate";
import { LEASE_MS } from "@/lib/review/lease";
import { extendLease, skipItem } from "@/lib/review/lease-actions";
import { listReviewQueues } from "@/lib/review/list-queues";
import { reviewBacklog } from "@/lib/review/review-backlog";
import { submitVerdict } from "@/lib/review/submit-verdict";
import { updateReviewQueue } from "@/lib/review/update-queue";
import { freshDb, makeProject, testContext, type TestProject } from "@/tests/helpers/db";
import { makeMember, makeQueue, seedEvents, type Member } from "./helpers";

let db: Db;
let p: TestProject;
let engineer: Member;
let alice: Member;
let bob: Member;
let carol: Member;

beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
  engineer = await makeMember(db, p.projectId, "engineer");
  alice = await makeMember(db, p.projectId, "reviewer", "alice");
  bob = await makeMember(db, p.projectId, "reviewer", "bob");
  carol = await makeMember(db, p.projectId, "reviewer", "carol");
});

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an error");
}

describe("enqueueing", () => {
  it("an event added twice, by id and by filter, enters the queue once", async () => {
    const ids = await seedEvents(db, p.projectId, 5);
    const q = await makeQueue(engineer.ctx());
    expect(await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: [ids[0], ids[1], ids[0]] })).toEqual({ added: 2, existing: 0, matched: 2 });
    expect(await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: [ids[1], ids[2]] })).toEqual({ added: 1, existing: 1, matched: 2 });
    const byFilter = await enqueueItems(engineer.ctx(), { queueId: q.id, filter: { model: "gpt-4o" } as never });
    expect(byFilter).toEqual({ added: 2, existing: 3, matched: 5 });
    expect((await getQueueStats(engineer.ctx(), { queueId: q.id })).total).toBe(5);
  });

  it("a filter enqueues exactly what the events API lists for it", async () => {
    await seedEvents(db, p.projectId, 60);
    await seedEvents(db, p.projectId, 10, { prefix: "other", model: "claude" });
    const q = await makeQueue(engineer.ctx());
    const filter = { model: "gpt-4o", flagged: true, promptVersion: 2 };
    const listed = await listEvents(testContext(db, p.projectId), { model: "gpt-4o", flagged: true, promptVersion: 2, limit: 200 });
    const r = await enqueueItems(engineer.ctx(), { queueId: q.id, filter: filter as never });
    expect(r.added).toBe(listed.events.length);
    expect(listed.events.length).toBe(10); // i ≡ 3 (mod 6) among 0…59
    const item = (await claimNextItem(alice.ctx(), { queueId: q.id }))!;
    expect(listed.events.map((e) => e.id)).toContain(item.event.id);
  });

  it("unknown event ids are a 400 naming each", async () => {
    await seedEvents(db, p.projectId, 1);
    const q = await makeQueue(engineer.ctx());
    const err = await errorOf(enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ["e-0", "nope"] }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.details).toEqual([{ path: "eventIds.1", message: 'no event with id "nope"' }]);
  });

  it("reviewers may not enqueue", async () => {
    const q = await makeQueue(engineer.ctx());
    expect(await errorOf(enqueueItems(alice.ctx(), { queueId: q.id, eventIds: ["x"] }))).toBeInstanceOf(ForbiddenError);
  });
});

describe("claims, leases and verdicts", () => {
  it("serves each reviewer distinct items and never the same item twice; caps verdicts at reviewers-per-item", async () => {
    const ids = await seedEvents(db, p.projectId, 3);
    const q = await makeQueue(engineer.ctx(), { reviewersPerItem: 2 });
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const seen = new Map<string, number[]>();
    for (const m of [alice, bob, carol]) {
      for (;;) {
        const item = await claimNextItem(m.ctx(), { queueId: q.id });
        if (!item) break;
        seen.set(m.email, [...(seen.get(m.email) ?? []), item.id]);
        await submitVerdict(m.ctx(), { itemId: item.id, values: { hallucination: false } });
      }
    }
    for (const list of seen.values()) expect(new Set(list).size).toBe(list.length);
    const perItem = [...seen.values()].flat().reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<number, number>());
    expect([...perItem.values()]).toEqual([2, 2, 2]);
    expect(seen.get(carol.email)).toBeUndefined();
    const stats = await getQueueStats(engineer.ctx(), { queueId: q.id });
    expect(stats).toMatchObject({ total: 3, completed: 3, pending: 0, inProgress: 0 });
  });

  it("a reload resumes the reviewer's live lease instead of taking a second item", async () => {
    const ids = await seedEvents(db, p.projectId, 2);
    const q = await makeQueue(engineer.ctx());
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const first = await claimNextItem(alice.ctx(), { queueId: q.id });
    const again = await claimNextItem(alice.ctx(), { queueId: q.id });
    expect(again!.id).toBe(first!.id);
  });

  it("an expired lease returns the item; the late verdict gets 409", async () => {
    const ids = await seedEvents(db, p.projectId, 1);
    const t0 = Date.now();
    const q = await makeQueue(engineer.ctx(t0));
    await enqueueItems(engineer.ctx(t0), { queueId: q.id, eventIds: ids });
    const a = (await claimNextItem(alice.ctx(t0), { queueId: q.id }))!;
    expect(Date.parse(a.leaseExpiresAt)).toBe(t0 + LEASE_MS);
    expect(await claimNextItem(bob.ctx(t0 + LEASE_MS - 1), { queueId: q.id })).toBeNull();
    const b = (await claimNextItem(bob.ctx(t0 + LEASE_MS), { queueId: q.id }))!;
    expect(b.id).toBe(a.id);
    const late = await errorOf(submitVerdict(alice.ctx(t0 + LEASE_MS + 1), { itemId: a.id, values: { hallucination: true } }));
    expect(late).toBeInstanceOf(ConflictError);
    await submitVerdict(bob.ctx(t0 + LEASE_MS + 1), { itemId: b.id, values: { hallucination: true } });
    // Alice lost the slot and the item is complete: nothing left for her.
    expect(await claimNextItem(alice.ctx(t0 + LEASE_MS + 2), { queueId: q.id })).toBeNull();
  });

  it("activity extends the lease; an extended lease is not taken over", async () => {
    const ids = await seedEvents(db, p.projectId, 1);
    const t0 = Date.now();
    const q = await makeQueue(engineer.ctx(t0));
    await enqueueItems(engineer.ctx(t0), { queueId: q.id, eventIds: ids });
    const a = (await claimNextItem(alice.ctx(t0), { queueId: q.id }))!;
    const ext = await extendLease(alice.ctx(t0 + LEASE_MS - 1000), { itemId: a.id });
    expect(Date.parse(ext.leaseExpiresAt)).toBe(t0 + 2 * LEASE_MS - 1000);
    expect(await claimNextItem(bob.ctx(t0 + LEASE_MS + 1), { queueId: q.id })).toBeNull();
    await submitVerdict(alice.ctx(t0 + LEASE_MS + 1), { itemId: a.id, values: { hallucination: false } });
  });

  it("a verdict needs the caller's own live lease (409), valid values (400 naming the field) and a member (403)", async () => {
    const ids = await seedEvents(db, p.projectId, 1);
    const q = await makeQueue(engineer.ctx());
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const item = (await claimNextItem(alice.ctx(), { queueId: q.id }))!;
    expect(await errorOf(submitVerdict(bob.ctx(), { itemId: item.id, values: { hallucination: true } }))).toBeInstanceOf(ConflictError);
    const bad = await errorOf(submitVerdict(alice.ctx(), { itemId: item.id, values: { hallucination: "yes", quality: 7 } }));
    expect(bad.status).toBe(400);
    expect(bad.details!.map((d) => d.path).sort()).toEqual(["values.hallucination", "values.quality"]);
    const noCorrection = await errorOf(submitVerdict(alice.ctx(), { itemId: item.id, values: { hallucination: true }, correctedOutput: "x" }));
    expect(noCorrection.details).toEqual([{ path: "correctedOutput", message: "not enabled for this queue" }]);
    const asSystem = await errorOf(submitVerdict(testContext(db, p.projectId), { itemId: item.id, values: { hallucination: true } }));
    expect(asSystem).toBeInstanceOf(ForbiddenError);
    const viewer = await makeMember(db, p.projectId, "viewer");
    expect(await errorOf(claimNextItem(viewer.ctx(), { queueId: q.id }))).toBeInstanceOf(ForbiddenError);
  });

  it("a correction is a new verdict superseding the old one; both stay in the history", async () => {
    const ids = await seedEvents(db, p.projectId, 1);
    const q = await makeQueue(engineer.ctx(), { correctedOutput: true });
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const item = (await claimNextItem(alice.ctx(), { queueId: q.id }))!;
    const v1 = await submitVerdict(alice.ctx(), { itemId: item.id, values: { hallucination: false } });
    const v2 = await submitVerdict(alice.ctx(), { itemId: item.id, values: { hallucination: true }, correctedOutput: "Paris", comment: "misread" });
    expect(v2.supersedes).toBe(v1.id);
    const detail = await getReviewItem(engineer.ctx(), { itemId: item.id });
    expect(detail.history.map((h) => [h.by, h.values.hallucination, h.supersedes])).toEqual([
      [alice.email, false, null], [alice.email, true, v1.id],
    ]);
    expect(detail.finalLabel).toEqual({ hallucination: true });
  });

  it("review is blind: a reviewer sees only their own verdicts, and nothing of gold", async () => {
    const ids = await seedEvents(db, p.projectId, 1);
    const q = await makeQueue(engineer.ctx(), { reviewersPerItem: 2 });
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const a = (await claimNextItem(alice.ctx(), { queueId: q.id }))!;
    await submitVerdict(alice.ctx(), { itemId: a.id, values: { hallucination: true }, comment: "alice's view" });
    const b = (await claimNextItem(bob.ctx(), { queueId: q.id }))!;
    expect(JSON.stringify(b)).not.toContain("alice");
    const bobView = await getReviewItem(bob.ctx(), { itemId: b.id });
    expect(bobView.history).toEqual([]);
    expect(bobView).not.toHaveProperty("isGold");
    expect(bobView).not.toHaveProperty("finalLabel");
  });

  it("skipping gives the slot back and the skipper is not served the item again", async () => {
    const ids = await seedEvents(db, p.projectId, 1);
    const q = await makeQueue(engineer.ctx());
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const a = (await claimNextItem(alice.ctx(), { queueId: q.id }))!;
    await skipItem(alice.ctx(), { itemId: a.id });
    expect(await claimNextItem(alice.ctx(), { queueId: q.id })).toBeNull();
    expect((await claimNextItem(bob.ctx(), { queueId: q.id }))!.id).toBe(a.id);
  });

  it("a queue with assignees serves only them; progress shows own and total", async () => {
    const ids = await seedEvents(db, p.projectId, 2);
    const q = await makeQueue(engineer.ctx(), { assignees: [alice.email] });
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    expect(await errorOf(claimNextItem(bob.ctx(), { queueId: q.id }))).toBeInstanceOf(ForbiddenError);
    const item = (await claimNextItem(alice.ctx(), { queueId: q.id }))!;
    await submitVerdict(alice.ctx(), { itemId: item.id, values: { hallucination: true } });
    const [mine] = await listReviewQueues(alice.ctx());
    expect(mine.progress).toEqual({ total: 2, completed: 1, mine: 1, assignedToMe: true });
    const [bobs] = await listReviewQueues(bob.ctx());
    expect(bobs.progress).toMatchObject({ mine: 0, assignedToMe: false });
    const bad = await errorOf(makeQueue(engineer.ctx(), { assignees: ["nobody@x.io"] }));
    expect(bad.details).toEqual([{ path: "assignees.0", message: "not a member of this project" }]);
  });

  it("the rubric cannot drop or retype a field that has verdicts", async () => {
    const ids = await seedEvents(db, p.projectId, 1);
    const q = await makeQueue(engineer.ctx());
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const item = (await claimNextItem(alice.ctx(), { queueId: q.id }))!;
    await submitVerdict(alice.ctx(), { itemId: item.id, values: { hallucination: true } });
    const err = await errorOf(updateReviewQueue(engineer.ctx(), { id: q.id, rubric: [{ key: "hallucination", type: "text" }] }));
    expect(err.details![0].path).toBe("rubric.0.type");
    const ok = await updateReviewQueue(engineer.ctx(), { id: q.id, rubric: [...q.rubric, { key: "extra", type: "boolean" }], instructions: "Be strict" });
    expect(ok.rubric).toHaveLength(5);
    expect(ok.instructions).toBe("Be strict");
  });
});

describe("verdicts become metrics", () => {
  /** Items reviewed by alice and bob with the given hallucination votes; returns item ids in order. */
  async function reviewed(votes: [boolean, boolean][], queueOver = {}) {
    const ids = await seedEvents(db, p.projectId, votes.length);
    const q = await makeQueue(engineer.ctx(), { reviewersPerItem: 2, ...queueOver });
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const items: number[] = [];
    for (const [i, [a, b]] of votes.entries()) {
      const ia = (await claimNextItem(alice.ctx(), { queueId: q.id }))!;
      await submitVerdict(alice.ctx(), { itemId: ia.id, values: { hallucination: a, quality: a ? 1 : 4 + (i % 2) } });
      const ib = (await claimNextItem(bob.ctx(), { queueId: q.id }))!;
      expect(ib.id).toBe(ia.id);
      await submitVerdict(bob.ctx(), { itemId: ib.id, values: { hallucination: b, quality: b ? 1 : 4 } });
      items.push(ia.id);
    }
    return { q, items };
  }

  it("agreement per field: κ and α match the statistics module; n counts rated items", async () => {
    // Alice/Bob: 3 yes/yes, 1 yes/no, 1 no/yes, 3 no/no → p_o = 0.75, p_e = 0.5, κ = 0.5.
    const votes: [boolean, boolean][] = [[true, true], [true, true], [true, true], [true, false], [false, true], [false, false], [false, false], [false, false]];
    const { q } = await reviewed(votes);
    const stats = await getQueueStats(engineer.ctx(), { queueId: q.id });
    expect(stats.agreement.hallucination.kappa).toBeCloseTo(0.5, 12);
    // α nominal for 2 coders, 8 units: D_o = 4/16, D_e from 16 values (8 yes, 8 no) = 2·8·8/(16·15) → α = 1 − (1/4)/(8/15) = 0.53125.
    expect(stats.agreement.hallucination.alpha).toBeCloseTo(0.53125, 12);
    expect(stats.agreement.hallucination.n).toBe(8);
    expect(stats.agreement.quality.n).toBe(8);
    expect(stats.agreement.quality.kappa).toBeUndefined();
    expect(stats.agreement).not.toHaveProperty("correct_answer");
    expect(stats.byReviewer.map((r) => [r.email, r.completed])).toEqual([[alice.email, 8], [bob.email, 8]]);
    // Split on hallucination: items 3 and 4; split only on quality (5 vs 4): items 5 and 7.
    expect(stats.awaitingAdjudication).toBe(4);
  });

  it("detector precision and recall against unanimous and adjudicated human labels", async () => {
    // Events 0, 3 are flagged (i % 3 === 0); humans: 0 yes, 1 yes, 2 no, 3 no (adjudicated from a split), 4 split.
    const { q, items } = await reviewed([[true, true], [true, true], [false, false], [true, false], [true, false]]);
    await adjudicateItem(engineer.ctx(), { itemId: items[3], values: { hallucination: false } });
    const stats = await getQueueStats(engineer.ctx(), { queueId: q.id });
    // n = 4 (item 4 undecided); TP = event 0, FP = event 3, FN = event 1.
    expect(stats.detector).toEqual({ precision: 0.5, recall: 0.5, n: 4 });
  });

  it("disagreements go to adjudication; the decision becomes the final label", async () => {
    const { q, items } = await reviewed([[true, true], [true, false]]);
    const open = await listDisagreements(engineer.ctx(), { queueId: q.id });
    expect(open.map((i) => i.id)).toEqual([items[1]]);
    expect(open[0].disagreeingFields).toEqual(["hallucination", "quality"]);
    expect(await errorOf(adjudicateItem(alice.ctx(), { itemId: items[1], values: { hallucination: true } }))).toBeInstanceOf(ForbiddenError);
    await adjudicateItem(engineer.ctx(), { itemId: items[1], values: { hallucination: true, quality: 2 }, comment: "source says so" });
    expect(await listDisagreements(engineer.ctx(), { queueId: q.id })).toEqual([]);
    const detail = await getReviewItem(engineer.ctx(), { itemId: items[1] });
    expect(detail.finalLabel).toEqual({ hallucination: true, quality: 2 });
    expect(detail.history.at(-1)).toMatchObject({ kind: "adjudication", by: engineer.email, comment: "source says so" });
  });

  it("gold items are served unannounced at the gold rate and measure each reviewer", async () => {
    const { q, items } = await reviewed([[true, false]]);
    await adjudicateItem(engineer.ctx(), { itemId: items[0], values: { hallucination: true } });
    await setItemGold(engineer.ctx(), { itemId: items[0], gold: true });
    await updateReviewQueue(engineer.ctx(), { id: q.id, goldRate: 0.5 });
    // Carol has not seen the item; with only gold left, she gets it whenever the draw says gold.
    let served = null;
    for (let i = 0; i < 64 && !served; i++) served = await claimNextItem(carol.ctx(), { queueId: q.id });
    expect(served!.id).toBe(items[0]);
    expect(served).not.toHaveProperty("isGold");
    await submitVerdict(carol.ctx(), { itemId: served!.id, values: { hallucination: false } });
    const stats = await getQueueStats(engineer.ctx(), { queueId: q.id });
    expect(stats.byReviewer.find((r) => r.email === carol.email)).toEqual({ email: carol.email, completed: 1, goldAccuracy: 0, goldN: 1 });
    // Gold checks stay out of agreement: the item's unit holds alice's and bob's ratings only.
    expect(stats.agreement.hallucination.n).toBe(1);
    expect(stats.agreement.hallucination.alpha).toBe(0);
    const viewerStats = await getQueueStats(alice.ctx(), { queueId: q.id });
    expect(viewerStats.byReviewer.every((r) => r.goldAccuracy === undefined)).toBe(true);
  });

  it("only adjudicated items can be gold", async () => {
    const { items } = await reviewed([[true, true]]);
    expect(await errorOf(setItemGold(engineer.ctx(), { itemId: items[0], gold: true }))).toBeInstanceOf(ConflictError);
  });

  it("backlog counts items still needing verdicts and the oldest one's age", async () => {
    const ids = await seedEvents(db, p.projectId, 3);
    const t0 = Date.now();
    const q = await makeQueue(engineer.ctx(t0));
    await enqueueItems(engineer.ctx(t0), { queueId: q.id, eventIds: ids });
    const item = (await claimNextItem(alice.ctx(t0), { queueId: q.id }))!;
    await submitVerdict(alice.ctx(t0), { itemId: item.id, values: { hallucination: true } });
    const [b] = await reviewBacklog(testContext(db, p.projectId, { now: t0 + 90_000 }), { queueId: q.id });
    expect(b).toEqual({ queueId: q.id, name: q.name, pending: 2, oldestPendingAgeMs: 90_000 });
  });

  it("human-confirmed hallucination rate per model and prompt version, beside the detector's", async () => {
    await reviewed([[true, true], [true, true], [false, false], [false, false]]);
    const rates = await humanHallucinationRates(engineer.ctx());
    // Events 0 and 2 are prompt v1, 1 and 3 v2; humans confirmed 0 and 1; the detector flagged 0 and 3.
    expect(rates.map((r) => [r.promptVersion, r.reviewed, r.confirmed, r.rate, r.detectorRate]).sort()).toEqual([
      [1, 2, 1, 0.5, 0.5], [2, 2, 1, 0.5, 0.5],
    ]);
  });
});
