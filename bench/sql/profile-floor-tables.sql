-- bench/profile-floor.sh: fresh tables for every layout (outside the timing), each pre-populated with :n unrelated
-- records' rows (seed 1), so the timed probes and index insertions work on non-empty indexes, as in a platform that
-- already holds data. Column definitions as the platform's PostgreSQL migrations (dataset_records, identity_vertices,
-- identity_links, profile_fragments); autovacuum off on these tables so it does not run inside a later timing.
-- psql variables: p_base, p_frag, p_vertex, p_xid, p_link, p_graph, p_chunk (the pre-population files).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP TABLE IF EXISTS b_records, c_records, c_vertices, c_links, c_fragments, f_xids, f_fragments, f_graphs, f_chunks;

-- (B) baseline: a dataset_records-like table
CREATE TABLE b_records (
    ims_org varchar(256) NOT NULL, sandbox varchar(64) NOT NULL, batch_id varchar(64) NOT NULL, file_index integer NOT NULL,
    row_number bigint NOT NULL, data_set_id varchar(64) NOT NULL, record json NOT NULL,
    PRIMARY KEY (ims_org, sandbox, batch_id, file_index, row_number)) WITH (autovacuum_enabled = off);
CREATE INDEX ON b_records (ims_org, sandbox, data_set_id);

-- (C) today's layout
CREATE TABLE c_records (LIKE b_records INCLUDING ALL) WITH (autovacuum_enabled = off);
CREATE TABLE c_vertices (
    ims_org varchar(256) NOT NULL, sandbox varchar(64) NOT NULL, xid varchar(64) NOT NULL,
    namespace_code varchar(256) NOT NULL, value text NOT NULL, id_type varchar(32) NOT NULL, graph_id varchar(64) NOT NULL,
    last_updated timestamptz NOT NULL, graph_joined_at timestamptz,
    PRIMARY KEY (ims_org, sandbox, xid)) WITH (autovacuum_enabled = off);
CREATE INDEX ix_c_vertices_graph ON c_vertices (graph_id, ims_org, sandbox);
CREATE TABLE c_links (
    ims_org varchar(256) NOT NULL, sandbox varchar(64) NOT NULL, first_xid varchar(64) NOT NULL, second_xid varchar(64) NOT NULL,
    first_established timestamptz NOT NULL, last_established timestamptz NOT NULL, sources text NOT NULL,
    PRIMARY KEY (ims_org, sandbox, first_xid, second_xid)) WITH (autovacuum_enabled = off);
CREATE TABLE c_fragments (
    ims_org varchar(256) NOT NULL, sandbox varchar(64) NOT NULL, dataset_id varchar(64) NOT NULL, primary_xid varchar(64) NOT NULL,
    primary_namespace varchar(256) NOT NULL, primary_value text NOT NULL, identities text NOT NULL, record text NOT NULL,
    batch_id varchar(64) NOT NULL, ingested_at timestamptz NOT NULL, last_updated timestamptz,
    PRIMARY KEY (ims_org, sandbox, primary_xid, dataset_id)) WITH (autovacuum_enabled = off);

-- (F1) the floor: XID -> graph rows with their primary key only, and fragments; (F1g) a graph row per graph;
-- (F1gc) dataset records as lz4-compressed chunks of 1,000 records
CREATE TABLE f_xids (
    ims_org varchar(256) NOT NULL, sandbox varchar(64) NOT NULL, xid varchar(64) NOT NULL, graph_id varchar(64) NOT NULL,
    PRIMARY KEY (ims_org, sandbox, xid)) WITH (autovacuum_enabled = off);
CREATE TABLE f_fragments (LIKE c_fragments INCLUDING ALL) WITH (autovacuum_enabled = off);
CREATE TABLE f_graphs (
    ims_org varchar(256) NOT NULL, sandbox varchar(64) NOT NULL, graph_id varchar(64) NOT NULL, doc text NOT NULL,
    PRIMARY KEY (ims_org, sandbox, graph_id)) WITH (autovacuum_enabled = off);
CREATE TABLE f_chunks (
    ims_org varchar(256) NOT NULL, sandbox varchar(64) NOT NULL, batch_id varchar(64) NOT NULL, file_index integer NOT NULL,
    first_row bigint NOT NULL, data_set_id varchar(64) NOT NULL, record_count integer NOT NULL, records text COMPRESSION lz4 NOT NULL,
    PRIMARY KEY (ims_org, sandbox, batch_id, file_index, first_row)) WITH (autovacuum_enabled = off);
CREATE INDEX ON f_chunks (ims_org, sandbox, data_set_id);

COPY b_records FROM :'p_base' (FORMAT csv);
COPY c_records FROM :'p_base' (FORMAT csv);
COPY c_vertices FROM :'p_vertex' (FORMAT csv);
COPY c_links FROM :'p_link' (FORMAT csv);
COPY c_fragments FROM :'p_frag' (FORMAT csv);
COPY f_xids FROM :'p_xid' (FORMAT csv);
COPY f_fragments FROM :'p_frag' (FORMAT csv);
COPY f_graphs FROM :'p_graph' (FORMAT csv);
COPY f_chunks FROM :'p_chunk' (FORMAT csv);
VACUUM ANALYZE b_records, c_records, c_vertices, c_links, c_fragments, f_xids, f_fragments, f_graphs, f_chunks;
