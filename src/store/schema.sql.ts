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
`;
