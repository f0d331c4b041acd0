/**
 * One reviewer in its own process with its own SQLite connection, for the concurrency test
 * (tests/review/concurrency.test.ts): waits for "go" on stdin so every worker starts together,
 * then claims and submits until the queue has nothing left for it, and prints the item ids.
 */
import { getDb } from "@/db/client";
import { claimNextItem } from "@/lib/review/claim-item";
import { submitVerdict } from "@/lib/review/submit-verdict";
import { memberActor, systemContext } from "@/lib/services/context";

const [projectId, userId, email, queueId] = process.argv.slice(2);
const db = getDb();
const ctx = { ...systemContext(db, Number(projectId), "worker"), actor: memberActor({ userId: Number(userId), email, role: "reviewer" }) };

process.stdout.write("ready\n");
process.stdin.once("data", async () => {
  const claimed: number[] = [];
  try {
    for (;;) {
      const item = await claimNextItem(ctx, { queueId: Number(queueId) });
      if (!item) break;
      claimed.push(item.id);
      await submitVerdict(ctx, { itemId: item.id, values: { hallucination: claimed.length % 2 === 0 } });
    }
    process.stdout.write(JSON.stringify({ claimed }) + "\n");
    process.exit(0);
  } catch (err) {
    process.stdout.write(JSON.stringify({ claimed, error: String(err) }) + "\n");
    process.exit(1);
  }
});
