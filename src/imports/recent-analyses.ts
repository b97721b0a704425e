// The reading of a file kept for a few minutes after its dry run, so that the commit which follows (the
// same bytes uploaded again with the same options) neither parses nor cleans the file a second time.
// Reading and cleaning are pure functions of the bytes and the options, so the kept result is exact.
const MAX_ENTRIES = 2;
const KEEP_MS = 10 * 60_000;

export class RecentAnalyses<T> {
  private readonly entries = new Map<string, { at: number; value: T }>();

  constructor(
    private readonly max = MAX_ENTRIES,
    private readonly keepMs = KEEP_MS,
    private readonly now = () => Date.now(),
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.keepMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T) {
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), value });
    // A Map iterates in insertion order: the first key is the oldest.
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string) {
    this.entries.delete(key);
  }
}
