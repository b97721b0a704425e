// The origin put in front of links handed to customers: the configured public URL, else the one the
// caller used to reach this instance.
import type { FastifyRequest } from "fastify";
import type { Config } from "../core/config.js";

export function publicBase(config: Config, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}
