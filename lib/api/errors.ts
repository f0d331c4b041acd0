/**
 * Typed errors thrown by services and converted once, in the route wrapper, to
 * `{ "error": { "code", "message", "details"?, "requestId" } }` with the matching status.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends ApiError {
  constructor(message: string, details?: ErrorDetail[]) {
    super(400, "invalid_request", message, details);
  }
}

export class UnauthorizedError extends ApiError {
  constructor(message = "Missing or invalid credentials") {
    super(401, "unauthorized", message);
  }
}

export class ForbiddenError extends ApiError {
  constructor(message = "Not allowed") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends ApiError {
  constructor(message = "Not found") {
    super(404, "not_found", message);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(message: string) {
    super(413, "payload_too_large", message);
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor(message: string) {
    super(415, "unsupported_media_type", message);
  }
}

export class RateLimitedError extends ApiError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, "rate_limited", message, undefined, { "Retry-After": String(retryAfterSeconds) });
  }
}

export class UnavailableError extends ApiError {
  constructor(message: string, retryAfterSeconds: number) {
    super(503, "unavailable", message, undefined, { "Retry-After": String(retryAfterSeconds) });
  }
}

/** zod issue list → `details`, with dotted paths such as `events.3.latencyMs`. */
export function zodDetails(issues: { path: PropertyKey[]; message: string }[], prefix = ""): ErrorDetail[] {
  return issues.map((i) => ({ path: joinPath(prefix, i.path), message: i.message }));
}

export function joinPath(prefix: string, path: PropertyKey[]): string {
  const parts = path.map(String);
  return [prefix, ...parts].filter((p) => p !== "").join(".");
}
