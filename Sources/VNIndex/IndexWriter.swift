import CSQLite
import Foundation
import VNCore
import VNText

/// Writes annotated documents into a vnmine index, one transaction per batch.
///
/// Safety: the database runs in WAL mode with `synchronous = NORMAL`, so readers (`vnmine search`) work while
/// a batch is written, and a batch is either wholly in the database after `add` returns or absent after a
/// crash — never half-written. A process crash (kill, abort) loses no committed batch; a power loss or OS
/// crash may lose the batches committed since the last checkpoint (SQLite's WAL with `synchronous = NORMAL`
/// skips the fsync per commit), but the database stays consistent. Re-adding a document (same `id`) first
/// deletes every row it contributed, so indexing the same input twice leaves the same row counts.
///
/// Counts, first/last seen, summaries and search rows of the entities a batch touched are recomputed
/// ("refreshed") either before the batch commits (`add(_:)`), or — when a run defers it
/// (`add(_:deferRefresh: true)`, as `JSONLIndexer` does) — in the batch that ends `refreshInterval` seconds
/// after the previous refresh and at the end of the run (`refresh()`), so an entity mentioned in many
/// batches is recomputed once. Entities awaiting a refresh are listed in the `stale` table in the same
/// transaction as the rows that made them stale, so after a crash the next `IndexWriter` opened on the
/// database refreshes them first. Entities no document mentions any more are deleted when refreshed.
/// An official's `mentions` count is kept current at every batch (resolution compares it).
///
/// Entity resolution (officials, units, directives across documents) is described on `EntityResolution`.
public final class IndexWriter {
  let db: SQLiteConnection
  let gazetteer: IndexGazetteer
  let folder = SearchKeyFolder()
  /// Entities the current batch touched (listed in `stale` before the batch commits).
  var touched: Set<EntityRef> = []
  /// Deferred refreshes happen at the end of the batch that ends this many seconds after the last refresh.
  public var refreshInterval: Double
  var lastRefresh = IndexWriter.monotonicSeconds()
  /// `units.name_key` → id of units seen by this writer; dropped when a refresh may have deleted units,
  /// after a rollback, and when another connection wrote to the database.
  var unitIDs: [String: Int64] = [:]
  /// When the database had no documents at the last check: the document ids this writer added since
  /// (a new id needs no lookup for an older copy to delete). Nil otherwise, and after any doubt (a
  /// rollback, another connection's write).
  var addedSinceEmpty: Set<String>?
  /// Entities this writer listed in `stale` since its last refresh (dropped like `unitIDs`).
  var markedStale: Set<EntityRef> = []
  private var dataVersion: Int64 = -1
  /// Mentions added to officials in the open batch, written to `officials.mentions` once per official when
  /// the batch commits (and before anything reads the column back).
  private var pendingMentions: [Int64: Int64] = [:]
  /// Officials and their facts as resolution compares them (see `OfficialCache`).
  var officialCache = OfficialCache()
  /// Folded unit name → the forces it places an official in (`unitForces`).
  var unitForceCache: [String: (police: Bool, military: Bool)] = [:]
  /// A refresh of this many stale entities or more reads each table in one scan instead of per entity.
  var bulkRefreshThreshold = 1000
  /// Every row of the tables `RowMirror` mirrors, while the writer knows them all (nil otherwise).
  var rowMirror: RowMirror?
  /// Whether a bulk refresh reads the mirrored tables from `rowMirror` (tests turn it off to compare).
  var useRowMirror = true
  /// Bulk refreshes that read the mirrored tables from `rowMirror` (tests check which path ran).
  var refreshesFromMirror = 0
  /// Whether `IndexSchema.deferredIndexes` are left out while `rowMirror` answers their lookups (`deferIndexes`).
  private(set) var indexesDeferred = false
  /// Whether a writer filling an empty database builds `IndexSchema.deferredIndexes` once at the end instead of
  /// row by row (tests turn it off to compare).
  var deferIndexes = true
  /// The statements run once per row or document, prepared when the writer opens.
  let statements: WriterStatements
  /// The WAL hook's context and the checkpointer it wakes (see `BackgroundCheckpointer`).
  let walHook: WALHookContext

  /// Opens or creates the index at `path`, refreshing entities a crashed run left stale.
  ///
  /// - Throws: `IndexError.schemaVersion` for an index of another version, `.notAnIndex` for another
  ///   SQLite database, `.sqlite` when the file cannot be opened or written.
  public init(path: String, gazetteer: IndexGazetteer = .empty, refreshInterval: Double = 30) throws(IndexError) {
    db = try SQLiteConnection(path: path, readOnly: false, create: true)
    self.gazetteer = gazetteer
    self.refreshInterval = refreshInterval
    // 16 KiB pages for a new index (an existing one keeps its own; WAL mode fixes the size): a quarter of the
    // WAL writes, page reads and B-tree splits of 4 KiB pages while indexing (measured on baomoi: 95,521 →
    // 25,094 WAL writes, file 5 % smaller).
    try db.execute("PRAGMA page_size = 16384")
    try db.execute("PRAGMA journal_mode = WAL")
    try db.execute("PRAGMA synchronous = NORMAL")
    try db.execute("PRAGMA cache_size = -65536")
    try db.execute("PRAGMA temp_store = MEMORY")
    try IndexSchema.prepare(db, create: true)
    // The WAL is checkpointed into the database from a second connection, each time commits have added 32 MiB to
    // it (`BackgroundCheckpointer`), instead of by the committing writer every 4 MiB.
    let pageSize = try db.scalar("PRAGMA page_size") ?? 4096
    walHook = WALHookContext(checkpointer: BackgroundCheckpointer(path: path), frames: (32 << 20) / Int(max(512, pageSize)))
    walHook.install(on: db)
    statements = try WriterStatements(db)
    try refresh()
  }

  deinit {
    walHook.checkpointer.stop()
  }

  /// Asks the background checkpointer to checkpoint now (`refresh` does before each of its transactions).
  func requestCheckpoint() { walHook.checkpointer.request() }

  /// Adds (or replaces) `documents` in one transaction; returns the code points of text indexed.
  ///
  /// With `deferRefresh`, the touched entities are only marked stale unless `refreshInterval` has passed
  /// since the last refresh; call `refresh()` when the run ends.
  @discardableResult
  public func add(_ documents: [IndexedDocument], deferRefresh: Bool = false) throws(IndexError) -> Int {
    var characters = 0
    try begin()
    for d in documents { characters += try append(d) }
    try commit(deferRefresh: deferRefresh)
    return characters
  }

  // A batch built one document at a time (`DocumentIndexer`): `begin()`, `append(_:)` for each document,
  // then `commit(deferRefresh:)` — the same transaction as `add`. After an error the batch is rolled back.

  /// Opens a batch's transaction.
  public func begin() throws(IndexError) {
    try db.execute("BEGIN IMMEDIATE")
    do {
      try checkDataVersion()
    } catch {
      abandon()
      throw error
    }
    touched.removeAll(keepingCapacity: true)
    // Into an empty database, the indexes whose keys arrive in random order are built once when the run ends,
    // from sorted keys, instead of by one B-tree insert per row; meanwhile `rowMirror` and the complete
    // `officialCache` answer the writer's lookups, and a refresh of few entities builds them first.
    if deferIndexes && rowMirror != nil && !indexesDeferred {
      do {
        for name in IndexSchema.deferredIndexNames { try db.execute("DROP INDEX IF EXISTS \(name)") }
        indexesDeferred = true
      } catch {
        abandon()
        throw error
      }
    }
  }

  /// Builds the indexes this writer left out, if it did (in the open transaction).
  func restoreIndexes() throws(IndexError) {
    guard indexesDeferred else { return }
    for sql in IndexSchema.deferredIndexes { try db.execute(sql) }
    indexesDeferred = false
  }

  /// Adds (or replaces) one document in the open batch; returns its code points.
  public func append(_ document: IndexedDocument) throws(IndexError) -> Int {
    var t = PhaseClock.now()
    defer { PhaseClock.add("replace", &t) }
    do {
      return try replace(document)
    } catch {
      abandon()
      throw error
    }
  }

  /// Marks the batch's entities stale (refreshing them unless deferred, see `add`) and commits.
  public func commit(deferRefresh: Bool) throws(IndexError) {
    do {
      var t = PhaseClock.now()
      try flushMentions()
      var fresh: [EntityRef] = []
      for ref in touched where markedStale.insert(ref).inserted { fresh.append(ref) }
      // In key order: the rows go into the `stale` B-tree side by side.
      fresh.sort { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
      try statements.stale.insert(fresh, db) { a, ref in a.text(ref.kind.rawValue); a.int(ref.id) }
      touched.removeAll(keepingCapacity: true)
      if !deferRefresh || Self.monotonicSeconds() - lastRefresh >= refreshInterval { try refreshStale() }
      if !deferRefresh { try restoreIndexes() }
      PhaseClock.add("refresh", &t)
      try db.execute("COMMIT")
      PhaseClock.add("commit", &t)
    } catch {
      abandon()
      throw error
    }
  }

  /// Adds the open batch's mentions to `officials.mentions`.
  private func flushMentions() throws(IndexError) {
    for (id, n) in pendingMentions.sorted(by: { $0.key < $1.key }) {
      try db.run("UPDATE officials SET mentions = mentions + ? WHERE id = ?", [.int(n), .int(id)])
    }
    pendingMentions.removeAll(keepingCapacity: true)
  }

  /// Rolls the open batch back and forgets what the caches learnt from it.
  private func abandon() {
    try? db.execute("ROLLBACK")
    // The index may have been dropped by an earlier, committed batch: build it now, or the next open will.
    if indexesDeferred {
      indexesDeferred = false
      // Each index on its own (`restoreIndexes` stops at the first failure): the next open builds any left.
      for sql in IndexSchema.deferredIndexes { try? db.execute(sql) }
    }
    pendingMentions.removeAll()
    releaseCaches()
  }

  static func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// `folder.key(s)`. (Not cached: folding the UTF-8 bytes is cheaper than hashing a non-ASCII `String`,
  /// which Swift normalises to NFC to hash.)
  @inline(__always)
  func foldKey(_ s: String) -> String { folder.key(s) }

  /// Drops the caches of database rows when another connection committed since the last check.
  private func checkDataVersion() throws(IndexError) {
    let v = try db.scalar("PRAGMA data_version") ?? 0
    if v != dataVersion {
      try restoreIndexes()
      unitIDs.removeAll(); markedStale.removeAll(); dataVersion = v
      addedSinceEmpty = try db.scalar("SELECT 1 FROM documents LIMIT 1") == nil ? [] : nil
      rowMirror = nil
      if addedSinceEmpty != nil, try db.scalar("""
        SELECT EXISTS (SELECT 1 FROM appearances) OR EXISTS (SELECT 1 FROM official_facts) OR EXISTS (SELECT 1 FROM mentions)
        """) == 0 {
        rowMirror = RowMirror()
      }
      officialCache.reset(complete: try db.scalar("SELECT 1 FROM officials LIMIT 1") == nil)
    }
  }

  /// Row counts of the main tables.
  public func counts() throws(IndexError) -> IndexCounts { try IndexCounts.read(db) }

  /// Runs `PRAGMA integrity_check` and returns its first line (`ok` when sound).
  public func integrityCheck() throws(IndexError) -> String {
    try db.query("PRAGMA integrity_check") { $0.text(0) }.first ?? ""
  }

  /// Checkpoints the WAL into the main file (done when a run ends; not needed for safety).
  public func checkpoint() throws(IndexError) {
    // The background checkpointer stops first (a checkpoint of its own would keep this one from completing),
    // and a new one takes over for any later batches.
    walHook.checkpointer.stop()
    defer { walHook.checkpointer = BackgroundCheckpointer(path: db.path) }
    try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
  }

  // MARK: - One document

  private func replace(_ doc: IndexedDocument) throws(IndexError) -> Int {
    try delete(docID: doc.id)
    let text = doc.content
    try db.run(statements.insertDocument) { a in
      a.text(doc.id); a.text(doc.source); a.int(doc.line); a.text(doc.title); a.text(doc.date); a.text(doc.url)
      a.int(text.count)
    }
    let docRow = db.lastInsertRowID
    var context = DocumentContext(doc: doc, row: docRow, text: text)
    try resolveOfficials(&context)
    for e in doc.entities {
      switch e.kind {
      case .unit: context.link(e, to: try resolveUnit(e))
      case .directive: context.link(e, to: try resolveDirective(e))
      default: break
      }
    }
    try insertMentions(doc.entities, doc: docRow, resolved: context.resolved)
    try statements.appearances.insert(context.appearances, db) { b, item in
      b.text(item.key.kind.rawValue); b.int(item.key.id); b.int(docRow); b.text(doc.date); b.text(item.value.name)
      b.int(item.value.mentions); b.text(utf8: item.value.snippet)
    }
    for (ref, a) in context.appearances {
      rowMirror?.addAppearance(ref, date: doc.date, doc: docRow, mentions: a.mentions, name: a.name, snippet: a.snippet)
      if ref.kind == .official {
        pendingMentions[ref.id, default: 0] += Int64(a.mentions)
        officialCache.officials[ref.id]?.mentions += Int64(a.mentions)
      }
      touched.insert(ref)
    }
    return text.count
  }

  /// Inserts a document's mentions, up to `RowInsert.maxRows` per statement.
  private func insertMentions(_ entities: [Entity], doc docRow: Int64, resolved: [String: EntityRef]) throws(IndexError) {
    // (A failed insert drops the mirror with the batch, see `abandon`.)
    try statements.mentions.insert(entities, db) { a, e in
      let ref = resolved[e.id]
      let key = foldKey(e.text)
      a.int(docRow); a.text(e.id); a.text(e.kind.rawValue); a.int(e.start); a.int(e.end); a.text(e.text)
      a.text(key); a.text(e.canonical)
      if let ref {
        a.text(ref.kind.rawValue); a.int(ref.id)
        rowMirror?.addMention(ref, key: key, unitLabel: e.kind == .unit)
      } else {
        a.null(); a.null()
      }
    }
  }

  /// Deletes every row a document contributed; its entities become stale.
  private func delete(docID: String) throws(IndexError) {
    // Into a database that had no documents when this writer checked, only ids it added itself can exist.
    if addedSinceEmpty != nil {
      if addedSinceEmpty!.insert(docID).inserted { return }
      addedSinceEmpty = nil
    }
    guard let row = try db.scalar("SELECT id FROM documents WHERE doc_id = ?", [.text(docID)]) else { return }
    officialCache.reset(complete: false)  // the document's facts go
    rowMirror = nil
    try restoreIndexes()
    try flushMentions()
    let refs = try db.query("SELECT kind, entity, mentions FROM appearances WHERE doc = ?", [.int(row)]) { s in
      IndexedKind(rawValue: s.text(0)).map { (EntityRef(kind: $0, id: s.int(1)), s.int(2)) }
    }
    for case let (r, mentions)? in refs {
      touched.insert(r)
      if r.kind == .official {
        try db.run("UPDATE officials SET mentions = mentions - ? WHERE id = ?", [.int(mentions), .int(r.id)])
      }
    }
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
    /// UTF-8 (`Snippet.utf8(around:start:end:)`).
    var snippet: [UInt8]
  }

  let doc: IndexedDocument
  let row: Int64
  /// The document text, for snippets.
  let text: UTF8Text
  /// Entity id (`e12`) → resolved row.
  var resolved: [String: EntityRef] = [:]
  var appearances: [EntityRef: Appearance] = [:]

  init(doc: IndexedDocument, row: Int64, text: UTF8Text) {
    self.doc = doc; self.row = row; self.text = text
  }

  /// Records that `entity` names `ref`; the first mention in the document gives the snippet.
  mutating func link(_ entity: Entity, to ref: EntityRef, name: String? = nil) {
    resolved[entity.id] = ref
    if appearances[ref] != nil {
      appearances[ref]!.mentions += 1
    } else {
      appearances[ref] = Appearance(name: name ?? entity.canonical ?? entity.text, mentions: 1,
                                    snippet: Snippet.utf8(around: text, start: entity.start, end: entity.end))
    }
  }
}

