/** Both drivers' raw `db.execute` results as plain rows (PGlite wraps them in `rows`, postgres.js does not). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
