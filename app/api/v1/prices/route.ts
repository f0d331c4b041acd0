import { json } from "@/lib/api/responses";
import { withApi } from "@/lib/api/with-api";
import { readJson } from "@/lib/dashboard/read-json";
import { createPrice } from "@/lib/pricing/create-price";
import { listPrices } from "@/lib/pricing/list-prices";
import { createPriceSchema } from "@/lib/pricing/schemas";

/** GET /api/v1/prices — the project's price book: its own prices, instance-wide ones, the shipped defaults. */
export const GET = withApi(async (_req, ctx) => json(await listPrices(ctx)), { permission: "telemetry:read" });

/** POST /api/v1/prices — a custom price for the project (201); applies to events ingested from now on. */
export const POST = withApi(async (req, ctx) => json({ price: await createPrice(ctx, await readJson(req, createPriceSchema)) }, 201), {
  permission: "settings:manage",
});
