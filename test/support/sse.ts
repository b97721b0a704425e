// Reads a Server-Sent Events stream in a test: collects `change` messages and waits for one that matches.
export interface EventStream {
  status: number;
  changes: Record<string, unknown>[];
  /** Resolves when the server ends the stream (or close() aborts it). */
  ended: Promise<void>;
  waitFor(match: (change: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): void;
}

export async function openEventStream(url: string, cookie: string): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/events/stream`, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  const changes: Record<string, unknown>[] = [];
  const waiters: { match: (c: Record<string, unknown>) => boolean; resolve: (c: Record<string, unknown>) => void }[] = [];
  let ended: Promise<void> = Promise.resolve();
  if (res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    ended = (async () => {
      let buffer = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = message
              .split("\n")
              .filter((l) => l.startsWith("data: "))
              .map((l) => l.slice(6))
              .join("\n");
            if (data && message.includes("event: change")) {
              const change = JSON.parse(data) as Record<string, unknown>;
              changes.push(change);
              for (const w of [...waiters]) {
                if (w.match(change)) {
                  waiters.splice(waiters.indexOf(w), 1);
                  w.resolve(change);
                }
              }
            }
            end = buffer.indexOf("\n\n");
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: res.status,
    changes,
    ended,
    waitFor(match, timeoutMs = 1000) {
      const seen = changes.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching change within ${timeoutMs} ms; got ${JSON.stringify(changes)}`)), timeoutMs);
        waiters.push({
          match,
          resolve: (c) => {
            clearTimeout(timer);
            resolve(c);
          },
        });
      });
    },
    close: () => controller.abort(),
  };
}
