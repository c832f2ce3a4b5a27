-- Event retention deletes events received long ago that no threat holds: it needs an event's threats by event id.
create index threat_events_by_event on threat_events (event_id);
