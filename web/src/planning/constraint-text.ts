// The binding constraint of a promise in words: which work centre or which material, and until when.
import type { TFunction } from "i18next";
import type { Constraint } from "../api/plan-types";

export function constraintText(t: TFunction, c: Constraint): string {
  switch (c.kind) {
    case "work_centre":
      return t(`plan.constraint.centre_${c.why}`, { name: c.name, code: c.workCentre, until: c.until ?? "—" });
    case "material":
      return t(c.newPurchase ? "plan.constraint.purchase" : "plan.constraint.material", { name: c.name, sku: c.sku, short: c.short, date: c.readyDate ?? "—" });
    case "processing":
      return t("plan.constraint.processing", { days: c.days });
    case "horizon":
      return t("plan.constraint.horizon");
  }
}
