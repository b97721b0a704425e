// PostgreSQL's unique-violation error (SQLSTATE 23505), the same from pg and PGlite.

/** True when the error is a unique violation, of the given constraint if one is named. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== "23505") return false;
  return !constraint || e.constraint === constraint || (e.message ?? "").includes(constraint);
}
