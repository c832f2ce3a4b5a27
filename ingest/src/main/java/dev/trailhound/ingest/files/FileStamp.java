package dev.trailhound.ingest.files;

/** A file as a directory source last saw it: a file whose size or modification time changes is read again. */
public record FileStamp(String path, long size, long modifiedMillis) {}
