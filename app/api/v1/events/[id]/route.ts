import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { getEvent } from "@/lib/events/get-event";

export const GET = withApi((_req, { db, projectId, params }) => json(getEvent(db, projectId, params.id)), { scope: "read" });
