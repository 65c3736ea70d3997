// The one error type of the API: an Alibaba error code, its HTTP status and its message.
// Thrown anywhere below the protocol layer, rendered in one place (protocol/render.ts).

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The same code and status with another of the messages Alibaba uses for it. */
  withMessage(message: string): ApiError {
    return new ApiError(this.code, this.status, message);
  }
}

/** Replaces each `%s` of an Alibaba message template with the next argument. */
export function formatMessage(template: string, args: readonly string[]): string {
  let i = 0;
  return template.replace(/%s/g, () => (i < args.length ? String(args[i++]) : '%s'));
}
