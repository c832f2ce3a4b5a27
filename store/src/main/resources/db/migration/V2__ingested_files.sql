-- Files a directory source has read, so that a restart neither re-reads nor skips them. A file whose size or
-- modification time changed is read again (its events already stored are duplicates).
create table ingested_files (
    path        varchar(4096) primary key,
    size_bytes  bigint        not null,
    modified_ms bigint        not null,
    read_at_ms  bigint        not null
);

-- A restart replays the stored events in event-time order to rebuild detection state.
create index events_by_time on events (event_ms, event_id);
