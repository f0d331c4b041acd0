import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { authHeaders, uniqueId } from "./helpers";

type Value = string | number | boolean;

/** OTLP/JSON attributes as exporters write them (integers as intValue strings). */
function attributes(a: Record<string, Value>) {
  return Object.entries(a).map(([key, v]) => ({
    key,
    value:
      typeof v === "string" ? { stringValue: v } : typeof v === "boolean" ? { boolValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v },
  }));
}

test("the mapping inspector shows each field's source, the unmapped attributes and the warnings", async ({ page, request }) => {
  const traceId = randomBytes(16).toString("hex");
  const spanId = randomBytes(8).toString("hex");
  const tenant = uniqueId("tenant");
  const startNs = BigInt(Date.now() - 5_000) * 1_000_000n;
  const body = {
    resourceSpans: [
      {
        resource: { attributes: attributes({ "service.name": "support-bot", "host.name": "worker-e2e" }) },
        scopeSpans: [
          {
            scope: { name: "opentelemetry.instrumentation.openai_v2", version: "2.1b0" },
            spans: [
              {
                traceId,
                spanId,
                name: "chat gpt-4o-mini",
                kind: 3,
                startTimeUnixNano: startNs.toString(),
                endTimeUnixNano: (startNs + 1_234_000_000n).toString(),
                attributes: attributes({
                  "gen_ai.operation.name": "chat",
                  "gen_ai.provider.name": "openai",
                  "gen_ai.request.model": "gpt-4o-mini",
                  "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
                  "gen_ai.usage.input_tokens": 42,
                  // Wrong type: not mapped, warned about, and OpenInference's count is used instead.
                  "gen_ai.usage.output_tokens": "many",
                  "llm.token_count.completion": 7,
                  // No family maps this one.
                  "acme.tenant": tenant,
                }),
                status: {},
              },
            ],
          },
        ],
      },
    ],
  };
  const res = await request.post("/api/otlp/v1/traces", { headers: { ...authHeaders, "content-type": "application/json" }, data: body });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toEqual({});

  const id = `${traceId}:${spanId}`;
  await page.goto(`/events?range=1h&traceId=${traceId}`);
  const rows = page.getByTestId("event-row");
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page).toHaveURL(new RegExp(`event=${encodeURIComponent(id)}`));

  const inspector = page.getByTestId("event-detail").getByTestId("mapping-inspector");
  const fields = inspector.getByRole("table", { name: "Field mapping" });
  const field = (name: string) => fields.locator(`tr[data-field="${name}"]`);
  // The response model wins over the request model (OTel GenAI: newer names first); the dated
  // name groups under its canonical model and stays on the event as the response model.
  await expect(field("model").locator("td")).toHaveText(["model", "gpt-4o-mini", "← gen_ai.response.model"]);
  await expect(page.getByTestId("event-detail")).toContainText("Response modelgpt-4o-mini-2024-07-18");
  await expect(field("inputTokens").locator("td")).toHaveText(["inputTokens", "42", "← gen_ai.usage.input_tokens"]);
  await expect(field("outputTokens").locator("td")).toHaveText(["outputTokens", "7", "← llm.token_count.completion"]);
  await expect(field("metadata.provider").locator("td")).toHaveText(["metadata.provider", "openai", "← gen_ai.provider.name"]);
  await expect(field("metadata.service").locator("td")).toHaveText(["metadata.service", "support-bot", "← resource.service.name"]);
  // Fixed sources, documented rather than stored per event.
  await expect(field("latencyMs").locator("td")).toHaveText(["latencyMs", "1234", "← endTimeUnixNano − startTimeUnixNano"]);
  await expect(field("id").locator("td")).toHaveText(["id", id, "← traceId:spanId"]);

  const unmapped = inspector.getByRole("table", { name: "Unmapped attributes" });
  await expect(unmapped.getByRole("row").filter({ hasText: "acme.tenant" }).locator("td")).toHaveText(["acme.tenant", tenant]);
  await expect(unmapped.getByRole("row").filter({ hasText: "gen_ai.usage.output_tokens" }).locator("td")).toHaveText(["gen_ai.usage.output_tokens", "many"]);
  await expect(unmapped.getByRole("row").filter({ hasText: "gen_ai.request.model" }).locator("td")).toHaveText(["gen_ai.request.model", "gpt-4o-mini"]);
  await expect(inspector.getByRole("table", { name: "Unmapped resource attributes" })).toContainText("worker-e2e");
  await expect(inspector).toContainText("opentelemetry.instrumentation.openai_v2 2.1b0");
  await expect(inspector).toContainText("client");

  const warnings = inspector.getByRole("list", { name: "Mapping warnings" }).getByRole("listitem");
  await expect(warnings).toHaveCount(1);
  await expect(warnings.first()).toContainText('gen_ai.usage.output_tokens: expected an integer');
  await expect(warnings.first()).toContainText('"many"');

  await inspector.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "docs/screenshots/otlp-inspector.png" });

  // The raw provenance stays available, folded.
  const raw = page.getByTestId("event-detail").getByLabel("OpenTelemetry provenance");
  await expect(raw).toBeHidden();
  await page.getByText("Raw provenance (JSON)").click();
  await expect(raw).toContainText(`"acme.tenant": "${tenant}"`);
});
