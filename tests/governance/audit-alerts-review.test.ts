import { describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { deleteAlertChannel, updateAlertChannel } from "@/lib/alerts/channels/manage-channels";
import { deleteAlertRule } from "@/lib/alerts/rules/delete-rule";
import { updateAlertRule } from "@/lib/alerts/rules/update-rule";
import { claimNextItem } from "@/lib/review/claim-item";
import { enqueueItems } from "@/lib/review/enqueue-items";
import { submitVerdict } from "@/lib/review/submit-verdict";
import { updateReviewQueue } from "@/lib/review/update-queue";
import { lineageInputSchema } from "@/lib/models/lineage-schemas";
import { setModelLineage } from "@/lib/models/set-lineage";
import { freshDb, makeProject, testContext } from "@/tests/helpers/db";
import { channel, rule } from "@/tests/alerts/fixtures";
import { makeMember, makeQueue, seedEvents } from "@/tests/review/helpers";

describe("alerts and review changes are audited", () => {
  it("rules and channels (never the webhook secret), queues, verdicts and model lineage", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    const ctx = testContext(db, p.projectId, { role: "admin", userId: 1 });
    process.env.SIGHTLINE_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
    const ch = await channel(db, p.projectId, { name: "hook", type: "webhook", url: "http://127.0.0.1:9/hook" });
    const r = await rule(db, p.projectId);
    await updateAlertRule(ctx, { id: r.id, patch: { threshold: 0.3 } });
    await updateAlertChannel(ctx, { id: ch.id, patch: { name: "hook 2" } });
    await deleteAlertRule(ctx, { id: r.id });
    await deleteAlertChannel(ctx, { id: ch.id });

    const engineer = await makeMember(db, p.projectId, "engineer");
    const reviewer = await makeMember(db, p.projectId, "reviewer");
    const ids = await seedEvents(db, p.projectId, 1);
    const q = await makeQueue(engineer.ctx());
    await updateReviewQueue(engineer.ctx(), { id: q.id, description: "now with a description" });
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const item = (await claimNextItem(reviewer.ctx(), { queueId: q.id }))!;
    await submitVerdict(reviewer.ctx(), { itemId: item.id, values: { hallucination: true } });

    await setModelLineage(ctx, { model: "fraud-xgb", version: "2.0.0", ...lineageInputSchema.parse({ trainingRunUrl: "https://mlflow.example.com/run/1" }) });

    const { entries } = await listAuditEntries(ctx, { limit: 50 });
    const actions = entries.map((e) => e.action).reverse().filter((a) => !a.startsWith("api_key."));
    expect(actions).toEqual([
      "alert_channel.create", "alert_rule.create", "alert_rule.update", "alert_channel.update", "alert_rule.delete", "alert_channel.delete",
      "review_queue.create", "review_queue.update", "review.verdict", "model_lineage.set",
    ]);
    expect(JSON.stringify(entries)).not.toContain(ch.secret!);
    const verdict = entries.find((e) => e.action === "review.verdict")!;
    expect(verdict).toMatchObject({ actor: reviewer.email, target: `review_item:${item.id}`, after: { values: { hallucination: true } } });
    const update = entries.find((e) => e.action === "alert_rule.update")! as { before: { threshold: number }; after: { threshold: number } };
    expect([update.before.threshold, update.after.threshold]).toEqual([0.2, 0.3]);
  });
});
