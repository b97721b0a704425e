// Request and reply schemas of users and roles administration.
import { z } from "zod";
import { ROLES } from "../core/auth/roles.js";
import { errorReplies } from "../core/http/schemas.js";
import { PERSON_ROLES } from "./model.js";

const roles = z
  .array(z.enum(PERSON_ROLES))
  .min(1, "at least one role")
  .max(PERSON_ROLES.length)
  .refine((r) => new Set(r).size === r.length, "each role once");
const displayName = z.string().trim().min(1).max(60);
const password = z.string().min(8, "at least 8 characters").max(200);

export const usernameParam = z.object({ username: z.string().min(1).max(40) });

export const createUserBody = z.strictObject({
  username: z.string().regex(/^[a-z][a-z0-9._-]{1,39}$/, "2–40 lower-case letters, digits, '.', '_' or '-', starting with a letter"),
  displayName,
  roles,
  password,
  active: z.boolean().optional(),
});

export const patchUserBody = z
  .strictObject({ displayName: displayName.optional(), roles: roles.optional(), active: z.boolean().optional(), password: password.optional() })
  .refine((b) => Object.keys(b).length > 0, "at least one field to change");

export const userReply = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});

// The three routes' options (access and schema), so routes.ts says only what each one does.
const admin = { access: "users.admin" as const };

export const listUsersRoute = {
  config: admin,
  schema: { tags: ["users"], summary: "People who can sign in, with their roles", response: { 200: z.object({ users: z.array(userReply) }), ...errorReplies } },
};

export const createUserRoute = {
  config: admin,
  schema: {
    tags: ["users"],
    summary: "Add a person: username, display name, roles (not integration) and an initial password (stored as an argon2 hash)",
    body: createUserBody,
    response: { 201: userReply, ...errorReplies },
  },
};

export const patchUserRoute = {
  config: admin,
  schema: {
    tags: ["users"],
    summary:
      "Change a person's display name, roles or active flag, or reset the password (ends their sessions); the last active admin cannot be deactivated or lose the admin role",
    params: usernameParam,
    body: patchUserBody,
    response: { 200: userReply, ...errorReplies },
  },
};

export const createTokenRoute = {
  config: admin,
  schema: {
    tags: ["users"],
    summary: "Create an API token for an integration (EDI, WMS) and answer it once (stored as a hash): what `lvyue token create` does, while the server runs",
    body: z.strictObject({
      name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,59}$/, "1–60 lower-case letters, digits, '.', '_' or '-'"),
      roles: z
        .array(z.enum(ROLES))
        .min(1)
        .max(ROLES.length)
        .refine((r) => new Set(r).size === r.length, "each role once")
        .default(["integration"]),
    }),
    response: { 201: z.object({ name: z.string(), roles: z.array(z.string()), token: z.string() }), ...errorReplies },
  },
};
