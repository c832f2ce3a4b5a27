-- Suppression rules: a scope (principal, detection rule, asset, account, or a threat filter) whose matching threats
-- are suppressed, existing ones when the rule is saved and new ones as they come. A rule ends when it expires or
-- is deleted; the threats it suppressed then reopen.
create table suppressions (
    suppression_id varchar(36)   primary key,
    scope_type     varchar(16)   not null,
    scope_value    varchar(2048),
    scope_filter   varchar(8192),
    reason         varchar(2048) not null,
    owner          varchar(256)  not null,
    created_by     varchar(256)  not null,
    created_at_ms  bigint        not null,
    expires_at_ms  bigint,
    ended_at_ms    bigint,
    ended_by       varchar(256),
    hits           bigint        not null default 0,
    last_hit_ms    bigint
);

-- Which rule suppressed a threat (null for an analyst's own suppression); an analyst who reopens a threat by hand
-- exempts it from rules from then on.
alter table threats add column suppression_id varchar(36);
alter table threats add column rule_exempt boolean not null default false;
create index threats_by_suppression on threats (suppression_id);

-- The detection rules behind a threat, for suppressions scoped to one rule.
create table threat_rules (
    rule_id   varchar(512) not null,
    threat_id varchar(64)  not null,
    primary key (rule_id, threat_id)
);
create index threat_rules_by_threat on threat_rules (threat_id);
