// Which version of a BOM or routing applies on a day: the newest one whose effective date has come.
export interface VersionHeader {
  id: number;
  version: number;
  effective_from: string;
}

export function effectiveVersion<T extends VersionHeader>(versions: T[], day: string): T | undefined {
  return versions.filter((v) => v.effective_from <= day).sort((a, b) => b.version - a.version)[0];
}
