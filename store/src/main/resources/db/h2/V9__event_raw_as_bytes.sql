-- A stored event's raw record as UTF-8 bytes (PostgreSQL's is in db/postgresql). H2 writes text a character at a time
-- each time a page is saved, and the raw record is most of what ingest writes: as bytes it is copied whole.
alter table events add column raw_utf8 varbinary;
update events set raw_utf8 = stringtoutf8(raw);
alter table events drop column raw;
alter table events alter column raw_utf8 rename to raw;
alter table events alter column raw set not null;
