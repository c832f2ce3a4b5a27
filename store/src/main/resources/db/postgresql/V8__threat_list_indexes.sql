-- PostgreSQL only (H2's are in db/h2): the list's "most severe first" order, read from an index with and without a
-- status filter. PostgreSQL's planner scans the (narrow) table when most threats match, so the overview needs none.
create index threats_by_status_severity on threats (status, severity_rank, detection_ms, threat_id);
create index threats_by_severity on threats (severity_rank, detection_ms, threat_id);
