import Foundation

extension IndexWriter {
  /// Recomputes counts, first/last seen, display names and search rows of the entities listed in `stale`
  /// and empties it; deletes those no document mentions any more. Runs inside the caller's transaction.
  func refreshStale() throws(IndexError) {
    let refs = try db.query("SELECT kind, entity FROM stale") { s in
      IndexedKind(rawValue: s.text(0)).map { EntityRef(kind: $0, id: s.int(1)) }
    }.compactMap { $0 }
    // Many stale entities (the end of a long run): one scan of the mentions finds every unit's and
    // directive's surfaces, instead of one join per entity.
    var t = PhaseClock.now()
    prefetchedKeys = refs.count >= 1000 ? try allEntityKeys(Set(refs)) : nil
    PhaseClock.add("refresh: prefetch keys", &t)
    defer { prefetchedKeys = nil }
    for ref in refs.sorted(by: { ($0.kind.code, $0.id) < ($1.kind.code, $1.id) }) { try refresh(ref) }
    try db.run("DELETE FROM stale")
    unitIDs.removeAll()
    markedStale.removeAll()
    lastRefresh = Self.monotonicSeconds()
  }

  private func refresh(_ ref: EntityRef) throws(IndexError) {
    let args: [SQLValue] = [.text(ref.kind.rawValue), .int(ref.id)]
    let agg = try db.query("""
      SELECT count(*), coalesce(sum(mentions), 0), min(date), max(date) FROM appearances
      WHERE kind = ? AND entity = ?
      """, args) { (Int($0.int(0)), Int($0.int(1)), $0.optText(2), $0.optText(3)) }[0]
    let rowid = ref.kind.searchRowID(ref.id)
    try db.run("DELETE FROM search WHERE rowid = ?", [.int(rowid)])
    guard agg.0 > 0 else {
      try db.run("DELETE FROM \(ref.kind.table) WHERE id = ?", [.int(ref.id)])
      return
    }
    try db.run("UPDATE \(ref.kind.table) SET documents = ?, mentions = ?, first_seen = ?, last_seen = ? WHERE id = ?",
               [.int(agg.0), .int(agg.1), .opt(agg.2), .opt(agg.3), .int(ref.id)])
    var t = PhaseClock.now()
    defer { PhaseClock.add("refresh: row, snippet, search insert", &t) }
    let row: SearchRow
    switch ref.kind {
    case .official: row = try officialRow(ref.id)
    case .unit: row = try unitRow(ref.id)
    case .directive: row = try directiveRow(ref.id)
    }
    let context = try db.query("""
      SELECT snippet FROM appearances WHERE kind = ? AND entity = ? ORDER BY date DESC, doc DESC LIMIT 1
      """, args) { $0.text(0) }.first ?? ""
    try db.run("""
      INSERT INTO search(rowid, kind, ref, weight, name, aliases, facts, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """, [.int(rowid), .text(ref.kind.rawValue), .int(ref.id), .double(log(1 + Double(agg.1))),
            .text(foldKey(row.name)), .text(fold(row.aliases)), .text(fold(row.facts)), .text(folder.key(context))])
  }

  /// The folded surfaces of the mentions of the units and directives in `refs`, distinct and sorted.
  private func allEntityKeys(_ refs: Set<EntityRef>) throws(IndexError) -> [EntityRef: [String]] {
    var sets: [EntityRef: Set<String>] = [:]
    let s = try db.statement("SELECT kind, entity, key FROM mentions NOT INDEXED WHERE kind IN ('unit', 'directive')")
    while try s.step() {
      guard let kind = IndexedKind(rawValue: s.text(0)) else { continue }
      let ref = EntityRef(kind: kind, id: s.int(1))
      if refs.contains(ref) { sets[ref, default: []].insert(s.text(2)) }
    }
    return sets.mapValues { $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
  }

  /// The first `limit` distinct folded surfaces of an entity's mentions, in byte order.
  private func entityKeys(_ ref: EntityRef, limit: Int) throws(IndexError) -> [String] {
    if let keys = prefetchedKeys?[ref] { return Array(keys.prefix(limit)) }
    if prefetchedKeys != nil { return [] }
    return try db.query(Self.entityKeysSQL(ref.kind, limit: limit), [.int(ref.id)]) { $0.text(0) }
  }

  /// The distinct folded surfaces of an entity's mentions, in order (found through its appearances).
  static func entityKeysSQL(_ kind: IndexedKind, limit: Int? = nil) -> String {
    """
    SELECT DISTINCT m.key FROM appearances a JOIN mentions m ON m.doc = a.doc AND m.kind = a.kind AND m.entity = a.entity
    WHERE a.kind = '\(kind.rawValue)' AND a.entity = ?1 ORDER BY m.key\(limit.map { " LIMIT \($0)" } ?? "")
    """
  }

  private struct SearchRow {
    var name: String
    var aliases: [String]
    var facts: [String]
  }

  /// Distinct folded values joined with ` ; ` (the separator keeps phrases from running together).
  private func fold(_ values: [String]) -> String {
    var seen: Set<String> = []
    var out: [String] = []
    for v in values {
      let k = foldKey(v)
      if !k.isEmpty && seen.insert(k).inserted { out.append(k) }
    }
    return out.joined(separator: " ; ")
  }

  private func officialRow(_ id: Int64) throws(IndexError) -> SearchRow {
    let names = try db.query("""
      SELECT name FROM appearances WHERE kind = 'official' AND entity = ?
      GROUP BY name ORDER BY count(*) DESC, length(name) DESC LIMIT 10
      """, [.int(id)]) { $0.text(0) }
    let force = try db.query("""
      SELECT force FROM official_facts WHERE official = ? AND force IS NOT NULL GROUP BY force ORDER BY count(*) DESC LIMIT 1
      """, [.int(id)]) { $0.text(0) }.first
    let name = names.first ?? ""
    // Latest rank first, then the most recent titles and units (undated facts count as oldest).
    let facts = try db.query("""
      SELECT fact, value FROM official_facts WHERE official = ? AND fact IN ('rank', 'title', 'unit')
      GROUP BY fact, value_key ORDER BY max(coalesce(date, '')) DESC, count(*) DESC LIMIT 60
      """, [.int(id)]) { ($0.text(0), $0.text(1)) }
    var parts: [String] = []
    if let rank = facts.first(where: { $0.0 == "rank" }) { parts.append(rank.1) }
    parts += facts.filter { $0.0 == "title" }.prefix(3).map(\.1)
    parts += facts.filter { $0.0 == "unit" }.prefix(2).map(\.1)
    try db.run("UPDATE officials SET name = ?, force = ?, summary = ? WHERE id = ?",
               [.text(name), .opt(force), .text(parts.joined(separator: "; ")), .int(id)])
    return SearchRow(name: name, aliases: names, facts: facts.map(\.1) + [force].compactMap { $0 })
  }

  private func unitRow(_ id: Int64) throws(IndexError) -> SearchRow {
    let (name, code, parent) = try db.query("SELECT name, code, parent FROM units WHERE id = ?", [.int(id)]) {
      ($0.text(0), $0.optText(1), $0.optText(2))
    }.first ?? ("", nil, nil)
    let surfaces = try entityKeys(EntityRef(kind: .unit, id: id), limit: 30)
    let known = gazetteer.unitSurfaces[foldKey(name)] ?? []
    let summary = [code, parent.map { "thuộc " + $0 }].compactMap { $0 }.joined(separator: "; ")
    try db.run("UPDATE units SET summary = ? WHERE id = ?", [.text(summary), .int(id)])
    return SearchRow(name: name, aliases: surfaces + known, facts: [code, parent].compactMap { $0 })
  }

  private func directiveRow(_ id: Int64) throws(IndexError) -> SearchRow {
    let (name, facts) = try db.query("""
      SELECT name, key, issuer, year, type, number, title FROM directives WHERE id = ?
      """, [.int(id)]) { s in
      (s.text(0), (1...6).map { s.optText(Int32($0)) })
    }.first ?? ("", [])
    let surfaces = try entityKeys(EntityRef(kind: .directive, id: id), limit: 30)
    try db.run("UPDATE directives SET summary = ? WHERE id = ?",
               [.text(facts.prefix(3).compactMap { $0 }.joined(separator: "; ")), .int(id)])
    return SearchRow(name: name, aliases: surfaces, facts: facts.compactMap { $0 })
  }
}
