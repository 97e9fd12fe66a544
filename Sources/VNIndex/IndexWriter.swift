import CSQLite
import VNCore
import VNText

/// Writes annotated documents into a vnmine index, one transaction per batch.
///
/// Safety: the database runs in WAL mode with `synchronous = FULL`, so readers (`vnmine search`) work while
/// a batch is written, and a batch is either wholly on disk after `add` returns or absent after a crash
/// (process kill or power loss) — never half-written. Re-adding a document (same `id`) first deletes every
/// row it contributed, so indexing the same input twice leaves the same row counts; entities no document
/// mentions any more are deleted at the end of the batch.
///
/// Entity resolution (officials, units, directives across documents) is described on `EntityResolution`.
public final class IndexWriter {
  let db: SQLiteConnection
  let gazetteer: IndexGazetteer
  let folder = SearchKeyFolder()
  /// Entities whose aggregates and search row must be recomputed before the batch commits.
  var touched: Set<EntityRef> = []

  /// Opens or creates the index at `path`.
  ///
  /// - Throws: `IndexError.schemaVersion` for an index of another version, `.notAnIndex` for another
  ///   SQLite database, `.sqlite` when the file cannot be opened or written.
  public init(path: String, gazetteer: IndexGazetteer = .empty) throws(IndexError) {
    db = try SQLiteConnection(path: path, readOnly: false, create: true)
    self.gazetteer = gazetteer
    try db.execute("PRAGMA journal_mode = WAL")
    try db.execute("PRAGMA synchronous = FULL")
    try db.execute("PRAGMA cache_size = -65536")
    try IndexSchema.prepare(db, create: true)
  }

  /// Adds (or replaces) `documents` in one transaction; returns the code points of text indexed.
  @discardableResult
  public func add(_ documents: [IndexedDocument]) throws(IndexError) -> Int {
    var characters = 0
    try db.execute("BEGIN IMMEDIATE")
    do {
      touched.removeAll(keepingCapacity: true)
      var t = PhaseClock.now()
      for d in documents { characters += try replace(d) }
      PhaseClock.add("replace", &t)
      try refreshTouched()
      PhaseClock.add("refresh", &t)
      try db.execute("COMMIT")
      PhaseClock.add("commit", &t)
    } catch {
      try? db.execute("ROLLBACK")
      throw error
    }
    return characters
  }

  /// Row counts of the main tables.
  public func counts() throws(IndexError) -> IndexCounts { try IndexCounts.read(db) }

  /// Runs `PRAGMA integrity_check` and returns its first line (`ok` when sound).
  public func integrityCheck() throws(IndexError) -> String {
    try db.query("PRAGMA integrity_check") { $0.text(0) }.first ?? ""
  }

  /// Checkpoints the WAL into the main file (done when a run ends; not needed for safety).
  public func checkpoint() throws(IndexError) {
    try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
  }

  // MARK: - One document

  private func replace(_ doc: IndexedDocument) throws(IndexError) -> Int {
    try delete(docID: doc.id)
    let scalars = Self.scalars(doc.text)
    try db.run("""
      INSERT INTO documents(doc_id, source, line, title, date, url, chars) VALUES (?, ?, ?, ?, ?, ?, ?)
      """, [.text(doc.id), .opt(doc.source), .opt(doc.line), .opt(doc.title), .opt(doc.date), .opt(doc.url),
            .int(scalars.count)])
    let docRow = db.lastInsertRowID
    var context = DocumentContext(doc: doc, row: docRow, scalars: scalars)
    try resolveOfficials(&context)
    for e in doc.entities {
      switch e.kind {
      case .unit: context.link(e, to: try resolveUnit(e))
      case .directive: context.link(e, to: try resolveDirective(e))
      default: break
      }
    }
    for e in doc.entities {
      let ref = context.resolved[e.id]
      try db.run("""
        INSERT INTO mentions(doc, eid, label, span_start, span_end, surface, key, canonical, kind, entity)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, [.int(docRow), .text(e.id), .text(e.kind.rawValue), .int(e.start), .int(e.end), .text(e.text),
              .text(folder.key(e.text)), .opt(e.canonical), .opt(ref?.kind.rawValue), ref.map { .int($0.id) } ?? .null])
    }
    for (ref, a) in context.appearances {
      try db.run("""
        INSERT INTO appearances(kind, entity, doc, date, name, mentions, snippet) VALUES (?, ?, ?, ?, ?, ?, ?)
        """, [.text(ref.kind.rawValue), .int(ref.id), .int(docRow), .opt(doc.date), .text(a.name), .int(a.mentions),
              .text(a.snippet)])
      touched.insert(ref)
    }
    return scalars.count
  }

  /// The text's code points (offsets and snippets index them), decoded straight from UTF-8.
  static func scalars(_ text: String) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    var text = text
    text.withUTF8 { buf in
      out.reserveCapacity(buf.count)
      var it = buf.makeIterator()
      var decoder = UTF8()
      while case .scalarValue(let s) = decoder.decode(&it) { out.append(s) }
    }
    return out
  }

  /// Deletes every row a document contributed; its entities are refreshed at the end of the batch.
  private func delete(docID: String) throws(IndexError) {
    guard let row = try db.scalar("SELECT id FROM documents WHERE doc_id = ?", [.text(docID)]) else { return }
    let refs = try db.query("SELECT kind, entity FROM appearances WHERE doc = ?", [.int(row)]) { s in
      IndexedKind(rawValue: s.text(0)).map { EntityRef(kind: $0, id: s.int(1)) }
    }
    for case let r? in refs { touched.insert(r) }
    for table in ["mentions", "appearances", "official_facts"] {
      try db.run("DELETE FROM \(table) WHERE doc = ?", [.int(row)])
    }
    try db.run("DELETE FROM documents WHERE id = ?", [.int(row)])
  }
}

/// One resolved entity row.
struct EntityRef: Hashable {
  var kind: IndexedKind
  var id: Int64
}

/// What one document contributes while it is being resolved.
struct DocumentContext {
  struct Appearance {
    var name: String
    var mentions: Int
    var snippet: String
  }

  let doc: IndexedDocument
  let row: Int64
  let scalars: [Unicode.Scalar]
  /// Entity id (`e12`) → resolved row.
  var resolved: [String: EntityRef] = [:]
  var appearances: [EntityRef: Appearance] = [:]

  init(doc: IndexedDocument, row: Int64, scalars: [Unicode.Scalar]) {
    self.doc = doc; self.row = row; self.scalars = scalars
  }

  /// Records that `entity` names `ref`; the first mention in the document gives the snippet.
  mutating func link(_ entity: Entity, to ref: EntityRef, name: String? = nil) {
    resolved[entity.id] = ref
    if appearances[ref] != nil {
      appearances[ref]!.mentions += 1
    } else {
      appearances[ref] = Appearance(name: name ?? entity.canonical ?? entity.text, mentions: 1,
                                    snippet: Snippet.around(scalars, start: entity.start, end: entity.end))
    }
  }
}

/// Row counts of an index.
public struct IndexCounts: Sendable, Equatable, Codable, CustomStringConvertible {
  public var documents = 0
  public var mentions = 0
  public var officials = 0
  public var officialFacts = 0
  public var units = 0
  public var directives = 0
  public var appearances = 0
  public var searchRows = 0

  static func read(_ db: SQLiteConnection) throws(IndexError) -> IndexCounts {
    func n(_ t: String) throws(IndexError) -> Int { Int(try db.scalar("SELECT count(*) FROM \(t)") ?? 0) }
    return IndexCounts(documents: try n("documents"), mentions: try n("mentions"), officials: try n("officials"),
                       officialFacts: try n("official_facts"), units: try n("units"), directives: try n("directives"),
                       appearances: try n("appearances"), searchRows: try n("search"))
  }

  public var description: String {
    "\(documents) documents, \(mentions) mentions, \(officials) officials, \(units) units, \(directives) directives"
  }
}
