import { NextResponse } from "next/server";
import type { ApiError } from "./errors";

export function errorBody(err: ApiError, requestId: string) {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
      requestId,
    },
  };
}

export function errorResponse(err: ApiError, requestId: string): Response {
  return NextResponse.json(errorBody(err, requestId), {
    status: err.status,
    headers: { "x-request-id": requestId, ...err.headers },
  });
}

export function json(body: unknown, status = 200): Response {
  return NextResponse.json(body, { status });
}
