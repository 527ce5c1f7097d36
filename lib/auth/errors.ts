/**
 * Refusals the data layer throws; route handlers turn them into answers. `reason` is a key of
 * `apiErrors` in messages/*.json, so the person reads it in their language.
 */
export class RequestRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly reason: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(reason);
    this.name = "RequestRefused";
  }
}

/** The caller may not do this (403). */
export class AccessDenied extends RequestRefused {
  constructor(reason: string, values: Record<string, string | number> = {}) {
    super(403, reason, values);
  }
}

/** The thing asked for does not exist (404). */
export class NotFound extends RequestRefused {
  constructor(reason: string, values: Record<string, string | number> = {}) {
    super(404, reason, values);
  }
}
