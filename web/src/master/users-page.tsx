// Admin: the people who can sign in and their roles, as a page of its own (the admin board shows the same card).
import { api } from "../api/client";
import { useLiveData } from "../api/use-live-data";
import type { UserRow } from "../users/user-form";
import { UsersCard } from "../users/users-card";

export function UsersPage() {
  const list = useLiveData(
    () => api<{ users: UserRow[] }>("GET", "/api/users"),
    [],
    (c) => c.kind === "master",
  );
  return <UsersCard users={list.data?.users} onChanged={() => void list.reload()} />;
}
