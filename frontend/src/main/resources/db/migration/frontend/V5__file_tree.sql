-- Recursive extraction (docs/engines/extract.md): the files found inside a container join its scan as a tree.

-- parent: the container a file of the scan was found in (null for an upload); path: its member path there (data,
-- shown escaped, never a path); depth: 0 for uploads; extraction: for a container, what became of it when it was
-- opened ({"status", "detail", "members"}).
alter table scan_file add column parent varchar(64);
alter table scan_file add column path text;
alter table scan_file add column depth integer not null default 0 check (depth >= 0);
alter table scan_file add column extraction jsonb;

-- Every (container, member) pair ever found, across scans: a file report lists its known parents and children.
create table file_member (
    parent     varchar(64) not null references file (sha256),
    child      varchar(64) not null references file (sha256),
    path       text        not null,
    first_seen timestamptz not null,
    primary key (parent, child, path)
);
create index file_member_child_idx on file_member (child);
