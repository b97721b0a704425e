// Engineering changes (decision 0068): BOM and routing versions get a life (draft → released →
// superseded; only a draft may change, which the database enforces too), BOM lines a scrap factor and
// substitutes, and change notices (ECN) with their typed change lines and one decision per affected row.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table bom_versions add column status text not null default 'released' check (status in ('draft','released','superseded'));
    alter table bom_versions add column released_at timestamptz;
    alter table bom_versions add column released_by text;
    alter table routing_versions add column status text not null default 'released' check (status in ('draft','released','superseded'));
    alter table routing_versions add column released_at timestamptz;
    alter table routing_versions add column released_by text;
    alter table bom_lines add column scrap_factor numeric(6,4) not null default 0 check (scrap_factor >= 0 and scrap_factor < 1);
    alter table bom_lines add column substitutes text[] not null default '{}';

    -- A released version is what orders were built to: its lines never change again.
    create function refuse_released_version_edit() returns trigger language plpgsql as $$
    declare
      header_status text;
    begin
      if TG_TABLE_NAME = 'bom_lines' then
        select status into header_status from bom_versions where id = OLD.bom_version_id;
      else
        select status into header_status from routing_versions where id = OLD.routing_version_id;
      end if;
      if header_status is distinct from 'draft' then
        raise exception 'released version lines are immutable' using errcode = 'P0001';
      end if;
      return case when TG_OP = 'DELETE' then OLD else NEW end;
    end $$;
    create trigger bom_lines_immutable before update or delete on bom_lines
      for each row execute function refuse_released_version_edit();
    create trigger routing_operations_immutable before update or delete on routing_operations
      for each row execute function refuse_released_version_edit();

    create table ecns (
      ecn_no text primary key,
      title text not null,
      reason text not null default '',
      sku text not null references items(sku),
      status text not null default 'draft' check (status in ('draft','review','approved','released','closed')),
      from_bom_version_id bigint references bom_versions(id),
      to_bom_version_id bigint references bom_versions(id),
      from_routing_version_id bigint references routing_versions(id),
      to_routing_version_id bigint references routing_versions(id),
      effectivity text not null check (effectivity in ('date','order','use_up')),
      effective_date date not null,
      idempotency_key text unique,
      created_by text not null,
      created_at timestamptz not null default now(),
      approved_by text,
      approved_at timestamptz,
      released_by text,
      released_at timestamptz,
      -- The affected rows as they stood when released, with their decisions (orders move on after).
      released_impact jsonb,
      updated_at timestamptz not null default now(),
      check (to_bom_version_id is not null or to_routing_version_id is not null)
    );
    create index ecns_status on ecns(status, created_at);
    create table ecn_lines (
      ecn_no text not null references ecns(ecn_no),
      line_no int not null,
      kind text not null check (kind in ('component_added','component_removed','component_changed','quantity','substitute','operation','time','drawing')),
      ref text not null,
      from_value text,
      to_value text,
      primary key (ecn_no, line_no)
    );
    create table ecn_decisions (
      ecn_no text not null references ecns(ecn_no),
      ref text not null,
      decision text not null check (decision in ('keep','switch','rework','scrap','cancel_reorder','ask_customer')),
      owner text not null,
      decided_by text not null,
      decided_at timestamptz not null default now(),
      applied_at timestamptz,
      primary key (ecn_no, ref)
    );
    create table ecn_sequences (
      year int primary key,
      last_seq int not null
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table ecn_sequences;
    drop table ecn_decisions;
    drop table ecn_lines;
    drop table ecns;
    drop trigger routing_operations_immutable on routing_operations;
    drop trigger bom_lines_immutable on bom_lines;
    drop function refuse_released_version_edit();
    alter table bom_lines drop column substitutes;
    alter table bom_lines drop column scrap_factor;
    alter table routing_versions drop column released_by;
    alter table routing_versions drop column released_at;
    alter table routing_versions drop column status;
    alter table bom_versions drop column released_by;
    alter table bom_versions drop column released_at;
    alter table bom_versions drop column status;
  `.execute(db);
}
