// A board's figures from GET /api/dashboards/:role, reloaded live on every change the caller may see.
import { api } from "../api/client";
import { useLiveData } from "../api/use-live-data";

export function useBoard<T>(role: string) {
  return useLiveData(() => api<T>("GET", `/api/dashboards/${role}`), [role]);
}
