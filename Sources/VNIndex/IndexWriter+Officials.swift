import VNCore
import VNText

/// One officials record of one document, with the facts resolution compares (see `EntityResolution`).
struct OfficialClaim {
  var name: String
  var nameKey: String
  var rank: String?
  var rankOrder: Int?
  var force: String?
  var titles: [String]
  var units: [String]
  var mentionIDs: [String]
  /// Folded `rank`, `titles` and `units` (each folded once: resolution and the facts both compare them).
  var rankKey: String?
  var titleKeys: [String] = []
  var unitKeys: [String] = []

  /// Whether the name has at least two syllables (only those merge across documents).
  var isFullName: Bool { nameKey.split(separator: " ").count >= 2 }
}

extension IndexWriter {
  /// Folded unit-name fragments that place an official in a force. Checked on the unit as written and on
  /// its gazetteer canonical name and parent (`Cục V28` → parent `Bộ Công an` → police).
  static let policeMarkers = ["cong an", "canh sat"]
  static let militaryMarkers = [
    "quan doi", "quoc phong", "quan khu", "quan doan", "su doan", "lu doan", "trung doan", "bo doi",
    "bien phong", "hai quan", "khong quan", "phong khong", "quan su", "quan chung", "binh chung", "tong tham muu",
  ]

  func resolveOfficials(_ ctx: inout DocumentContext) throws(IndexError) {
    let doc = ctx.doc
    // Entity id → index (the first of a duplicated id): no copy of the entities.
    var byID: [String: Int] = [:]
    byID.reserveCapacity(doc.entities.count)
    for i in doc.entities.indices where byID[doc.entities[i].id] == nil { byID[doc.entities[i].id] = i }
    let records = doc.officials ?? OfficialRecordBuilder.records(from: doc.entities, folder: folder)
    let rankInfo = rankInfo(doc.entities)
    var unitNames: [String: String] = [:]
    for e in doc.entities where e.kind == .unit {
      if let c = e.canonical, !c.isEmpty { unitNames[foldKey(e.text)] = c }
    }
    var taken: Set<Int64> = []
    for record in records {
      let claim = makeClaim(record, rankInfo: rankInfo, unitNames: unitNames)
      guard !claim.nameKey.isEmpty else { continue }
      var id = try findOfficial(claim, date: doc.date, excluding: taken)
      if id == nil { id = try createOfficial(claim) }
      guard let id else { continue }
      taken.insert(id)
      let ref = EntityRef(kind: .official, id: id)
      try insertFacts(claim, official: id, ctx: ctx)
      var linked = false
      for m in record.mentions {
        if let i = byID[m], doc.entities[i].kind == .official { ctx.link(doc.entities[i], to: ref, name: claim.name); linked = true }
      }
      if !linked {
        let span = ctx.text.find(claim.name) ?? (0, 0)
        ctx.appearances[ref] = .init(name: claim.name, mentions: max(1, record.mentions.count),
                                     snippet: Snippet.utf8(around: ctx.text, start: span.0, end: span.1))
      }
      touched.insert(ref)
    }
  }

  /// Rank seniority and force per folded rank, from the document's RANK attributes, else the gazetteer.
  private func rankInfo(_ entities: [Entity]) -> [String: (order: Int?, force: String?)] {
    var info: [String: (order: Int?, force: String?)] = [:]
    for e in entities where e.kind == .rank {
      let order = e.intAttribute("order"), force = e.stringAttribute("force")
      for k in [foldKey(e.text), e.canonical.map(foldKey)].compactMap({ $0 }) where order != nil || force != nil {
        info[k] = (order, force)
      }
    }
    return info
  }

  /// The claim of one record. Units are canonicalised like UNIT mentions (the document's own canonical
  /// for that surface, else the gazetteer's), so `BCA` and `Bộ Công an` are one unit in the history.
  func makeClaim(_ r: OfficialRecord, rankInfo: [String: (order: Int?, force: String?)],
                 unitNames: [String: String] = [:]) -> OfficialClaim {
    let name = String(r.name.trimmingSpaces())
    var claim = OfficialClaim(name: name, nameKey: foldKey(name), rank: nil, rankOrder: nil, force: nil,
                              titles: r.titles.filter { !$0.isEmpty },
                              units: r.units.filter { !$0.isEmpty }.map { u in
                                let k = foldKey(u)
                                return unitNames[k] ?? gazetteer.units[k]?.canonical ?? u
                              },
                              mentionIDs: r.mentions)
    var police = false, military = false
    if let rank = r.rank, !rank.isEmpty {
      let k = foldKey(rank)
      let g = gazetteer.ranks[k]
      claim.rank = g?.canonical ?? rank
      claim.rankKey = g == nil ? k : foldKey(claim.rank!)
      claim.rankOrder = rankInfo[k]?.order ?? g?.order
      switch Self.forceName(rankInfo[k]?.force ?? g?.force) {
      case "police": police = true
      case "military": military = true
      default: break
      }
    }
    claim.titleKeys = claim.titles.map(foldKey)
    claim.unitKeys = claim.units.map(foldKey)
    for k in claim.unitKeys {
      let f = unitForces(k)
      police = police || f.police
      military = military || f.military
    }
    claim.force = police == military ? nil : (police ? "police" : "military")
    return claim
  }

  /// The forces a folded unit name places an official in, from the unit and its gazetteer canonical name
  /// and parent; cached per writer (it depends on the name and the gazetteer only).
  func unitForces(_ k: String) -> (police: Bool, military: Bool) {
    if let f = unitForceCache[k] { return f }
    let g = gazetteer.units[k]
    let texts = [k, g.map { foldKey($0.canonical) }, g?.parent.map(foldKey)].compactMap { $0 }
    let f = (police: texts.contains { t in Self.policeMarkers.contains { Self.contains(t, $0) } },
             military: texts.contains { t in Self.militaryMarkers.contains { Self.contains(t, $0) } })
    unitForceCache[k] = f
    return f
  }

  /// Whether `text` contains `part` (UTF-8 bytes; the markers are ASCII search keys).
  static func contains(_ text: String, _ part: String) -> Bool {
    let t = text.utf8, p = Array(part.utf8)
    guard let first = p.first, t.count >= p.count else { return p.isEmpty }
    var i = t.startIndex
    let last = t.index(t.endIndex, offsetBy: -p.count)
    while i <= last {
      if t[i] == first && t[i...].starts(with: p) { return true }
      i = t.index(after: i)
    }
    return false
  }

  /// `army`/`navy` → military, `police` → police, `any`/nil → nil.
  static func forceName(_ f: String?) -> String? {
    switch f?.lowercased() {
    case "army", "navy", "military": "military"
    case "police": "police"
    default: nil
    }
  }

  private func findOfficial(_ claim: OfficialClaim, date: String?, excluding taken: Set<Int64>) throws(IndexError) -> Int64? {
    guard claim.isFullName else { return nil }
    let candidates = try officialIDs(nameKey: claim.nameKey)
    var best: (id: Int64, score: Int64)?
    let claimKeys = Set([claim.rankKey].compactMap { $0 } + claim.titleKeys + claim.unitKeys)
    let other = claim.force.map { $0 == "police" ? "military" : "police" }
    for id in candidates where !taken.contains(id) {
      guard let o = officialCache.officials[id] else { continue }
      if let other, o.forces.contains(other) { continue }
      if let date, let order = claim.rankOrder, let orders = o.rankOrders[date], orders.contains(where: { $0 != order }) {
        continue
      }
      let shared = Int64(claimKeys.reduce(0) { $0 + (o.valueKeys.contains($1) ? 1 : 0) })
      let score = shared * 1_000_000 + min(o.mentions, 999_999)
      if best == nil || score > best!.score { best = (id, score) }
    }
    return best?.id
  }

  /// The officials named `nameKey`, in id order, with their facts in `officialCache` (read from the
  /// database the first time a name is looked up, unless the cache holds every official).
  private func officialIDs(nameKey: String) throws(IndexError) -> [Int64] {
    if let ids = officialCache.byKey[nameKey] { return ids }
    if officialCache.complete { return [] }
    let rows = try db.query("SELECT id, mentions FROM officials WHERE name_key = ? ORDER BY id", [.text(nameKey)]) {
      ($0.int(0), $0.int(1))
    }
    for (id, mentions) in rows {
      var o = OfficialCache.Official(mentions: mentions)
      let s = try db.statement("SELECT fact, value_key, date, rank_order, force FROM official_facts WHERE official = ?")
      try s.bind([.int(id)])
      while try s.step() {
        o.add(fact: s.text(0), valueKey: s.text(1), date: s.optText(2), rankOrder: s.optInt(3), force: s.optText(4))
      }
      officialCache.officials[id] = o
    }
    officialCache.byKey[nameKey] = rows.map(\.0)
    return rows.map(\.0)
  }

  private func createOfficial(_ claim: OfficialClaim) throws(IndexError) -> Int64 {
    try db.run("INSERT INTO officials(name, name_key, force) VALUES (?, ?, ?)",
               [.text(claim.name), .text(claim.nameKey), .opt(claim.force)])
    let id = db.lastInsertRowID
    // A name never looked up stays out of the cache (its first lookup reads every official of that name).
    if officialCache.complete || officialCache.byKey[claim.nameKey] != nil {
      officialCache.byKey[claim.nameKey, default: []].append(id)
      officialCache.officials[id] = OfficialCache.Official(mentions: 0)
    }
    return id
  }

  private func insertFacts(_ claim: OfficialClaim, official: Int64, ctx: DocumentContext) throws(IndexError) {
    var facts: [(String, String, String, Int?)] = [("name", claim.name, claim.nameKey, nil)]
    if let rank = claim.rank, let key = claim.rankKey { facts.append(("rank", rank, key, claim.rankOrder)) }
    facts += zip(claim.titles, claim.titleKeys).map { ("title", $0, $1, nil) }
    facts += zip(claim.units, claim.unitKeys).map { ("unit", $0, $1, nil) }
    try statements.facts.insert(facts, db) { a, f in
      a.int(official); a.int(ctx.row); a.text(ctx.doc.date); a.text(f.0); a.text(f.1); a.text(f.2); a.int(f.3)
      a.text(claim.force)
    }
    for (fact, value, key, order) in facts {
      officialCache.officials[official]?.add(fact: fact, valueKey: key, date: ctx.doc.date, rankOrder: order, force: claim.force)
      rowMirror?.addFact(official: official, fact: fact, value: value, valueKey: key, date: ctx.doc.date, force: claim.force)
    }
  }

}

/// What resolution compares of each official (`EntityResolution`), mirrored from `officials` and
/// `official_facts` so that resolving a name reads nothing back from the database.
///
/// The writer keeps it exact: facts and mention counts are added as rows are written, officials a refresh
/// deletes are removed, and the whole cache is dropped after a rollback, when another connection wrote to
/// the database, and when a document is replaced (its facts are deleted).
struct OfficialCache {
  struct Official {
    var mentions: Int64
    /// Folded values of every fact (name, rank, titles, units).
    var valueKeys: Set<String> = []
    /// Forces the official's facts were stated with.
    var forces: Set<String> = []
    /// Rank seniorities stated per document date.
    var rankOrders: [String: Set<Int>] = [:]

    mutating func add(fact: String, valueKey: String, date: String?, rankOrder: Int?, force: String?) {
      valueKeys.insert(valueKey)
      if let force { forces.insert(force) }
      if fact == "rank", let date, let rankOrder { rankOrders[date, default: []].insert(rankOrder) }
    }
  }

  /// `name_key` → ids in id order. A name absent here is read from the database, unless `complete`.
  var byKey: [String: [Int64]] = [:]
  var officials: [Int64: Official] = [:]
  /// Whether every official of the database is here (true from a reset on a database without officials).
  var complete = false

  mutating func reset(complete: Bool) {
    byKey.removeAll(keepingCapacity: true)
    officials.removeAll(keepingCapacity: true)
    self.complete = complete
  }

  /// Forgets an official a refresh deleted.
  mutating func remove(_ id: Int64) {
    guard officials.removeValue(forKey: id) != nil else { return }
    for (k, ids) in byKey where ids.contains(id) { byKey[k] = ids.filter { $0 != id } }
  }
}

/// Officials records rebuilt from OFFICIAL entities, for lines written without an `officials` array.
///
/// Mentions are grouped by `attrs.official` (the record id) when present, else by folded name; a
/// one-syllable mention (`Thành`) joins the full name it ends (`Nguyễn Văn Thành`) when exactly one does.
/// Rank, titles and units come from the OFFICIAL attributes (`rank`, `titles`, `units`).
enum OfficialRecordBuilder {
  static func records(from entities: [Entity], folder: SearchKeyFolder) -> [OfficialRecord] {
    var groups: [(key: String, entities: [Entity])] = []
    var index: [String: Int] = [:]
    let officials = entities.filter { $0.kind == .official }
    func groupKey(_ e: Entity) -> String {
      e.stringAttribute("official").map { "id:" + $0 } ?? "name:" + folder.key(e.canonical ?? e.text)
    }
    let short = officials.filter { $0.stringAttribute("official") == nil && !folder.key($0.canonical ?? $0.text).contains(" ") }
    for e in officials where !short.contains(where: { $0.id == e.id }) {
      let k = groupKey(e)
      if let i = index[k] { groups[i].entities.append(e) } else { index[k] = groups.count; groups.append((k, [e])) }
    }
    for e in short {
      let last = folder.key(e.canonical ?? e.text)
      let owners = groups.indices.filter { i in
        groups[i].entities.contains { folder.key($0.canonical ?? $0.text).hasSuffix(" " + last) }
      }
      if owners.count == 1 { groups[owners[0]].entities.append(e); continue }
      let k = groupKey(e)
      if let i = index[k] { groups[i].entities.append(e) } else { index[k] = groups.count; groups.append((k, [e])) }
    }
    return groups.enumerated().map { n, g in
      let names = g.entities.map { $0.canonical ?? $0.text }
      let name = names.max { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? ""
      let rank = g.entities.lazy.compactMap { $0.stringAttribute("rank") }.first
      var titles: [String] = [], units: [String] = []
      for e in g.entities {
        for t in e.stringsAttribute("titles") where !titles.contains(t) { titles.append(t) }
        for u in e.stringsAttribute("units") where !units.contains(u) { units.append(u) }
      }
      return OfficialRecord(id: "o\(n + 1)", name: name, rank: rank, titles: titles, units: units,
                            mentions: g.entities.map(\.id))
    }
  }
}
