/**
 * The team database's schema, as ordered migrations. `rd_schema_migrations` records each
 * version applied; a console applies what is missing at connect, under an advisory lock, in
 * one transaction per version, so consoles starting together never apply one twice. A database
 * newer than this console (a version it does not know) is refused rather than written to.
 */
export interface TeamMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: readonly string[];
}

export const TEAM_MIGRATIONS: readonly TeamMigration[] = [
  {
    version: 1,
    description: 'workstations, cases, events in one global order, commands applied',
    sql: [
      `CREATE TABLE rd_workstations (
        id uuid PRIMARY KEY,
        prefix text NOT NULL UNIQUE CHECK (prefix ~ '^[A-Z]{1,8}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL DEFAULT '' CHECK (length(email) <= 320),
        joined_at timestamptz NOT NULL DEFAULT now(),
        seen_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE rd_cases (
        case_id text PRIMARY KEY CHECK (case_id ~ '^[A-Z]{1,8}-[1-9][0-9]{0,8}$'),
        uid uuid NOT NULL UNIQUE,
        version integer NOT NULL CHECK (version > 0),
        created_by uuid NOT NULL REFERENCES rd_workstations(id)
      )`,
      `CREATE TABLE rd_events (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id text NOT NULL REFERENCES rd_cases(case_id),
        version integer NOT NULL CHECK (version > 0),
        uid uuid NOT NULL UNIQUE,
        command_id uuid NOT NULL,
        event jsonb NOT NULL,
        UNIQUE (case_id, version)
      )`,
      `CREATE TABLE rd_commands (
        command_id uuid PRIMARY KEY,
        workstation_id uuid NOT NULL REFERENCES rd_workstations(id),
        case_id text NOT NULL REFERENCES rd_cases(case_id),
        version integer NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 2,
    description: 'shared, versioned team documents (policy, calendars, templates, taxonomy)',
    sql: [
      `CREATE TABLE rd_shared (
        name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
        version integer NOT NULL CHECK (version > 0),
        value jsonb NOT NULL,
        updated_by uuid REFERENCES rd_workstations(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 3,
    description: 'a case imported from a service desk is known by its ticket: one case per ticket on the team',
    sql: [
      // The ticket as the import finds it again: [source, external id] (docs/team.md, "Imports in a team").
      `CREATE TABLE rd_case_origins (
        origin jsonb PRIMARY KEY CHECK (jsonb_typeof(origin) = 'array' AND jsonb_array_length(origin) = 2),
        case_id text NOT NULL UNIQUE REFERENCES rd_cases(case_id)
      )`,
      // The cases imported before: the first case of each ticket keeps it (duplicates made before stay as they are).
      `INSERT INTO rd_case_origins (origin, case_id)
       SELECT DISTINCT ON (origin) origin, case_id FROM (
         SELECT jsonb_build_array(event #>> '{data,origin,source}', event #>> '{data,origin,externalId}') AS origin, case_id, seq
         FROM rd_events WHERE version = 1 AND event ->> 'type' = 'logged' AND event #> '{data,origin}' IS NOT NULL
       ) AS firsts ORDER BY origin, seq`,
    ],
  },
];

export const TEAM_SCHEMA_VERSION = TEAM_MIGRATIONS.at(-1)?.version ?? 0;
