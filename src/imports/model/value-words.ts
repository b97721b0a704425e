// Closed lists a ledger writes in its own words (order statuses, customer grades, item kinds): the
// words we know map by default; a word we do not know is a question for the user, answered once in the
// import's `values` map (kept in the mapping template) and applied from then on.

/** field → the ledger's word (as written, or normalised) → one of our values. */
export type ValueAnswers = Record<string, Record<string, string>>;

export interface Vocabulary {
  /** Our values, the only ones an answer may name. */
  values: readonly string[];
  words: Map<string, string>;
}

/** The form words are compared in: width folded, lower case, without spaces, _ - · and trailing punctuation. */
export function wordKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-·・]+/g, "")
    .replace(/[。.,，;；!！]+$/, "");
}

export function vocabulary(values: readonly string[], words: Record<string, string[]>): Vocabulary {
  const map = new Map<string, string>();
  for (const [value, list] of Object.entries(words)) for (const w of [value, ...list]) map.set(wordKey(w), value);
  return { values, words: map };
}

export type WordResult = { ok: true; value: string } | { ok: false; key: string };

/** The user's answer first (by the same normalised key), then the words we know. */
export function lookupWord(vocab: Vocabulary, text: string, answers: Record<string, string> = {}): WordResult {
  const key = wordKey(text);
  for (const [word, value] of Object.entries(answers)) if (wordKey(word) === key) return { ok: true, value };
  const value = vocab.words.get(key);
  return value === undefined ? { ok: false, key } : { ok: true, value };
}
