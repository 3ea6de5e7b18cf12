/* -------------------------------------------------------------------------------------------------
 * Small assertions for the contract kit
 *
 * The kit must run under any test runner, so it brings its own checks. Each throws an `Error`
 * whose message says what the adapter did and what the contract asks for instead.
 * -----------------------------------------------------------------------------------------------*/

/** The error every failed contract check throws. */
class AdapterContractError extends Error {
  override readonly name = 'AdapterContractError';
}

function fail(message: string): never {
  throw new AdapterContractError(message);
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** Resolves with what the promise rejected with; fails with `message` when it resolves instead. */
async function rejection(promise: Promise<unknown>, message: string): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  return fail(`${message} It resolved with ${show(value)}.`);
}

/**
 * Whether an error is a `ConnectionsError`, judged by shape: an adapter and this kit may load two
 * copies of the class (one per entry point, ESM and CommonJS), so `instanceof` would mislead.
 */
function isConnectionsErrorLike(error: unknown): error is Error & { code: string; retryable: boolean; cause?: unknown } {
  return (
    error instanceof Error &&
    error.name === 'ConnectionsError' &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { retryable?: unknown }).retryable === 'boolean'
  );
}

/** Whether the error is an abort, directly or as the `cause` of a wrapping error. */
function isAbortError(error: unknown, reason: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    if (current === reason) return true;
    if (typeof current === 'object' && (current as { name?: unknown }).name === 'AbortError') return true;
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return false;
}

/** A short description of any value for a message. */
function show(value: unknown): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return `${value.name}${typeof code === 'string' ? ` (${code})` : ''}: ${value.message}`;
  }
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
  } catch {
    return String(value);
  }
}

export { AdapterContractError, check, fail, isAbortError, isConnectionsErrorLike, rejection, show };
