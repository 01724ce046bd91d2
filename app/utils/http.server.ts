/** Throws a Response with this status unless `condition` holds (the Epic Stack's invariantResponse). */
export function invariantResponse(condition: unknown, message: string, status = 400): asserts condition {
  if (!condition) throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A 404 that says nothing about whether the thing exists for someone else. */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** A 403 in plain words. */
export function forbidden(message = "You do not have permission to do that."): never {
  throw new Response(message, { status: 403 });
}

/**
 * Only allows redirects to our own paths (never `//evil.example` or an absolute URL). Control
 * characters are refused too: browsers drop tabs and newlines from URLs, so `/\t/evil.example`
 * would otherwise become `//evil.example`.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard") {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (typeof to !== "string" || /[\u0000-\u001f\u007f]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route param that must be an id; anything else is simply "not found" (never a database error). */
export function requireIdParam(value: string | undefined): string {
  if (!value || !UUID.test(value)) notFound();
  return value;
}
