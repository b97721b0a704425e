// Serves the web app's Vite build from the API server: hashed assets under /assets/, and index.html for
// any other browser path (client-side routes), while unknown /api/ paths keep their JSON 404.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../../web/dist", import.meta.url));

const NOT_THE_APP = /^\/(api|docs|metrics|openapi\.json)(\/|$|\?)/;

/** Registers the static files when a build exists; returns the SPA fallback for the not-found handler. */
export async function registerWebApp(app: FastifyInstance, dir: string) {
  if (!existsSync(`${dir}/index.html`)) return undefined;
  await app.register(fastifyStatic, { root: dir, serve: false });
  const file = (name: string, immutable: boolean) => async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.sendFile(name, { immutable, maxAge: immutable ? 31_536_000_000 : 0, cacheControl: true });
  app.get("/assets/*", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    const name = (request.params as { "*": string })["*"];
    // A traversal (../, ..\ once decoded) is no file of the build: answered as any unknown path.
    if (name.split(/[\\/]/).includes("..") || name.includes("\\")) {
      throw new AppError("not_found", "not_found.route", { method: request.method, url: request.url.split("?")[0] });
    }
    return file(`assets/${name}`, true)(request, reply);
  });
  app.get("/favicon.svg", { config: { access: "public" }, schema: { hide: true } }, file("favicon.svg", false));
  return (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (request.method !== "GET" || NOT_THE_APP.test(request.url) || !request.headers.accept?.includes("text/html")) return false;
    reply.header("cache-control", "no-cache").sendFile("index.html");
    return true;
  };
}
