// Fans the database's change notifications out to this instance's open event streams.
import type { Listen } from "../core/db/listen.js";
import { CHANGE_CHANNEL, type Change, parseChange } from "./model/change.js";

export type ChangeListener = (change: Change) => void;

export class ChangeHub {
  private readonly listeners = new Set<ChangeListener>();
  private unlisten: (() => Promise<void>) | undefined;

  async start(listen: Listen): Promise<void> {
    this.unlisten = await listen(CHANGE_CHANNEL, (payload) => {
      const change = parseChange(payload);
      if (!change) return;
      for (const listener of this.listeners) listener(change);
    });
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    await this.unlisten?.();
    this.unlisten = undefined;
  }
}
