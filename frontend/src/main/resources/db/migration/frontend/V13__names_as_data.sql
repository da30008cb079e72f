-- Names are data (issue 17): a name is kept as the client sent it, up to 4,096 characters, whatever it holds. A
-- b-tree entry holds at most about 2.7 kB, less than such a name, so file_name is keyed by the name's md5 instead of
-- the name itself.
alter table file_name drop constraint file_name_pkey;
alter table file_name alter column name type text;
alter table file_name add column name_key varchar(32) generated always as (md5(name)) stored;
alter table file_name add primary key (sha256, name_key);

-- other_names: the further names the same content had in the same upload (the first is name), so none is lost.
alter table scan_file alter column name type text;
alter table scan_file add column other_names text[] not null default '{}';
