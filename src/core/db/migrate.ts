// Applies the versioned migrations in order; safe to call at every start and from several instances
// (Kysely's migrator takes an advisory lock).
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as foundation from "./migrations/20261125000000_foundation.js";
import * as rules from "./migrations/20261125010000_rules.js";
import * as ruleTriggers from "./migrations/20261125020000_rule_triggers.js";
import * as masterRevision from "./migrations/20261125021000_master_revision.js";
import * as planning from "./migrations/20261125030000_planning.js";
import * as imports from "./migrations/20261125040000_imports.js";
import * as outcomeMetrics from "./migrations/20261125050000_outcome_metrics.js";
import * as savedViews from "./migrations/20261125060000_saved_views.js";
import * as aftersales from "./migrations/20261125070000_aftersales.js";
import * as dwellSampleKeyIndex from "./migrations/20261125080000_dwell_sample_key_index.js";
import * as outcomeRollups from "./migrations/20261125090000_outcome_rollups.js";
import * as orderDisagreements from "./migrations/20261125090100_order_disagreements.js";
import * as dwellWeekRollups from "./migrations/20261125090200_dwell_week_rollups.js";
import * as autonomyDays from "./migrations/20261125090300_autonomy_days.js";
import * as itemDeliveryDays from "./migrations/20261125090400_item_delivery_days.js";
import * as visitRules from "./migrations/20261125100000_visit_rules.js";
import * as authChangeNotify from "./migrations/20261126020000_auth_change_notify.js";
import * as refuseStatement from "./migrations/20261127000000_refuse_statement.js";
import * as taskOutcomes from "./migrations/20261202030000_task_outcomes.js";
import * as customerAddresses from "./migrations/20261202040000_customer_addresses.js";
import * as honestPromises from "./migrations/20261202060000_honest_promises.js";
import * as scopedIdempotencyKeys from "./migrations/20261202070000_scoped_idempotency_keys.js";
import * as production from "./migrations/20261202080000_production.js";
import * as dispatchBaselines from "./migrations/20261203300000_dispatch_baselines.js";
import * as shipmentLines from "./migrations/20261203400000_shipment_lines.js";
import * as dropRefuseStatement from "./migrations/20261203500000_drop_refuse_statement.js";
import * as plantSettings from "./migrations/20261203600000_plant_settings.js";
import * as importTemplateValues from "./migrations/20261203700000_import_template_values.js";
import * as purchasing from "./migrations/20261204100000_purchasing.js";
import * as engineeringChanges from "./migrations/20261204200000_engineering_changes.js";
import * as finance from "./migrations/20261204300000_finance.js";
import * as quotes from "./migrations/20261204400000_quotes.js";
import * as promiseHolds from "./migrations/20261204500000_promise_holds.js";
import * as customerAliases from "./migrations/20261204600000_customer_aliases.js";
import * as quotePromiseHolds from "./migrations/20261205300000_quote_promise_holds.js";

const migrations: Record<string, Migration> = {
  "20261125000000_foundation": foundation,
  "20261125010000_rules": rules,
  "20261125020000_rule_triggers": ruleTriggers,
  "20261125021000_master_revision": masterRevision,
  "20261125050000_outcome_metrics": outcomeMetrics,
  "20261125040000_imports": imports,
  "20261125030000_planning": planning,
  "20261125070000_aftersales": aftersales,
  "20261125060000_saved_views": savedViews,
  "20261125080000_dwell_sample_key_index": dwellSampleKeyIndex,
  "20261125090000_outcome_rollups": outcomeRollups,
  "20261125090100_order_disagreements": orderDisagreements,
  "20261125090200_dwell_week_rollups": dwellWeekRollups,
  "20261125090300_autonomy_days": autonomyDays,
  "20261125090400_item_delivery_days": itemDeliveryDays,
  "20261125100000_visit_rules": visitRules,
  "20261126020000_auth_change_notify": authChangeNotify,
  "20261127000000_refuse_statement": refuseStatement,
  "20261202030000_task_outcomes": taskOutcomes,
  "20261202040000_customer_addresses": customerAddresses,
  "20261202060000_honest_promises": honestPromises,
  "20261202070000_scoped_idempotency_keys": scopedIdempotencyKeys,
  "20261202080000_production": production,
  "20261203300000_dispatch_baselines": dispatchBaselines,
  "20261203400000_shipment_lines": shipmentLines,
  "20261203500000_drop_refuse_statement": dropRefuseStatement,
  "20261203600000_plant_settings": plantSettings,
  "20261203700000_import_template_values": importTemplateValues,
  "20261204100000_purchasing": purchasing,
  "20261204200000_engineering_changes": engineeringChanges,
  "20261204300000_finance": finance,
  "20261204400000_quotes": quotes,
  "20261204500000_promise_holds": promiseHolds,
  "20261204600000_customer_aliases": customerAliases,
  "20261205300000_quote_promise_holds": quotePromiseHolds,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever schema the database has
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Names of the migrations, oldest first (an upgrade test starts from a prefix of them). */
export const MIGRATION_NAMES: string[] = Object.keys(migrations).sort();

/** Migrates up (or down) to the named migration: how a test builds the previous release's schema. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever schema the database has
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error;
}
