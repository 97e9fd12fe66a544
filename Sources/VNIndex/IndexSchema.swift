/// The index's tables, version 1.
///
/// ```
/// vnmine_schema(version)                         one row; a database of another version is refused
/// documents(id, doc_id UNIQUE, source, line, title, date, url, chars)
/// mentions(id, doc, eid, label, span_start, span_end, surface, key, canonical, kind, entity)
///     every entity of every document; `key` is the folded surface; (kind, entity) the resolved row
///     (official | unit | directive), NULL for RANK and TITLE mentions
/// officials(id, name, name_key, force, summary, mentions, documents, first_seen, last_seen)
/// official_facts(official, doc, date, fact, value, value_key, rank_order, force)
///     the history: one row per name / rank / title / unit an official record states in one document
/// units(id, name, name_key UNIQUE, code, parent, summary, mentions, documents, first_seen, last_seen)
/// directives(id, name, ident UNIQUE, key, tni, type, number, year, symbol, issuer, issued, title,
///            summary, mentions, documents, first_seen, last_seen)
///     `summary` is the one-line description a search hit shows (rank; titles; units / code; parent /
///     key; issuer; year), recomputed with the counts when a batch touches the entity
/// appearances(kind, entity, doc, date, name, mentions, snippet)   one row per entity per document
///     (the writer never adds a second row for one entity and document)
/// search  FTS5(kind, ref, weight UNINDEXED; name, aliases, facts, context) over folded text
/// stale(kind, entity)    entities whose counts, summary and search row await a refresh (see `IndexWriter`);
///     created by the writer when missing, so a version-1 index written before it existed still opens
/// ```
/// Offsets are Unicode code points into the document text.
///
/// Indexes are few because each costs a random B-tree insert per row while indexing: the mentions of an
/// entity are found through its appearances (`appearances_date`, then `mentions_doc`), mentions by surface
/// through `mentions_key` (units' and directives' mentions only), facts through their official; resolution
/// compares officials from memory (`OfficialCache`). A writer filling an empty database builds the three whose keys
/// arrive in random order (`mentions_key`, `appearances_date`, `official_facts_fact`) when its run ends, from
/// sorted keys (`IndexWriter.deferIndexes`). `mentions_key` is on `(key, label)`, not `(label, key)`: the
/// lookups give both, and SQLite's sorter compares a leading text column that differs between rows fastest
/// (its build at the end of a baomoi run: ~0.11 s instead of ~0.17–0.21 s; one written by an earlier build on
/// `(label, key)` answers the same lookups). Indexes written by earlier builds of version 1
/// (`mentions_entity`, `official_facts_force`, `official_facts_value`, the `appearances` primary key, a
/// `mentions_key` over every resolved mention) are not needed but do no harm. `first_seen`/`last_seen` are the earliest and
/// latest document dates (NULL when no document had a date). Search rows have `rowid = ref * 4 + kind`
/// so one entity's row is replaced without scanning. The search table has no FTS5 prefix indexes: on the
/// baomoi index the 1,000 benchmark queries and 2–3 letter prefixes (`ng`, `th`, `bo c`) ran as fast
/// without them, and they made the end-of-run refresh and the file larger (indexes written by earlier
/// builds with `prefix = '2 3'` answer the same queries).
enum IndexSchema {
  static let version = 1

  /// The indexes whose rows arrive in random order while indexing (by surface, by entity): a writer filling an
  /// empty database leaves them out until the run ends and builds each from sorted keys
  /// (`IndexWriter.deferIndexes`); every open creates those missing.
  static let deferredIndexes = [
    "CREATE INDEX IF NOT EXISTS mentions_key ON mentions(key, label) WHERE kind = 'unit' OR kind = 'directive'",
    "CREATE INDEX IF NOT EXISTS official_facts_fact ON official_facts(official, fact, date)",
    "CREATE INDEX IF NOT EXISTS appearances_date ON appearances(kind, entity, date, mentions)",
  ]
  static let deferredIndexNames = ["mentions_key", "official_facts_fact", "appearances_date"]

  static let ddl = """
    CREATE TABLE vnmine_schema(version INTEGER NOT NULL);
    CREATE TABLE documents(
      id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, source TEXT, line INTEGER,
      title TEXT, date TEXT, url TEXT, chars INTEGER NOT NULL);
    CREATE TABLE mentions(
      id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id), eid TEXT NOT NULL,
      label TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
      surface TEXT NOT NULL, key TEXT NOT NULL, canonical TEXT, kind TEXT, entity INTEGER);
    CREATE INDEX mentions_doc ON mentions(doc);
    \(deferredIndexes[0]);
    CREATE TABLE officials(
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL, force TEXT, summary TEXT,
      mentions INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT);
    CREATE INDEX officials_key ON officials(name_key);
    CREATE TABLE official_facts(
      official INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES documents(id), date TEXT,
      fact TEXT NOT NULL, value TEXT NOT NULL, value_key TEXT NOT NULL, rank_order INTEGER, force TEXT);
    \(deferredIndexes[1]);
    CREATE INDEX official_facts_doc ON official_facts(doc);
    CREATE TABLE units(
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, code TEXT, parent TEXT, summary TEXT,
      mentions INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT);
    CREATE INDEX units_code ON units(code);
    CREATE TABLE directives(
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, ident TEXT NOT NULL UNIQUE, key TEXT, tni TEXT,
      type TEXT, number TEXT, year INTEGER, symbol TEXT, issuer TEXT, issued TEXT, title TEXT, summary TEXT,
      mentions INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT);
    CREATE INDEX directives_tni ON directives(tni);
    CREATE TABLE appearances(
      kind TEXT NOT NULL, entity INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES documents(id), date TEXT,
      name TEXT NOT NULL, mentions INTEGER NOT NULL, snippet TEXT NOT NULL);
    CREATE INDEX appearances_doc ON appearances(doc);
    \(deferredIndexes[2]);
    CREATE TABLE stale(kind TEXT NOT NULL, entity INTEGER NOT NULL, PRIMARY KEY(kind, entity)) WITHOUT ROWID;
    CREATE VIRTUAL TABLE search USING fts5(
      kind UNINDEXED, ref UNINDEXED, weight UNINDEXED, name, aliases, facts, context,
      tokenize = 'unicode61 remove_diacritics 2');
    """

  /// Creates the tables in an empty database, or checks the version of an existing index.
  static func prepare(_ db: SQLiteConnection, create: Bool) throws(IndexError) {
    let hasSchemaTable = (try db.scalar(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'vnmine_schema'") ?? 0) > 0
    if !hasSchemaTable {
      guard create, try !db.hasAnyTable() else {
        throw try db.hasAnyTable() ? .notAnIndex(path: db.path) : .missingDatabase(path: db.path)
      }
      try db.execute("BEGIN IMMEDIATE")
      do {
        try db.execute(ddl)
        try db.run("INSERT INTO vnmine_schema(version) VALUES (?)", [.int(version)])
        try db.execute("COMMIT")
      } catch {
        try? db.execute("ROLLBACK")
        throw error
      }
      return
    }
    let found = Int(try db.scalar("SELECT max(version) FROM vnmine_schema") ?? 0)
    if found != version { throw .schemaVersion(path: db.path, found: found, expected: version) }
    if create {
      try db.execute("""
        CREATE TABLE IF NOT EXISTS stale(kind TEXT NOT NULL, entity INTEGER NOT NULL, PRIMARY KEY(kind, entity)) WITHOUT ROWID
        """)
      // A run that stopped before its end may have left them out (`IndexWriter.deferIndexes`).
      for sql in deferredIndexes { try db.execute(sql) }
    }
  }
}

/// The three kinds of resolved entity, as stored in `mentions.kind`, `appearances.kind` and `search.kind`.
public enum IndexedKind: String, Sendable, CaseIterable, Codable {
  case official, unit, directive

  /// The table holding this kind's rows.
  var table: String {
    switch self {
    case .official: "officials"
    case .unit: "units"
    case .directive: "directives"
    }
  }

  /// The low bits of a search rowid.
  var code: Int64 {
    switch self {
    case .official: 1
    case .unit: 2
    case .directive: 3
    }
  }

  func searchRowID(_ id: Int64) -> Int64 { id * 4 + code }
}
