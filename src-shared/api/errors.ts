/**
 * Errors that cross the contract boundary. They travel as `{ name, message }` over IPC and HTTP
 * and are rebuilt as ApiError on the other side, so the UI can react to the name.
 */

/** The error names a contract method can fail with. */
export const apiErrorNames = [
  'ValidationError',
  'NotFound',
  'NotAvailable',
  'Busy',
  'ImportError',
  'Unauthorized',
  'InternalError',
] as const;
export type ApiErrorName = (typeof apiErrorNames)[number];

/** The wire form of an error. */
export interface ApiErrorShape {
  name: ApiErrorName;
  message: string;
}

/** An error a contract method reports on purpose; anything else becomes InternalError. */
export class ApiError extends Error {
  override readonly name: ApiErrorName;

  constructor(name: ApiErrorName, message: string) {
    super(message);
    this.name = name;
  }
}

/** The wire form of any thrown value; unknown errors keep their message but become InternalError. */
export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof ApiError) return { name: error.name, message: error.message };
  if (error instanceof Error) {
    const known = (apiErrorNames as readonly string[]).includes(error.name);
    return { name: known ? (error.name as ApiErrorName) : 'InternalError', message: error.message };
  }
  return { name: 'InternalError', message: String(error) };
}

/** Rebuild an ApiError from its wire form (a malformed shape becomes InternalError). */
export function fromErrorShape(shape: unknown): ApiError {
  const candidate = shape as Partial<ApiErrorShape> | null;
  const name = candidate && (apiErrorNames as readonly string[]).includes(String(candidate.name)) ? (candidate.name as ApiErrorName) : 'InternalError';
  const message = candidate && typeof candidate.message === 'string' ? candidate.message : 'unknown error';
  return new ApiError(name, message);
}
