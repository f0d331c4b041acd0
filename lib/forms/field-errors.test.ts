import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiRequestError } from "@/lib/queries/api-client";
import { fieldErrorsOf, fieldErrorsOfError, splitErrors } from "./field-errors";

describe("field errors", () => {
  it("names each failing field once, from zod issues", () => {
    const r = z.object({ name: z.string().min(1), scope: z.object({ feature: z.string() }) }).safeParse({ name: "", scope: {} });
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!.issues);
    expect(Object.keys(errors).sort()).toEqual(["name", "scope.feature"]);
  });

  it("reads the API's details, and nothing from other errors", () => {
    const e = new ApiRequestError(400, "invalid_request", "Invalid", [{ path: "warningThreshold", message: "must be at or below threshold" }, { path: "warningThreshold", message: "second" }]);
    expect(fieldErrorsOfError(e)).toEqual({ warningThreshold: "must be at or below threshold" });
    expect(fieldErrorsOfError(new Error("network"))).toEqual({});
  });

  it("keeps details that name no field of the form as messages of their own", () => {
    const { byField, other } = splitErrors({ "rubric.1.options": "options must be distinct", "scope.budgetId": "no", "": "give either" }, ["rubric.1.options", "name"]);
    expect(byField).toEqual({ "rubric.1.options": "options must be distinct" });
    expect(other).toEqual(["scope.budgetId: no", "give either"]);
  });
});
