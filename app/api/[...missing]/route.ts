import { randomUUID } from "node:crypto";
import { NotFoundError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/responses";

/** Unknown API paths answer in the API's error shape, not with the dashboard's 404 page. */
function missing(req: Request): Response {
  return errorResponse(new NotFoundError(`No API endpoint at ${new URL(req.url).pathname}`), randomUUID());
}

export const GET = missing;
export const POST = missing;
export const PUT = missing;
export const PATCH = missing;
export const DELETE = missing;
