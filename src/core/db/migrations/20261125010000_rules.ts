// Rules as versioned data, their evaluations and actions, what actions produce (tasks, inbox,
// reservations, blocks, pins) and the transactional outbox for calls to the outside world.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rules (
      id bigserial primary key,
      name text not null unique check (length(name) between 1 and 100),
      enabled boolean not null,
      current_version int not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table rule_versions (
      rule_id bigint not null references rules(id),
      version int not null,
      definition jsonb not null,
      diff jsonb not null default '{}'::jsonb,
      created_by text not null,
      created_by_roles text[] not null,
      created_at timestamptz not null default now(),
      primary key (rule_id, version)
    );
    -- Bumped by every rule change: each instance compares it with its cache before evaluating.
    create table rules_revision (
      id int primary key default 1 check (id = 1),
      revision bigint not null
    );
    insert into rules_revision (id, revision) values (1, 0);

    -- One row per triggering event: the facts the rules saw, and which rules matched.
    create table rule_evaluations (
      id bigserial primary key,
      order_no text not null,
      trigger text not null,
      at timestamptz not null default now(),
      revision bigint not null,
      facts jsonb not null,
      matched jsonb not null
    );
    create index rule_evaluations_at on rule_evaluations(at);
    create index rule_evaluations_order on rule_evaluations(order_no);
    create table rule_actions (
      id bigserial primary key,
      evaluation_id bigint not null references rule_evaluations(id),
      order_no text not null,
      rule_id bigint not null references rules(id),
      rule_version int not null,
      action_index int not null,
      type text not null,
      status text not null check (status in ('done','queued','failed','skipped')),
      detail jsonb not null default '{}'::jsonb,
      error text,
      latency_ms numeric(12,3) not null default 0,
      at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index rule_actions_rule on rule_actions(rule_id, at);
    create index rule_actions_order on rule_actions(order_no);

    create table tasks (
      id bigserial primary key,
      title text not null,
      order_no text references orders(order_no),
      assignee_role text,
      assignee_user text,
      mentions text[] not null default '{}',
      due_at timestamptz,
      status text not null default 'open' check (status in ('open','done','cancelled')),
      rule_id bigint references rules(id),
      rule_version int,
      created_by text not null,
      created_at timestamptz not null default now(),
      done_by text,
      done_at timestamptz
    );
    create index tasks_open on tasks(assignee_role, status);
    create index tasks_order on tasks(order_no);
    create table notifications (
      id bigserial primary key,
      to_role text,
      to_user text,
      level text not null check (level in ('info','warning','critical')),
      message text not null,
      order_no text,
      rule_id bigint,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_role on notifications(to_role, created_at);

    create table reservations (
      id bigserial primary key,
      order_no text not null references orders(order_no),
      line_no int not null,
      sku text not null references items(sku),
      location text not null references locations(code),
      qty numeric(14,3) not null check (qty > 0),
      kind text not null check (kind in ('soft','hard')),
      expires_at timestamptz,
      status text not null default 'active' check (status in ('active','released','expired','consumed')),
      rule_id bigint,
      created_at timestamptz not null default now(),
      released_at timestamptz
    );
    create index reservations_order on reservations(order_no);
    create index reservations_expiry on reservations(expires_at) where status = 'active' and kind = 'soft';
    alter table inventory_balances add constraint reserved_within_on_hand check (reserved <= on_hand);

    -- Holds (to_status '*') and blocked transitions; each lifts when cleared.
    create table order_blocks (
      id bigserial primary key,
      order_no text not null references orders(order_no),
      to_status text not null,
      reason text not null,
      releasable_by text[] not null default '{}',
      rule_id bigint references rules(id),
      rule_version int,
      task_id bigint references tasks(id),
      created_at timestamptz not null default now(),
      cleared_at timestamptz,
      cleared_by text
    );
    create index order_blocks_active on order_blocks(order_no) where cleared_at is null;
    create table order_pins (
      order_no text not null references orders(order_no),
      board text not null,
      colour text not null,
      rule_id bigint references rules(id),
      created_at timestamptz not null default now(),
      primary key (order_no, board)
    );
    alter table orders add column priority int not null default 0;

    create table outbox (
      id bigserial primary key,
      topic text not null check (topic in ('robot','credit_check')),
      payload jsonb not null,
      order_no text,
      rule_action_id bigint references rule_actions(id),
      status text not null default 'pending' check (status in ('pending','done','failed')),
      attempts int not null default 0,
      max_attempts int not null default 5,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      done_at timestamptz
    );
    create index outbox_due on outbox(next_attempt_at) where status = 'pending';

    -- Robot webhooks and the credit provider, configured by admin at run time.
    create table integration_settings (
      name text primary key,
      kind text not null check (kind in ('robot','credit')),
      config jsonb not null,
      updated_by text not null,
      updated_at timestamptz not null default now()
    );

    -- A bulk batch answers a retry with its first result and creates nothing new.
    create table bulk_batches (
      batch_id text primary key,
      request_hash text not null,
      result jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}
