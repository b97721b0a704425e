// Who is signed in: read once from GET /api/auth/me, set by sign-in, cleared by sign-out.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, api } from "../api/client";
import type { Me } from "../api/types";

interface Session {
  me: Me | null | undefined;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api<Me>("GET", "/api/auth/me")
      .then(setMe)
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) setMe(null);
        else throw e;
      });
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    await api("POST", "/api/auth/login", { username, password });
    const who = await api<Me>("GET", "/api/auth/me");
    setMe(who);
    return who;
  }, []);
  const signOut = useCallback(async () => {
    await api("POST", "/api/auth/logout").catch(() => {});
    setMe(null);
  }, []);
  return <SessionContext.Provider value={{ me, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

const HOME_ORDER = ["admin", "sales", "service", "planner", "purchasing", "warehouse", "engineering", "finance", "production"];

/** The board a person lands on: their first role's (admin's own board for admins). */
export function homeBoard(roles: readonly string[]): string {
  return HOME_ORDER.find((r) => roles.includes(r)) ?? "service";
}

/** Boards a person may open: their roles' boards; admin sees every board. */
export function boardsFor(roles: readonly string[]): string[] {
  // The planner watches the shop floor's board too.
  return roles.includes("admin") ? HOME_ORDER : HOME_ORDER.filter((r) => roles.includes(r) || (r === "production" && roles.includes("planner")));
}
