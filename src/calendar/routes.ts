// HTTP routes of the plant calendar: everyone reads it; planners (and admin) edit shutdowns and extra
// working days, shifts per work centre, and maintenance windows.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies, isoDate } from "../core/http/schemas.js";
import { getCalendar } from "./get-calendar.js";
import { createCalendarException, deleteCalendarException, updateCalendarException } from "./save-calendar-exception.js";
import { createMaintenanceWindow, deleteMaintenanceWindow, updateMaintenanceWindow } from "./save-maintenance-window.js";
import { updateWorkCentreShifts } from "./save-work-centre-shifts.js";
import { loadWorkCentres } from "./store.js";

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const reason = z.string().trim().min(1).max(200);
const exceptionBody = z.strictObject({ dayFrom: isoDate, dayTo: isoDate, kind: z.enum(["shutdown", "extra_working"]), reason });
const instant = z.iso.datetime({ offset: true });
const maintenanceBody = z.strictObject({ workCentre: z.string().min(1).max(40), startsAt: instant, endsAt: instant, reason });
const shiftsBody = z
  .strictObject({
    shifts: z.number().int().min(1).max(3).optional(),
    hoursPerShift: z.number().gt(0).max(12).multipleOf(0.25).optional(),
    parallelUnits: z.number().int().min(1).max(100).optional(),
    loadThreshold: z.number().gt(0).max(1).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "at least one field to change");

const workCentreReply = z.object({
  code: z.string(),
  name: z.string(),
  shifts: z.number(),
  hoursPerShift: z.number(),
  parallelUnits: z.number(),
  loadThreshold: z.number(),
});
const exceptionReply = z.object({
  id: z.number(),
  dayFrom: z.string(),
  dayTo: z.string(),
  kind: z.string(),
  reason: z.string(),
  createdBy: z.string().optional(),
});
const maintenanceReply = z.object({
  id: z.number(),
  workCentre: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string(),
  createdBy: z.string(),
});
const dayReply = z.object({
  date: z.string(),
  working: z.boolean(),
  reason: z.enum(["workday", "weekend", "holiday", "adjusted_workday", "shutdown", "extra_working"]),
  note: z.string().nullable().describe("the holiday's or the exception's name"),
  provisional: z.boolean().describe("statutory status derived from the law: the year's arrangement is not published yet"),
  hours: z.number().describe("shift hours of one unit (summed over centres without workCentre)"),
  capacityHours: z.number().describe("all units' hours less maintenance"),
  loadLimitHours: z.number().describe("capacity × load threshold: what planning loads at most"),
  maintenance: z.array(z.object({ id: z.number(), workCentre: z.string(), from: z.string(), to: z.string(), hours: z.number(), reason: z.string() })),
});

export function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/calendar",
    {
      config: { access: "session" },
      schema: {
        tags: ["calendar"],
        summary: "Working calendar: each day worked or not and why, hours and capacity (one work centre, or summed over all)",
        querystring: z.strictObject({ from: isoDate, to: isoDate, workCentre: z.string().min(1).max(40).optional() }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            workCentre: z.string().nullable(),
            statutory: z.object({ source: z.string(), coveredYears: z.array(z.number()), provisionalYears: z.array(z.number()) }),
            workCentres: z.array(workCentreReply),
            days: z.array(dayReply),
            exceptions: z.array(exceptionReply),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => getCalendar(deps.db, request.query),
  );
  r.get(
    "/api/calendar/work-centres",
    {
      config: { access: "session" },
      schema: {
        tags: ["calendar"],
        summary: "Work centres with their shifts",
        response: { 200: z.object({ workCentres: z.array(workCentreReply) }), ...errorReplies },
      },
    },
    async () => ({ workCentres: await loadWorkCentres(deps.db) }),
  );
  r.put(
    "/api/calendar/work-centres/:code",
    {
      config: { access: "planning.write" },
      schema: {
        tags: ["calendar"],
        summary: "Change a work centre's shifts, hours per shift, parallel units or load threshold",
        params: z.object({ code: z.string().min(1).max(40) }),
        body: shiftsBody,
        response: { 200: workCentreReply, ...errorReplies },
      },
    },
    async (request) => updateWorkCentreShifts(deps.db, requirePrincipal(request), request.params.code, request.body),
  );
  r.post(
    "/api/calendar/exceptions",
    {
      config: { access: "planning.write" },
      schema: {
        tags: ["calendar"],
        summary: "Add a plant shutdown or extra working day(s)",
        body: exceptionBody,
        response: { 201: exceptionReply, ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await createCalendarException(deps.db, requirePrincipal(request), request.body)),
  );
  r.put(
    "/api/calendar/exceptions/:id",
    {
      config: { access: "planning.write" },
      schema: {
        tags: ["calendar"],
        summary: "Change a shutdown or extra working day",
        params: idParams,
        body: exceptionBody,
        response: { 200: exceptionReply, ...errorReplies },
      },
    },
    async (request) => updateCalendarException(deps.db, requirePrincipal(request), request.params.id, request.body),
  );
  r.delete(
    "/api/calendar/exceptions/:id",
    {
      config: { access: "planning.write" },
      schema: { tags: ["calendar"], summary: "Remove a shutdown or extra working day", params: idParams, response: { 204: z.null(), ...errorReplies } },
    },
    async (request, reply) => {
      await deleteCalendarException(deps.db, requirePrincipal(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.post(
    "/api/calendar/maintenance",
    {
      config: { access: "planning.write" },
      schema: {
        tags: ["calendar"],
        summary: "Add a maintenance window to a work centre",
        body: maintenanceBody,
        response: { 201: maintenanceReply, ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await createMaintenanceWindow(deps.db, requirePrincipal(request), request.body)),
  );
  r.put(
    "/api/calendar/maintenance/:id",
    {
      config: { access: "planning.write" },
      schema: {
        tags: ["calendar"],
        summary: "Move or change a maintenance window",
        params: idParams,
        body: maintenanceBody,
        response: { 200: maintenanceReply, ...errorReplies },
      },
    },
    async (request) => updateMaintenanceWindow(deps.db, requirePrincipal(request), request.params.id, request.body),
  );
  r.delete(
    "/api/calendar/maintenance/:id",
    {
      config: { access: "planning.write" },
      schema: { tags: ["calendar"], summary: "Remove a maintenance window", params: idParams, response: { 204: z.null(), ...errorReplies } },
    },
    async (request, reply) => {
      await deleteMaintenanceWindow(deps.db, requirePrincipal(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
