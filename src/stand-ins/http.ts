// Small node:http helpers shared by the local stand-ins.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The request body as UTF-8 text, or null when it is larger than maxBytes. */
export async function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** What an upstream gateway answers when the service behind it is down. */
export function sendBadGateway(res: ServerResponse): void {
  if (res.headersSent || res.destroyed) return;
  const html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";
  res.writeHead(502, { "content-type": "text/html", "content-length": Buffer.byteLength(html) });
  res.end(html);
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Timers for "slow" mode that stop() can cancel. */
export class Delays {
  private readonly timers = new Set<NodeJS.Timeout>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

export interface RunningServer {
  server: Server;
  url: string;
  stop: () => Promise<void>;
}

/** Starts a server; the handler's errors become a 500 instead of an unhandled rejection. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port: number, host: string): Promise<RunningServer> {
  const listener: RequestListener = (req, res) => {
    handler(req, res).catch((error: unknown) => {
      sendJson(res, 500, { error: { code: "internal", message: error instanceof Error ? error.message : String(error) } });
    });
  };
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopped;
  };
  return { server, url: `http://${hostPart}:${address.port}`, stop };
}
