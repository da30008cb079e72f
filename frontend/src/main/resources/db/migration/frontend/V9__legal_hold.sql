-- A legal hold keeps a file and everything about it: retention skips it (and the scans holding it), and
-- DELETE /api/v1/files/{hash} refuses it with 409 unless forced. Only admins place or lift one (audited).
create table legal_hold (
    sha256    varchar(64)  primary key references file (sha256),
    reason    varchar(500),
    placed_by varchar(64)  not null,
    placed_at timestamptz  not null
);
