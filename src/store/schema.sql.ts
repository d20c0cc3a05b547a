/**
 * One schema for PGlite and PostgreSQL. JSON columns hold the output-contract records as
 * validated; the relational columns are what queries filter on.
 */
export const SCHEMA_SQL = `
create table if not exists documents (
  id text primary key,
  url text not null,
  file_name text,
  media_type text not null,
  format text not null,
  size bigint not null,
  status text not null default 'pending',
  issues jsonb not null default '[]',
  checks jsonb not null default '[]',
  source jsonb not null,
  extracted jsonb,
  first_seen_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The document's trust counts (docs/architecture.md, Trust), added to stores made before them.
alter table documents add column if not exists verification jsonb;
-- What a document is about, taken from its records when they are saved (src/store/document-facets.ts), so that
-- search, coverage and export filter documents in SQL: printed department, its canonical id
-- (src/recognise/meta/department-id.ts), the region's full name and division code, year, kind and budget level.
alter table documents add column if not exists department text;
alter table documents add column if not exists department_id text;
alter table documents add column if not exists region text;
alter table documents add column if not exists region_id text;
alter table documents add column if not exists year integer;
alter table documents add column if not exists kind text;
alter table documents add column if not exists level text;
-- Audit findings (src/audit), re-computed when the rules change.
alter table documents add column if not exists findings jsonb;
-- Where a pending document is in the pipeline (queued, extracting, extracted, recognising, storing; done or failed once
-- it settled), since when, and in which run (issue 16): the store, not Redis, knows what is left to do, so the
-- reconciler (workers/reconcile.ts) can enqueue again what a killed worker or a Redis restart lost.
alter table documents add column if not exists stage text;
alter table documents add column if not exists stage_at timestamptz;
alter table documents add column if not exists run_id text;
-- Written with each extraction, so a process that kept the extraction it saved or read can tell that the row still
-- holds it and skip reading it back (src/store/extraction-cache.ts).
alter table documents add column if not exists extraction_token text;
create index if not exists documents_unfinished on documents (stage_at) where status = 'pending';
create index if not exists documents_department_id on documents (department_id);
create index if not exists documents_year on documents (year);
create index if not exists documents_status on documents (status);
create table if not exists document_urls (
  document_id text not null references documents(id) on delete cascade,
  url text not null,
  first_seen_at timestamptz not null default now(),
  primary key (document_id, url)
);
create table if not exists records (
  document_id text not null references documents(id) on delete cascade,
  table_id text not null,
  seq integer not null,
  table_type text not null,
  status text not null,
  record jsonb not null,
  primary key (document_id, table_id)
);
create index if not exists records_table_type on records (table_type);
create table if not exists blobs (
  sha256 text primary key,
  size bigint not null,
  bytes bytea not null
);
-- Search (src/store/search.ts) at 100,000 documents. pg_trgm does not exist on PGlite, so a substring is looked up
-- in a GIN index of each text's character bigrams (every Han character pair) and confirmed with strpos.
create or replace function budgetdoc_grams(s text) returns text[] language sql immutable parallel safe as
$$ select coalesce(array_agg(distinct substr(lower(s), i, 2)), '{}') from generate_series(1, length(s) - 1) as i $$;
-- A department as people write it: 简称 for 全称 (政协, 人大, 政府, 委), 办公室 for 办公厅, 江苏省政协 for
-- 政协江苏省委员会; applied to the stored id and to what is searched alike. Changing it needs a reindex.
create or replace function budgetdoc_department_key(s text) returns text language sql immutable parallel safe as
$$ select regexp_replace(replace(replace(replace(replace(replace(replace(replace(lower(coalesce(s, '')),
     '中国人民政治协商会议', '政协'), '人民代表大会常务委员会', '人大常委会'), '常务委员会', '常委会'),
     '人大常委会', '人大'), '委员会', '委'), '人民政府', '政府'), '办公厅', '办公室'),
     '(^|:)政协(.+?[省市区县旗州])委', '\\1\\2政协') $$;
create index if not exists documents_text_grams on documents
  using gin (budgetdoc_grams(coalesce(file_name, '') || ' ' || coalesce(department, '')));
create index if not exists documents_department_grams on documents
  using gin (budgetdoc_grams(budgetdoc_department_key(department_id)));
create index if not exists records_title_grams on records using gin (budgetdoc_grams(record->>'title'));
create index if not exists records_type_document on records (table_type text_pattern_ops, document_id);
create index if not exists documents_region on documents (region text_pattern_ops);
create index if not exists documents_region_id on documents (region_id text_pattern_ops);
create index if not exists documents_kind on documents (kind);
create index if not exists documents_findings on documents using gin (findings jsonb_path_ops);
-- Search's order (newest year, department, id; src/store/search.ts ORDER_KEYS), so a page after a cursor is an index
-- range, not a sort of every document.
create index if not exists documents_search_order on documents
  ((-coalesce(year, 0)), (department is null), (coalesce(department, '')), id);
-- Departments as a user joins them (src/store/departments.ts, budgetdoc departments): a computed department id
-- (documents.department_id, which stays as computed) merged into another (canonical_id) or given a name; a
-- department's effective id and name resolve through here.
create table if not exists department_aliases (
  department_id text primary key,
  canonical_id text not null,
  name text,
  updated_at timestamptz not null default now()
);
create index if not exists department_aliases_canonical on department_aliases (canonical_id);
`;
