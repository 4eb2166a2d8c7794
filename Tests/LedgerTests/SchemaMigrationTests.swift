import Foundation
import GRDB
import IntakeTestSupport
import Ledger
import Testing

/// The inbox tables as ledgers made before `LedgerSchema` hold them: camelCase columns,
/// recorded by GRDB as migration "v1" in SQLite, unrecorded in PostgreSQL.
private let oldSubmissionTable = """
    CREATE TABLE submission (
        sha256 TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, token TEXT NOT NULL, state TEXT NOT NULL,
        resultStatus TEXT, resultDirectory TEXT, reason TEXT, attempts INTEGER NOT NULL DEFAULT 1,
        worker TEXT NOT NULL, droppedAt DOUBLE PRECISION NOT NULL, claimedAt DOUBLE PRECISION NOT NULL,
        finishedAt DOUBLE PRECISION);
    CREATE TABLE duplicate (token TEXT PRIMARY KEY NOT NULL, sha256 TEXT NOT NULL, name TEXT NOT NULL,
        at DOUBLE PRECISION NOT NULL);
    INSERT INTO submission (sha256, name, token, state, resultStatus, resultDirectory, worker, droppedAt, claimedAt, finishedAt)
        VALUES ('old', 'a.xml', 't0', 'done', 'incomplete', '/out/old', 'w', 1000, 1001, 1002);
    """

/// What a ledger made before the migrations held must read the same after them.
private func expectOldRowSurvives(_ ledger: Ledger) throws {
    let entry = try #require(try ledger.entry(sha256: "old"))
    #expect(entry.resultStatus == "incomplete" && entry.resultDirectory == "/out/old")
    #expect(entry.droppedAt == Date(timeIntervalSince1970: 1_000) && entry.finishedAt == Date(timeIntervalSince1970: 1_002))
    #expect(try ledger.summary(since: Date(timeIntervalSince1970: 0)).byResultStatus == ["incomplete": 1])
    #expect(try ledger.begin(ClaimRecord(sha256: "new", name: "b.xml", token: "t1", droppedAt: Date(timeIntervalSince1970: 2_000),
                                         claimedAt: Date(timeIntervalSince1970: 2_001), worker: "w")) == .process)
}

@Test("An SQLite ledger made before the schema list is brought up to date with its rows intact")
func sqliteLedgerUpgrade() throws {
    let temp = try TemporaryDirectory("ledger")
    let path = temp.path("ledger.sqlite")
    let old = try DatabaseQueue(path: path)
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
        try db.execute(sql: oldSubmissionTable + """
            CREATE TABLE event (id INTEGER PRIMARY KEY AUTOINCREMENT, sha256 TEXT NOT NULL, token TEXT NOT NULL,
                kind TEXT NOT NULL, at DOUBLE NOT NULL, detail TEXT);
            """)
    }
    try migrator.migrate(old)
    try old.close()
    try expectOldRowSurvives(try SQLiteLedger(path: path))
    // Opened again (and by the revalidation store): nothing left to do, nothing lost.
    _ = try SQLiteRevalidationStore(path: path)
    let again = try SQLiteLedger(path: path)
    #expect(try again.entries().map(\.sha256).sorted() == ["new", "old"])
    let columns = try DatabaseQueue(path: path).read { db in try db.columns(in: "submission").map(\.name) }
    #expect(columns.contains("result_status") && !columns.contains("resultStatus"), "\(columns)")
}

@Test("A PostgreSQL ledger made before the schema list is brought up to date with its rows intact")
func postgresLedgerUpgrade() throws {
    let server = try PostgresServer.shared()
    let url = try server.makeDatabase("upgrade")
    let database = String(url.split(separator: "/").last!)
    let made = try server.psql(database, oldSubmissionTable + """
        CREATE TABLE event (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, sha256 TEXT NOT NULL, token TEXT NOT NULL,
            kind TEXT NOT NULL, at DOUBLE PRECISION NOT NULL, detail TEXT);
        """)
    #expect(made.status == 0, "\(made.stderr)")
    let ledger = try PostgresLedger(url: url)
    try expectOldRowSurvives(ledger)
    ledger.close()
    let store = try PostgresRevalidationStore(url: url)
    store.close()
    let recorded = try server.psql(database, "SELECT id FROM schema_migrations ORDER BY id")
    #expect(recorded.stdout.contains("snake-case") && recorded.stdout.contains("revalidation") && recorded.stdout.contains("v1"))
}
