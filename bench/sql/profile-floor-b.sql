-- bench/profile-floor.sh, layout B (the baseline): COPY of the records into a dataset_records-like table, one
-- transaction. psql variables: f_base. Each "@step" line names the statements timed after it (psql \timing;
-- "skip": not counted).
\set ON_ERROR_STOP on
\timing on
\echo @step B copy
BEGIN;
COPY b_records FROM :'f_base' (FORMAT csv);
\echo @step B commit
COMMIT;
