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
    let byID = Dictionary(doc.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
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
        if let e = byID[m], e.kind == .official { ctx.link(e, to: ref, name: claim.name); linked = true }
      }
      if !linked {
        let span = ctx.text.find(claim.name) ?? (0, 0)
        ctx.appearances[ref] = .init(name: claim.name, mentions: max(1, record.mentions.count),
                                     snippet: Snippet.around(ctx.text, start: span.0, end: span.1))
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
    var forces: Set<String> = []
    if let rank = r.rank, !rank.isEmpty {
      let k = foldKey(rank)
      let g = gazetteer.ranks[k]
      claim.rank = g?.canonical ?? rank
      claim.rankOrder = rankInfo[k]?.order ?? g?.order
      if let f = Self.forceName(rankInfo[k]?.force ?? g?.force) { forces.insert(f) }
    }
    for u in claim.units {
      let k = foldKey(u)
      let g = gazetteer.units[k]
      let texts = [k, g.map { foldKey($0.canonical) }, g?.parent.map(foldKey)].compactMap { $0 }
      if texts.contains(where: { t in Self.policeMarkers.contains { Self.contains(t, $0) } }) { forces.insert("police") }
      if texts.contains(where: { t in Self.militaryMarkers.contains { Self.contains(t, $0) } }) { forces.insert("military") }
    }
    claim.force = forces.count == 1 ? forces.first : nil
    return claim
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
    let candidates = try db.query("SELECT id, mentions FROM officials WHERE name_key = ? ORDER BY id",
                                  [.text(claim.nameKey)]) { ($0.int(0), $0.int(1)) }
    var best: (id: Int64, score: Int64)?
    let keySet = Set(([claim.rank].compactMap { $0 } + claim.titles + claim.units).map(foldKey))
    let other = claim.force.map { $0 == "police" ? "military" : "police" }
    let claimKeys = keySet.sorted()
    let placeholders = Array(repeating: "?", count: claimKeys.count).joined(separator: ", ")
    for (id, mentions) in candidates where !taken.contains(id) {
      if let other, try db.scalar("SELECT 1 FROM official_facts WHERE official = ? AND force = ? LIMIT 1",
                                  [.int(id), .text(other)]) != nil { continue }
      if let date, let order = claim.rankOrder, try db.scalar("""
          SELECT 1 FROM official_facts WHERE official = ? AND fact = 'rank' AND date = ? AND rank_order != ? LIMIT 1
          """, [.int(id), .text(date), .int(order)]) != nil { continue }
      let shared = claimKeys.isEmpty ? 0 : try db.scalar("""
        SELECT count(DISTINCT value_key) FROM official_facts WHERE official = ? AND value_key IN (\(placeholders))
        """, [.int(id)] + claimKeys.map { .text($0) }) ?? 0
      let score = shared * 1_000_000 + min(mentions, 999_999)
      if best == nil || score > best!.score { best = (id, score) }
    }
    return best?.id
  }

  private func createOfficial(_ claim: OfficialClaim) throws(IndexError) -> Int64 {
    try db.run("INSERT INTO officials(name, name_key, force) VALUES (?, ?, ?)",
               [.text(claim.name), .text(claim.nameKey), .opt(claim.force)])
    return db.lastInsertRowID
  }

  private func insertFacts(_ claim: OfficialClaim, official: Int64, ctx: DocumentContext) throws(IndexError) {
    var facts: [(String, String, Int?)] = [("name", claim.name, nil)]
    if let rank = claim.rank { facts.append(("rank", rank, claim.rankOrder)) }
    facts += claim.titles.map { ("title", $0, nil) }
    facts += claim.units.map { ("unit", $0, nil) }
    for (fact, value, order) in facts {
      try db.run("""
        INSERT INTO official_facts(official, doc, date, fact, value, value_key, rank_order, force)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """, [.int(official), .int(ctx.row), .opt(ctx.doc.date), .text(fact), .text(value), .text(foldKey(value)),
              .opt(order), .opt(claim.force)])
    }
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
