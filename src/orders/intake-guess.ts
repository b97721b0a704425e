// What this instance expects the next order intake to find: the day's next number and the master and
// rules revisions of its last intake. An intake that finds them so (checked by the database, in the
// statement that writes the order) needs no transaction of its own; any other finds out and takes the
// transactional path, which sets the expectation afresh.
interface Guess {
  day: string;
  nextSeq: number;
  revisions: { master: number; rules: number };
}
const guesses = new WeakMap<object, Guess>();

export function expectNext(db: object, day: string, nextSeq: number, revisions: Guess["revisions"]): void {
  guesses.set(db, { day, nextSeq, revisions });
}

export function currentGuess(db: object, day: string): Readonly<Guess> | undefined {
  const guess = guesses.get(db);
  return guess?.day === day ? guess : undefined;
}

/** Claims the expected number; concurrent intakes on this instance each claim the following one. */
export function claimNumber(db: object): number {
  const guess = guesses.get(db);
  if (!guess) throw new Error("no expected number to claim");
  return guess.nextSeq++;
}

export function forgetGuess(db: object): void {
  guesses.delete(db);
}
