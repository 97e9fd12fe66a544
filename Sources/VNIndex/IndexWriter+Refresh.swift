import Foundation
import VNText

extension IndexWriter {
  /// Recomputes counts, first/last seen, display names, summaries and search rows of the entities listed in
  /// `stale` and empties it; deletes those no document mentions any more. Runs inside the caller's transaction.
  ///
  /// Few stale entities (an incremental run): each one's rows are read with indexed queries. Many (the end
  /// of a long run, `bulkRefreshThreshold` or more): `appearances`, `official_facts`, `units`, `directives`
  /// and the resolved mentions are each read in one scan, and every entity is computed from what the scans
  /// kept. Both paths feed the same computation (`EntityFacts`), so they write the same rows.
  ///
  /// - Parameter buildingIndexes: also build the indexes left out (`restoreIndexes`); a bulk refresh does it
  ///   while another thread computes the rows.
  func refreshStale(buildingIndexes: Bool = false) throws(IndexError) {
    let refs = try db.query("SELECT kind, entity FROM stale") { s in
      IndexedKind(rawValue: s.text(0)).map { EntityRef(kind: $0, id: s.int(1)) }
    }.compactMap { $0 }
    var t = PhaseClock.now()
    let scanned = refs.count >= bulkRefreshThreshold ? try scanEntityFacts(Set(refs)) : nil
    PhaseClock.add("refresh: scans", &t)
    let ordered = refs.sorted(by: { ($0.kind.code, $0.id) < ($1.kind.code, $1.id) })
    let planner = RefreshPlanner(gazetteer: gazetteer, folder: folder)
    if let scanned {
      // The rows are computed from what the scans kept (no database access), on two threads or beside the
      // index build, then written in order.
      let plans = buildingIndexes && indexesDeferred
        ? try planner.plans(ordered, scanned, whileRunning: { () throws(IndexError) in try restoreIndexes() })
        : planner.plans(ordered, scanned)
      for plan in plans { try apply(plan) }
      BackgroundRelease.release((plans, scanned))
    } else {
      try restoreIndexes()  // the per-entity reads need them
      for ref in ordered { try apply(planner.plan(ref, try entityFacts(ref), hasSearchRow: true)) }
    }
    PhaseClock.add("refresh: rows", &t)
    try db.run("DELETE FROM stale")
    unitIDs.removeAll()
    markedStale.removeAll()
    lastRefresh = Self.monotonicSeconds()
  }

  /// Writes one entity's refreshed row and search row, or deletes the entity.
  private func apply(_ plan: RefreshPlan) throws(IndexError) {
    let ref = plan.ref
    let rowid = ref.kind.searchRowID(ref.id)
    if plan.hasSearchRow { try db.run("DELETE FROM search WHERE rowid = ?", [.int(rowid)]) }
    guard let update = plan.update else {
      try db.run("DELETE FROM \(ref.kind.table) WHERE id = ?", [.int(ref.id)])
      if ref.kind == .official { officialCache.remove(ref.id) }
      return
    }
    try db.run(update.sql, update.values)
    try db.run("""
      INSERT INTO search(rowid, kind, ref, weight, name, aliases, facts, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """, [.int(rowid), .text(ref.kind.rawValue), .int(ref.id)] + plan.search)
  }

  // MARK: - Reading what a refresh needs

  /// One entity's rows, read with indexed queries.
  private func entityFacts(_ ref: EntityRef) throws(IndexError) -> EntityFacts {
    var f = EntityFacts()
    let s = try db.statement("SELECT date, doc, mentions, name, snippet FROM appearances WHERE kind = ? AND entity = ?")
    try s.bind([.text(ref.kind.rawValue), .int(ref.id)])
    while try s.step() { f.appearances.add(s, officials: ref.kind == .official) }
    switch ref.kind {
    case .official:
      f.officialFacts = try db.query("""
        SELECT fact, value, value_key, date, force FROM official_facts WHERE official = ? ORDER BY rowid
        """, [.int(ref.id)]) { FactRow($0) }
    case .unit:
      f.unit = try db.query("SELECT name, code, parent FROM units WHERE id = ?", [.int(ref.id)]) {
        ($0.text(0), $0.optText(1), $0.optText(2))
      }.first
      f.surfaces = try db.query(Self.entityKeysSQL(ref.kind, limit: 30), [.int(ref.id)]) { $0.text(0) }
    case .directive:
      f.directive = try db.query("SELECT name, key, issuer, year, type, number, title FROM directives WHERE id = ?",
                                 [.int(ref.id)]) { s in (s.text(0), (1...6).map { s.optText(Int32($0)) }) }.first
      f.surfaces = try db.query(Self.entityKeysSQL(ref.kind, limit: 30), [.int(ref.id)]) { $0.text(0) }
    }
    return f
  }

  /// The rows of every entity in `refs`, from one scan of each table, or from `rowMirror` for the tables it
  /// mirrors when it holds all their rows.
  private func scanEntityFacts(_ refs: Set<EntityRef>) throws(IndexError) -> ScannedFacts {
    var out = ScannedFacts()
    if let rowMirror, useRowMirror {
      refreshesFromMirror += 1
      out.appearances = rowMirror.appearances
      out.officialFacts = rowMirror.officialFacts
      for ref in refs where ref.kind != .official {
        if let keys = rowMirror.surfaces[ref] { out.surfaces[ref] = keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
      }
    } else {
      try scanMirroredTables(refs, into: &out)
    }
    var s = try db.statement("SELECT id, name, code, parent FROM units")
    while try s.step() {
      guard refs.contains(EntityRef(kind: .unit, id: s.int(0))) else { continue }
      out.units[s.int(0)] = (s.text(1), s.optText(2), s.optText(3))
    }
    s = try db.statement("SELECT id, name, key, issuer, year, type, number, title FROM directives")
    while try s.step() {
      guard refs.contains(EntityRef(kind: .directive, id: s.int(0))) else { continue }
      out.directives[s.int(0)] = (s.text(1), (2...7).map { s.optText(Int32($0)) })
    }
    s = try db.statement("SELECT rowid FROM search")
    while try s.step() { out.searchRows.insert(s.int(0)) }
    return out
  }

  /// The scans of the tables `RowMirror` mirrors: appearances, official facts, resolved mentions' surfaces.
  private func scanMirroredTables(_ refs: Set<EntityRef>, into out: inout ScannedFacts) throws(IndexError) {
    var s = try db.statement("SELECT kind, entity, date, doc, mentions, name, snippet FROM appearances")
    while try s.step() {
      guard let kind = IndexedKind(rawValue: s.text(0)) else { continue }
      let ref = EntityRef(kind: kind, id: s.int(1))
      guard refs.contains(ref) else { continue }
      out.appearances[ref, default: AppearanceSummary()].add(s, officials: kind == .official, offset: 2)
    }
    s = try db.statement("SELECT official, fact, value, value_key, date, force FROM official_facts ORDER BY rowid")
    while try s.step() {
      let id = s.int(0)
      guard refs.contains(EntityRef(kind: .official, id: id)) else { continue }
      out.officialFacts[id, default: []].append(FactRow(s, offset: 1))
    }
    // The folded surfaces of the units' and directives' mentions, distinct and sorted.
    var sets: [EntityRef: Set<String>] = [:]
    s = try db.statement("SELECT kind, entity, key FROM mentions NOT INDEXED WHERE kind IN ('unit', 'directive')")
    while try s.step() {
      guard let kind = IndexedKind(rawValue: s.text(0)) else { continue }
      let ref = EntityRef(kind: kind, id: s.int(1))
      if refs.contains(ref) { sets[ref, default: []].insert(s.text(2)) }
    }
    out.surfaces = sets.mapValues { $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
  }

  /// The distinct folded surfaces of an entity's mentions, in order (found through its appearances).
  static func entityKeysSQL(_ kind: IndexedKind, limit: Int? = nil) -> String {
    """
    SELECT DISTINCT m.key FROM appearances a JOIN mentions m ON m.doc = a.doc AND m.kind = a.kind AND m.entity = a.entity
    WHERE a.kind = '\(kind.rawValue)' AND a.entity = ?1 ORDER BY m.key\(limit.map { " LIMIT \($0)" } ?? "")
    """
  }
}

/// An entity's appearances folded into what its row and search row show.
struct AppearanceSummary {
  var documents = 0
  var mentions = 0
  /// Earliest and latest document date (nil when no document had one).
  var firstSeen: String?
  var lastSeen: String?
  /// The UTF-8 of the snippet of the latest appearance: latest date (undated counts as oldest), then latest
  /// document. Kept as bytes: most rows are the latest so far, and only the last one is needed as text.
  var snippet: [UInt8] = []
  private var latest: (date: String?, doc: Int64)?
  /// Officials: how many documents called the official by each name.
  var names: [String: Int] = [:]

  /// The snippet as `SQLiteStatement.text` reads it (up to a NUL).
  var snippetText: String { String(decoding: snippet.prefix { $0 != 0 }, as: UTF8.self) }

  /// Adds the row at the statement's columns `offset…`: date, doc, mentions, name, snippet.
  mutating func add(_ s: SQLiteStatement, officials: Bool, offset: Int32 = 0) {
    let date = s.optText(offset), doc = s.int(offset + 1)
    if add(date: date, doc: doc, mentions: Int(s.int(offset + 2)), name: officials ? s.text(offset + 3) : nil) {
      s.utf8(offset + 4, into: &snippet)
    }
  }

  /// Adds one appearance (`name` counted for officials only); true when it is the latest so far, whose
  /// snippet the caller then stores.
  mutating func add(date: String?, doc: Int64, mentions n: Int, name: String?) -> Bool {
    documents += 1
    mentions += n
    if let date {
      if firstSeen == nil || date.utf8.lexicographicallyPrecedes(firstSeen!.utf8) { firstSeen = date }
      if lastSeen == nil || lastSeen!.utf8.lexicographicallyPrecedes(date.utf8) { lastSeen = date }
    }
    if let name { names[name, default: 0] += 1 }
    guard latest == nil || Self.isLater(date, doc, than: latest!) else { return false }
    latest = (date, doc)
    return true
  }

  private static func isLater(_ date: String?, _ doc: Int64, than other: (date: String?, doc: Int64)) -> Bool {
    switch (date, other.date) {
    case (nil, nil): return doc > other.doc
    case (nil, _): return false
    case (_, nil): return true
    case let (d?, o?): return d == o ? doc > other.doc : o.utf8.lexicographicallyPrecedes(d.utf8)
    }
  }
}

/// One `official_facts` row.
struct FactRow {
  var fact: String
  var value: String
  var valueKey: String
  var date: String?
  var force: String?

  /// The row at the statement's columns `offset…`: fact, value, value_key, date, force.
  init(_ s: SQLiteStatement, offset: Int32 = 0) {
    fact = s.text(offset); value = s.text(offset + 1); valueKey = s.text(offset + 2)
    date = s.optText(offset + 3); force = s.optText(offset + 4)
  }

  init(fact: String, value: String, valueKey: String, date: String?, force: String?) {
    self.fact = fact; self.value = value; self.valueKey = valueKey; self.date = date; self.force = force
  }
}

/// What refreshing one entity reads.
struct EntityFacts {
  var appearances = AppearanceSummary()
  /// Officials: their fact rows in insertion order.
  var officialFacts: [FactRow] = []
  /// Units: name, code, parent. Directives: name, then key, issuer, year, type, number, title.
  var unit: (String, String?, String?)?
  var directive: (String, [String?])?
  /// Units and directives: the distinct folded surfaces of their mentions, in byte order.
  var surfaces: [String] = []

  /// The force most of the official's facts state (ties: the first in byte order).
  var majorityForce: String? {
    var counts: [String: Int] = [:]
    for f in officialFacts { if let force = f.force { counts[force, default: 0] += 1 } }
    return counts.min { x, y in x.value != y.value ? x.value > y.value : x.key.utf8.lexicographicallyPrecedes(y.key.utf8) }?.key
  }

  /// Distinct rank, title and unit facts (by folded value), latest first (undated as oldest), then the
  /// most stated; each with the value of its latest statement (the first of equally dated ones).
  func rankedFacts(limit: Int) -> [(fact: String, value: String)] {
    struct Group { var fact: String; var key: String; var value: String; var latest: String; var count: Int; var first: Int }
    var groups: [String: Group] = [:]
    for (i, f) in officialFacts.enumerated() where f.fact == "rank" || f.fact == "title" || f.fact == "unit" {
      let date = f.date ?? ""
      let k = f.fact + "\u{1F}" + f.valueKey
      if var g = groups[k] {
        g.count += 1
        if g.latest.utf8.lexicographicallyPrecedes(date.utf8) { g.latest = date; g.value = f.value }
        groups[k] = g
      } else {
        groups[k] = Group(fact: f.fact, key: f.valueKey, value: f.value, latest: date, count: 1, first: i)
      }
    }
    return groups.values.sorted { x, y in
      if x.latest != y.latest { return y.latest.utf8.lexicographicallyPrecedes(x.latest.utf8) }
      if x.count != y.count { return x.count > y.count }
      return x.first < y.first
    }.prefix(limit).map { ($0.fact, $0.value) }
  }
}

/// The rows of many entities, read in one scan per table (`scanEntityFacts`).
struct ScannedFacts {
  var appearances: [EntityRef: AppearanceSummary] = [:]
  var officialFacts: [Int64: [FactRow]] = [:]
  var units: [Int64: (String, String?, String?)] = [:]
  var directives: [Int64: (String, [String?])] = [:]
  var surfaces: [EntityRef: [String]] = [:]
  /// Rowids of the search table (an entity without one needs no delete).
  var searchRows: Set<Int64> = []

  func facts(_ ref: EntityRef) -> EntityFacts {
    var f = EntityFacts()
    f.appearances = appearances[ref] ?? AppearanceSummary()
    switch ref.kind {
    case .official: f.officialFacts = officialFacts[ref.id] ?? []
    case .unit: f.unit = units[ref.id]; f.surfaces = Array((surfaces[ref] ?? []).prefix(30))
    case .directive: f.directive = directives[ref.id]; f.surfaces = Array((surfaces[ref] ?? []).prefix(30))
    }
    return f
  }
}

/// What a refresh writes for one entity: the `UPDATE` of its row and the values of its search row (after
/// `rowid, kind, ref`), or nothing when no document mentions it any more (the entity is deleted).
struct RefreshPlan: @unchecked Sendable {
  let ref: EntityRef
  let hasSearchRow: Bool
  var update: (sql: String, values: [SQLValue])?
  var search: [SQLValue] = []
}

/// Computes refresh plans from an entity's facts: no database access, so a bulk refresh computes them on two
/// threads.
struct RefreshPlanner: Sendable {
  let gazetteer: IndexGazetteer
  let folder: SearchKeyFolder

  /// The plans of `refs`, in order, computed in two halves at once.
  func plans(_ refs: [EntityRef], _ scanned: ScannedFacts) -> [RefreshPlan] {
    var out = [RefreshPlan?](repeating: nil, count: refs.count)
    let half = (refs.count + 1) / 2
    out.withUnsafeMutableBufferPointer { buf in
      nonisolated(unsafe) let results = buf
      DispatchQueue.concurrentPerform(iterations: 2) { part in
        for k in (part * half)..<min(refs.count, (part + 1) * half) {
          results[k] = plan(refs[k], scanned)
        }
      }
    }
    return out.map { $0! }
  }

  /// The plan of one entity from what the scans kept.
  func plan(_ ref: EntityRef, _ scanned: ScannedFacts) -> RefreshPlan {
    plan(ref, scanned.facts(ref), hasSearchRow: scanned.searchRows.contains(ref.kind.searchRowID(ref.id)))
  }

  func plan(_ ref: EntityRef, _ facts: EntityFacts, hasSearchRow: Bool) -> RefreshPlan {
    var plan = RefreshPlan(ref: ref, hasSearchRow: hasSearchRow)
    let a = facts.appearances
    guard a.documents > 0 else { return plan }
    let counts: [SQLValue] = [.int(a.documents), .int(a.mentions), .opt(a.firstSeen), .opt(a.lastSeen)]
    let name: String, aliases: [String], values: [String]
    switch ref.kind {
    case .official:
      let names = a.names.sorted { x, y in
        if x.value != y.value { return x.value > y.value }
        let lx = x.key.unicodeScalars.count, ly = y.key.unicodeScalars.count
        if lx != ly { return lx > ly }
        return x.key.utf8.lexicographicallyPrecedes(y.key.utf8)
      }.prefix(10).map(\.key)
      let force = facts.majorityForce
      let ranked = facts.rankedFacts(limit: 60)
      name = names.first ?? ""
      // Latest rank first, then the most recent titles and units (undated facts count as oldest).
      var parts: [String] = []
      if let rank = ranked.first(where: { $0.fact == "rank" }) { parts.append(rank.value) }
      parts += ranked.filter { $0.fact == "title" }.prefix(3).map(\.value)
      parts += ranked.filter { $0.fact == "unit" }.prefix(2).map(\.value)
      plan.update = ("""
        UPDATE officials SET documents = ?, mentions = ?, first_seen = ?, last_seen = ?, name = ?, force = ?, summary = ?
        WHERE id = ?
        """, counts + [.text(name), .opt(force), .text(parts.joined(separator: "; ")), .int(ref.id)])
      aliases = Array(names)
      values = ranked.map(\.value) + [force].compactMap { $0 }
    case .unit:
      let (unitName, code, parent) = facts.unit ?? ("", nil, nil)
      let known = gazetteer.unitSurfaces[folder.key(unitName)] ?? []
      let summary = [code, parent.map { "thuộc " + $0 }].compactMap { $0 }.joined(separator: "; ")
      plan.update = ("UPDATE units SET documents = ?, mentions = ?, first_seen = ?, last_seen = ?, summary = ? WHERE id = ?",
                     counts + [.text(summary), .int(ref.id)])
      name = unitName
      aliases = Array(facts.surfaces.prefix(30)) + known
      values = [code, parent].compactMap { $0 }
    case .directive:
      let (directiveName, fields) = facts.directive ?? ("", [])
      plan.update = ("""
        UPDATE directives SET documents = ?, mentions = ?, first_seen = ?, last_seen = ?, summary = ? WHERE id = ?
        """, counts + [.text(fields.prefix(3).compactMap { $0 }.joined(separator: "; ")), .int(ref.id)])
      name = directiveName
      aliases = Array(facts.surfaces.prefix(30))
      values = fields.compactMap { $0 }
    }
    plan.search = [.double(log(1 + Double(a.mentions))), .text(folder.key(name)), .text(fold(aliases)), .text(fold(values)),
                   .text(folder.key(a.snippetText))]
    return plan
  }

  /// Distinct folded values joined with ` ; ` (the separator keeps phrases from running together).
  private func fold(_ values: [String]) -> String {
    var seen: Set<String> = []
    var out: [String] = []
    for v in values {
      let k = folder.key(v)
      if !k.isEmpty && seen.insert(k).inserted { out.append(k) }
    }
    return out.joined(separator: " ; ")
  }
}
