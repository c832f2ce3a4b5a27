package dev.trailhound.ingest.files;

import java.nio.file.Path;

/**
 * One file to read.
 *
 * @param path      where it is
 * @param jsonLines true to stream it one record per line; false to read it as one JSON document
 * @param key       event time (epoch millis) the file's content starts around, for reading files in time
 *                  order: its first record's eventTime, else the delivery time in a CloudTrail object name,
 *                  else {@link Long#MIN_VALUE} (read first)
 */
public record InputFile(Path path, boolean jsonLines, long key) {}
