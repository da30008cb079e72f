-- Messages that a process could not handle after bounded redeliveries, parked in the queue argus.dead-letters and
-- kept here for admins to look at, replay or drop (GET /api/v1/admin/dead-letters).
create table dead_letter (
    id            uuid         primary key,
    queue         text,
    exchange      text,
    routing_key   text,
    message_type  text,
    error         text         not null,
    process       text,
    failures      integer      not null,
    parked_at     timestamptz  not null,
    received_at   timestamptz  not null,
    content_type  text,
    headers       jsonb        not null,
    body          bytea        not null,
    body_size     integer      not null
);
create index dead_letter_parked_at_idx on dead_letter (parked_at desc);
