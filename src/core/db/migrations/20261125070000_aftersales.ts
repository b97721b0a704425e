// After-sales: customer status links, shipments, the installed base and its lifecycle, service visits
// with photos, electronic warranty cards and replenishment requests to the warehouse.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Secrets every app instance must share (the status-link signing key), generated once.
    create table app_secrets (
      name text primary key,
      secret bytea not null check (length(secret) >= 32),
      created_at timestamptz not null default now()
    );

    create table status_links (
      id bigserial primary key,
      order_no text not null references orders(order_no),
      nonce text not null,
      expires_at timestamptz not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoked_by text,
      opens int not null default 0,
      last_opened_at timestamptz
    );
    create index status_links_active on status_links(order_no, id) where revoked_at is null;

    create table shipments (
      id bigserial primary key,
      order_no text not null references orders(order_no),
      carrier text not null check (length(carrier) between 1 and 60),
      tracking_no text not null check (length(tracking_no) between 1 and 60),
      shipped_at timestamptz not null default now(),
      created_by text not null,
      created_at timestamptz not null default now(),
      unique (order_no, carrier, tracking_no)
    );

    -- Months of warranty given with a unit of this item (the default applies when null).
    alter table items add column warranty_months int check (warranty_months between 0 and 120);

    create table equipment (
      serial text primary key check (serial ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{1,79}$'),
      sku text not null references items(sku),
      customer_code text not null references customers(code),
      order_no text references orders(order_no),
      line_no int,
      site text not null default '',
      installed_on date not null,
      warranty_until date not null check (warranty_until >= installed_on),
      source text not null check (source in ('delivery','import')),
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index equipment_sku on equipment(sku);
    create index equipment_customer on equipment(customer_code);
    create index equipment_order on equipment(order_no);

    create table service_visits (
      id bigserial primary key,
      serial text not null references equipment(serial),
      visited_on date not null,
      engineer text not null,
      notes text not null default '',
      created_at timestamptz not null default now()
    );
    create index service_visits_serial on service_visits(serial, id);
    create table visit_parts (
      visit_id bigint not null references service_visits(id),
      sku text not null references items(sku),
      qty int not null check (qty > 0),
      primary key (visit_id, sku)
    );
    create table visit_photos (
      visit_id bigint primary key references service_visits(id),
      mime text not null check (mime in ('image/jpeg','image/png','image/webp')),
      size int not null check (size > 0),
      bytes bytea not null
    );
    create table warranty_cards (
      code text primary key,
      visit_id bigint not null unique references service_visits(id),
      serial text not null references equipment(serial),
      valid_from date not null,
      valid_until date not null check (valid_until >= valid_from),
      pdf bytea,
      rendered_at timestamptz,
      created_at timestamptz not null default now()
    );
    create table replenishment_requests (
      id bigserial primary key,
      visit_id bigint not null references service_visits(id),
      sku text not null references items(sku),
      qty int not null check (qty > 0),
      status text not null default 'open' check (status in ('open','done','cancelled')),
      created_at timestamptz not null default now()
    );
    create index replenishment_open on replenishment_requests(status, created_at);

    -- The equipment's lifecycle record: evidence, so append-only like the order events.
    create table equipment_events (
      id bigserial primary key,
      serial text not null references equipment(serial),
      at timestamptz not null default now(),
      kind text not null check (kind in ('installed','imported','visit')),
      actor text not null,
      data jsonb not null default '{}'::jsonb
    );
    create index equipment_events_serial on equipment_events(serial, id);
    create trigger equipment_events_append_only before update or delete on equipment_events
      for each row execute function forbid_change();

    alter table outbox drop constraint outbox_topic_check;
    alter table outbox add constraint outbox_topic_check check (topic in ('robot','credit_check','status_link','warranty_card'));
  `.execute(db);
}
