-- Verdicts: ground-truth labels per file (with their history) and the trained verdict models.

-- Every label ever given; the current one per file has current = true, earlier ones stay as history.
create table file_label (
    id          bigserial    primary key,
    sha256      varchar(64)  not null references file (sha256),
    label       varchar(16)  not null check (label in ('malicious', 'benign')),
    source      text,
    labelled_by text,
    labelled_at timestamptz  not null,
    current     boolean      not null
);
create unique index file_label_current_idx on file_label (sha256) where current;
create index file_label_sha256_idx on file_label (sha256, id desc);

-- Trained models, newest = highest id. body holds the tree, the engine ranking and the evaluation as JSON;
-- last_label_id is the newest label the training saw (automatic retraining counts labels after it).
create table verdict_model (
    id            bigserial    primary key,
    created_at    timestamptz  not null,
    samples       integer      not null check (samples >= 0),
    last_label_id bigint       not null,
    body          jsonb        not null
);
