// Display names of the plant's people (吴财务, not finance), read once per tab.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { Person } from "../api/types";

let cached: Promise<Person[]> | undefined;

export function usePeople() {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    cached ??= api<{ people: Person[] }>("GET", "/api/tasks/people")
      .then((r) => r.people)
      .catch(() => {
        cached = undefined;
        return [];
      });
    let live = true;
    void cached.then((p) => live && setPeople(p));
    return () => {
      live = false;
    };
  }, []);
  const nameOf = (username: string | null | undefined) => (username ? (people.find((p) => p.username === username)?.displayName ?? username) : "—");
  return { people, nameOf };
}
