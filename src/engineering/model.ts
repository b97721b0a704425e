// Which version of a BOM or routing applies on a day: the newest released one whose effective date has
// come (a draft never applies).
export interface VersionHeader {
  id: number;
  version: number;
  effective_from: string;
  status?: string;
}

export function effectiveVersion<T extends VersionHeader>(versions: T[], day: string): T | undefined {
  return versions.filter((v) => v.effective_from <= day && v.status !== "draft").sort((a, b) => b.version - a.version)[0];
}
