// What this instance expects the next order intake to find: the day's next number and the master and
// rules revisions of its last intake. An intake that finds them so (checked by the database, in the
// statement that writes the order) needs no transaction of its own; any other finds out and takes the
// transactional path, which sets the expectation afresh.
interface Guess {
  day: string;
  nextSeq: number;
  revisions: { master: number; rules: number };
  /** Settles when the statement of the last number claimed has run. */
  lane: Promise<void>;
}
const guesses = new WeakMap<object, Guess>();

export function expectNext(db: object, day: string, nextSeq: number, revisions: Guess["revisions"]): void {
  guesses.set(db, { day, nextSeq, revisions, lane: Promise.resolve() });
}

export function currentGuess(db: object, day: string): Readonly<Guess> | undefined {
  const guess = guesses.get(db);
  return guess?.day === day ? guess : undefined;
}

/**
 * Claims the expected number; concurrent intakes on this instance each claim the following one. Their
 * statements must reach the database in the order of their numbers (each takes its number only if the
 * one before was taken): `turn` settles once the previous claimant's statement has run, and the
 * claimant calls `done` once its own has (whatever the outcome).
 */
export function claimNumber(db: object): { seq: number; turn: Promise<void>; done: () => void } {
  const guess = guesses.get(db);
  if (!guess) throw new Error("no expected number to claim");
  const turn = guess.lane;
  let done = () => {};
  guess.lane = new Promise<void>((resolve) => {
    done = resolve;
  });
  return { seq: guess.nextSeq++, turn, done };
}

export function forgetGuess(db: object): void {
  guesses.delete(db);
}
