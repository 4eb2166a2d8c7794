import Foundation
import GRDB
import PostgresNIO

/// The ledger's tables, for both stores, as one ordered list of migrations: GRDB's migrator
/// applies it to SQLite, `migrate(_ session:)` to PostgreSQL (recorded in `schema_migrations`).
/// A change to the schema is one new migration here; an applied one is never edited.
///
/// Each statement is written once; `{real}`, `{serial}` and `{bool}` stand for the types the two
/// dialects spell differently. Every CREATE is `IF NOT EXISTS`, because databases made before
/// this list existed already hold some tables without a record of them; the column renames of
/// "snake-case" run once, as each migration does, recorded when it is applied.
/// Columns are snake_case (PostgreSQL folds unquoted names to lower case anyway).
enum LedgerSchema {
    struct Migration {
        /// Never changes once released: databases record it.
        let id: String
        let statements: [String]
        /// Statements only one dialect can say (triggers), after `statements`.
        var sqlite: [String] = []
        var postgres: [String] = []
    }

    static let migrations: [Migration] = [
        // The inbox service's tables. "v1" is the name SQLite ledgers recorded from the start.
        Migration(id: "v1", statements: [
            """
            CREATE TABLE IF NOT EXISTS submission (
                sha256 TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                token TEXT NOT NULL,
                state TEXT NOT NULL,
                resultStatus TEXT,
                resultDirectory TEXT,
                reason TEXT,
                attempts INTEGER NOT NULL DEFAULT 1,
                worker TEXT NOT NULL,
                droppedAt {real} NOT NULL,
                claimedAt {real} NOT NULL,
                finishedAt {real})
            """,
            "CREATE INDEX IF NOT EXISTS submission_finished ON submission (finishedAt)",
            """
            CREATE TABLE IF NOT EXISTS duplicate (
                token TEXT PRIMARY KEY NOT NULL,
                sha256 TEXT NOT NULL,
                name TEXT NOT NULL,
                at {real} NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS event (
                id {serial},
                sha256 TEXT NOT NULL,
                token TEXT NOT NULL,
                kind TEXT NOT NULL,
                at {real} NOT NULL,
                detail TEXT)
            """,
        ]),
        // `intake revalidate`'s work lists and decisions.
        Migration(id: "revalidation", statements: [
            """
            CREATE TABLE IF NOT EXISTS revalidation_runs (
                name TEXT PRIMARY KEY NOT NULL,
                key TEXT NOT NULL,
                paths TEXT NOT NULL,
                catalog TEXT NOT NULL,
                created_at {real} NOT NULL,
                enumerator TEXT,
                enumerator_seen {real},
                enumerated_at {real},
                total BIGINT,
                finished_at {real},
                reporter TEXT)
            """,
            "CREATE INDEX IF NOT EXISTS revalidation_runs_key ON revalidation_runs (key, created_at)",
            """
            CREATE TABLE IF NOT EXISTS revalidation_items (
                seq {serial},
                run TEXT NOT NULL,
                path TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending',
                worker TEXT,
                claimed_at {real},
                attempts INTEGER NOT NULL DEFAULT 0,
                UNIQUE (run, path))
            """,
            "CREATE INDEX IF NOT EXISTS revalidation_items_open ON revalidation_items (run, state, seq)",
            """
            CREATE TABLE IF NOT EXISTS revalidations (
                run TEXT NOT NULL,
                seq BIGINT NOT NULL,
                path TEXT NOT NULL,
                sha256 TEXT,
                form TEXT,
                service_item TEXT,
                service_item_name TEXT,
                region TEXT,
                region_name TEXT,
                status TEXT NOT NULL,
                problems TEXT NOT NULL,
                error TEXT,
                previous_status TEXT,
                previous_problems TEXT,
                previous_source TEXT,
                previous_output TEXT,
                change_kind TEXT NOT NULL,
                changed {bool} NOT NULL,
                problems_added TEXT NOT NULL,
                problems_resolved TEXT NOT NULL,
                output TEXT,
                worker TEXT NOT NULL,
                at {real} NOT NULL,
                PRIMARY KEY (run, seq))
            """,
            "CREATE INDEX IF NOT EXISTS revalidations_sha ON revalidations (sha256, at)",
            "CREATE INDEX IF NOT EXISTS revalidations_status ON revalidations (run, status)",
        ]),
        // The indexes PostgreSQL ledgers had from the start, for SQLite too; then one naming for
        // every column.
        Migration(id: "snake-case", statements: [
            "CREATE INDEX IF NOT EXISTS submission_open ON submission (claimedAt) WHERE state = 'claimed'",
            "CREATE INDEX IF NOT EXISTS event_kind_at ON event (kind, at)",
            "ALTER TABLE submission RENAME COLUMN resultStatus TO result_status",
            "ALTER TABLE submission RENAME COLUMN resultDirectory TO result_directory",
            "ALTER TABLE submission RENAME COLUMN droppedAt TO dropped_at",
            "ALTER TABLE submission RENAME COLUMN claimedAt TO claimed_at",
            "ALTER TABLE submission RENAME COLUMN finishedAt TO finished_at",
        ]),
        // `intake console`: clerks, the audit trail, 办件编号, revisions, the queue's index.
        Migration(id: "console", statements: [
            """
            CREATE TABLE IF NOT EXISTS clerk (
                login TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                offices TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                failed_logins INTEGER NOT NULL DEFAULT 0,
                locked_until {real},
                disabled {bool} NOT NULL DEFAULT {false},
                password_set_at {real} NOT NULL,
                created_at {real} NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS audit (
                seq {serial},
                at {real} NOT NULL,
                clerk TEXT NOT NULL,
                address TEXT NOT NULL,
                action TEXT NOT NULL,
                submission TEXT,
                field TEXT,
                before_masked TEXT,
                before_sha256 TEXT,
                after_masked TEXT,
                after_sha256 TEXT,
                reason TEXT,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS audit_submission ON audit (submission, seq)",
            """
            CREATE TABLE IF NOT EXISTS case_number (
                office TEXT NOT NULL,
                day TEXT NOT NULL,
                seq INTEGER NOT NULL,
                submission TEXT NOT NULL UNIQUE,
                PRIMARY KEY (office, day, seq))
            """,
            """
            CREATE TABLE IF NOT EXISTS revision (
                submission TEXT NOT NULL,
                revision INTEGER NOT NULL,
                clerk TEXT NOT NULL,
                at {real} NOT NULL,
                PRIMARY KEY (submission, revision))
            """,
            """
            CREATE TABLE IF NOT EXISTS decision (
                submission TEXT PRIMARY KEY NOT NULL,
                outcome TEXT NOT NULL,
                reason TEXT,
                clerk TEXT NOT NULL,
                at {real} NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS verify_time (
                submission TEXT NOT NULL,
                field TEXT NOT NULL,
                clerk TEXT NOT NULL,
                milliseconds {real} NOT NULL,
                at {real} NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS queue_entry (
                submission TEXT PRIMARY KEY NOT NULL,
                day TEXT NOT NULL,
                folder TEXT NOT NULL,
                status TEXT NOT NULL,
                form TEXT NOT NULL,
                item TEXT,
                office TEXT,
                district TEXT,
                applicant TEXT,
                uscc TEXT,
                id_last4 TEXT,
                flagged INTEGER NOT NULL,
                revision INTEGER NOT NULL,
                processed_at TEXT NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS queue_entry_day ON queue_entry (day, status)",
        ], sqlite: [
            // Append-only, whoever writes: the database itself refuses to change a row.
            "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END",
            "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END",
        ], postgres: [
            """
            CREATE OR REPLACE FUNCTION audit_refuse() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'audit rows are append-only'; END $$ LANGUAGE plpgsql
            """,
            "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_refuse()",
        ]),
        // 网上预审: the 预审号 an applicant brings to the window, and the submission it names.
        Migration(id: "precheck", statements: [
            """
            CREATE TABLE IF NOT EXISTS precheck_reference (
                reference TEXT PRIMARY KEY NOT NULL,
                submission TEXT NOT NULL,
                at {real} NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS precheck_reference_submission ON precheck_reference (submission)",
        ]),
    ]

    enum Dialect { case sqlite, postgres }

    static func sql(_ template: String, _ dialect: Dialect) -> String {
        let types: [(String, String)] = switch dialect {
        case .sqlite: [("{real}", "DOUBLE"), ("{serial}", "INTEGER PRIMARY KEY AUTOINCREMENT"), ("{bool}", "INTEGER"),
                       ("{false}", "0")]
        case .postgres: [("{real}", "DOUBLE PRECISION"), ("{serial}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
                         ("{bool}", "BOOLEAN"), ("{false}", "FALSE")]
        }
        return types.reduce(template) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// The SQLite ledger file at `path` (created if missing), up to date, in WAL mode; writers
    /// wait up to `busyTimeout` seconds for each other.
    static func open(path: String, busyTimeout: TimeInterval) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrate(pool)
        return pool
    }

    /// Brings a SQLite ledger file up to date (GRDB records what it applied).
    static func migrate(_ writer: some DatabaseWriter) throws {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.id) { db in
                for statement in migration.statements + migration.sqlite { try db.execute(sql: sql(statement, .sqlite)) }
            }
        }
        try migrator.migrate(writer)
    }

    /// Brings a PostgreSQL ledger up to date, one process at a time, each migration whole or not
    /// at all (PostgreSQL's DDL is transactional).
    static func migrate(_ session: PostgresSession) throws {
        // Up to date: no DDL, whose table locks would wait for processes already writing.
        if try session.query("SELECT to_regclass('schema_migrations') IS NOT NULL").first?.decode(Bool.self) == true,
           try applied(session).isSuperset(of: migrations.map(\.id)) {
            return
        }
        try session.transaction {
            try session.query("SET LOCAL client_min_messages = warning")
            // Concurrent CREATE TABLE IF NOT EXISTS can still collide: one migrating process at a time.
            try session.query("SELECT pg_advisory_xact_lock(\(advisoryLock))")
            try session.query("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY NOT NULL)")
            let done = try applied(session)
            for migration in migrations where !done.contains(migration.id) {
                for statement in migration.statements + migration.postgres {
                    try session.query(PostgresQuery(unsafeSQL: sql(statement, .postgres)))
                }
                try session.query("INSERT INTO schema_migrations (id) VALUES (\(migration.id))")
            }
        }
    }

    /// The advisory lock a ledger process holds while it changes the schema (any fixed number
    /// no other program on the database uses).
    static let advisoryLock = 7_461_726

    private static func applied(_ session: PostgresSession) throws -> Set<String> {
        Set(try session.query("SELECT id FROM schema_migrations").map { try $0.decode(String.self) })
    }
}
