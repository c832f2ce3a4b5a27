-- The threat list, its filters, the overview and suppression previews all scan the threats table; each row carried
-- the threat's JSON document (kilobytes), so every scan read far more than the columns it filters on (with 100,000
-- threats, H2 took over a second for a count by account). Documents move to a table of their own, read only for the
-- rows a request answers with.
create table threat_documents (
    threat_id varchar(64) primary key,
    document  varchar     not null
);
insert into threat_documents (threat_id, document) select threat_id, document from threats;
alter table threats drop column document;

-- A threat's ATT&CK tactics and techniques on its own row, comma-wrapped (",TA0001,TA0006,"): filtering and counting
-- by them then needs no join or probe per threat. They replace the threat_tactics and threat_techniques tables.
alter table threats add column tactic_ids varchar(512) default ',' not null;
update threats t set tactic_ids = coalesce((select ',' || string_agg(x.tactic_id, ',' order by x.tactic_id) || ','
                                            from threat_tactics x where x.threat_id = t.threat_id), ',');
drop table threat_tactics;
alter table threats add column technique_ids varchar(4096) default ',' not null;
update threats t set technique_ids = coalesce((select ',' || string_agg(y.technique_id, ',' order by y.technique_id) || ','
                                               from threat_techniques y where y.threat_id = t.threat_id), ',');
drop table threat_techniques;
