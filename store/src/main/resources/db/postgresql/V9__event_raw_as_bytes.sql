-- A stored event's raw record as UTF-8 bytes, as in H2 (where it made ingest cheaper; db/h2 says why). The service
-- reads and writes the same bytes on both databases.
alter table events alter column raw type bytea using convert_to(raw, 'UTF8');
