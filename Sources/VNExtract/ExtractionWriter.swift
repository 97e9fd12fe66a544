import VNCore
import VNText

/// Turns validated items and official clusters into `Entity` values (original offsets, attributes in the
/// documented order) and `OfficialRecord`s.
struct ExtractionWriter {
  let scan: DocumentScan
  let items: [Item]
  let clusters: [OfficialCluster]
  let normalized: NormalizedText

  func write() -> Extraction {
    // Slices of the original text, walked once in entity order (no copy of the whole text).
    let view = normalized.original.unicodeScalars
    var cursor = view.startIndex
    var cursorOffset = 0
    func slice(_ s: Int, _ e: Int) -> String {
      if s < cursorOffset { cursor = view.startIndex; cursorOffset = 0 }
      cursor = view.index(cursor, offsetBy: s - cursorOffset); cursorOffset = s
      let end = view.index(cursor, offsetBy: e - s)
      return String(view[cursor..<end])
    }
    let kept = items.indices.filter { !items[$0].dropped && (items[$0].kind != .official || items[$0].cluster != nil) }
    var ids: [Int: String] = [:]
    for (n, k) in kept.enumerated() { ids[k] = "e\(n + 1)" }
    let r = scan.r

    // Records.
    var records: [OfficialRecord] = []
    var clusterRank: [Int: Int] = [:]
    for (c, cl) in clusters.enumerated() {
      let mentions = cl.mentions.filter { ids[$0] != nil }.sorted()
      let full = mentions.map { scan.string(of: items[$0]) }.max { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? cl.name
      let rankItem = cl.promotedRank ?? cl.ranks.filter { ids[$0] != nil }.last
      if let rankItem { clusterRank[c] = rankItem }
      var rankName: String?
      if let rankItem, case .rank(let idx) = items[rankItem].payload { rankName = r.ranks[idx].canonical }
      let titles = unique(cl.titles.filter { ids[$0] != nil }.sorted().map { scan.string(items[$0].lo, items[$0].hi) }, fullest: false)
      let units = unique(cl.units.filter { ids[$0] != nil }.sorted().map { scan.string(items[$0].lo, items[$0].hi) }, fullest: true)
      records.append(OfficialRecord(id: "o\(c + 1)", name: full, rank: rankName, titles: titles, units: units,
                                    mentions: mentions.compactMap { ids[$0] }))
    }

    // Entities.
    var out: [Entity] = []
    for k in kept {
      let it = items[k]
      let ns = Int(scan.pieces[it.lo].start), ne = Int(it.cut ?? scan.pieces[it.hi - 1].end)
      let (os, oe) = normalized.alignment.originalRange(ns, ne)
      let text = slice(os, oe)
      var e = Entity(id: ids[k]!, kind: it.kind, start: os, end: oe, text: text, rule: it.rule)
      switch it.payload {
      case .rank(let idx):
        let entry = r.ranks[idx]
        e.canonical = entry.canonical
        let owner = clusters.indices.first { clusters[$0].ranks.contains(k) || clusters[$0].promotedRank == k }
        e.attributes = [("force", force(entry, owner.map { records[$0].units } ?? []).map(AttributeValue.string) ?? .null),
                        ("order", .int(entry.order))]
      case .title(let idx, let modifier):
        e.canonical = r.titles[idx].title
        e.attributes = [("modifier", modifier.map(AttributeValue.string) ?? .null)]
      case .unit(let u):
        e.canonical = u.canonical
        e.attributes = [("code", u.code.map(AttributeValue.string) ?? .null),
                        ("parent", parent(k, u).map(AttributeValue.string) ?? .null)]
      case .directive(let d):
        e.canonical = d.canonical
        e.attributes = [("type", .string(d.type)), ("number", d.number.map(AttributeValue.string) ?? .null),
                        ("year", d.year.map(AttributeValue.int) ?? .null), ("symbol", d.symbol.map(AttributeValue.string) ?? .null),
                        ("issuer", d.issuer.map(AttributeValue.string) ?? .null), ("date", d.date.map(AttributeValue.string) ?? .null),
                        ("title", d.title.map(AttributeValue.string) ?? .null), ("key", .string(d.key))]
      case .name:
        let c = it.cluster!
        let rec = records[c]
        e.canonical = rec.name
        e.attributes = [("rank", rec.rank.map(AttributeValue.string) ?? .null), ("titles", .strings(rec.titles)),
                        ("units", .strings(rec.units)), ("official", .string(rec.id))]
      }
      out.append(e)
    }
    return Extraction(entities: out, officials: records.filter { !$0.mentions.isEmpty })
  }

  /// Unique by search key, in text order; with `fullest`, a form that another form extends is dropped
  /// (`UBND TP` beside `UBND TP Hà Nội`).
  func unique(_ xs: [String], fullest: Bool) -> [String] {
    let folder = scan.r.scanner
    func key(_ s: String) -> String {
      String(String.UnicodeScalarView(s.unicodeScalars.compactMap { let f = folder.fold($0.value); return f == 0 ? nil : Unicode.Scalar(f) }))
    }
    var seen = Set<String>()
    var out: [String] = []
    for x in xs where seen.insert(key(x)).inserted { out.append(x) }
    guard fullest else { return out }
    return out.filter { x in !out.contains { y in y != x && key(y).hasPrefix(key(x) + " ") } }
  }

  /// The parent the text gives (the unit written right after: `[Phòng CSGT] [Công an tỉnh Hà Tĩnh]`,
  /// `Đội CSGT số 3 - Phòng CSGT`), else the table's.
  func parent(_ k: Int, _ u: UnitInfo) -> String? {
    if k + 1 < items.count, items[k + 1].kind == .unit, !items[k + 1].dropped {
      let gap = items[k].hi..<items[k + 1].lo
      // White space, `-` or `(` between them; a comma more often separates a list (`Đảng, Nhà nước`).
      if gap.allSatisfy({ !scan.pieces[$0].isWord && (scan.pieces[$0].isPunct(0x2D) || scan.pieces[$0].isPunct(0x28)) }) && gap.count <= 1,
         case .unit(let p) = items[k + 1].payload { return p.canonical }
    }
    return u.tableParent
  }

  /// police | army | navy from the rank itself (navy ranks, QNCN) or the person's units.
  func force(_ entry: RankEntry, _ units: [String]) -> String? {
    if let f = entry.force { return f }
    let joined = units.joined(separator: " ")
    let police = ["Công an", "Cảnh sát", "CAND", "CSGT", "CSCĐ", "Bộ Công an", "PC", "PA", "Cục C", "Cục A", "Cục V", "Cục X"]
    let army = ["Quân", "quân", "Bộ đội", "Biên phòng", "biên phòng", "Sư đoàn", "Lữ đoàn", "Trung đoàn", "Bộ Quốc phòng", "Bộ Chỉ huy", "Hải quân"]
    if joined.contains("Hải quân") { return "navy" }
    if army.contains(where: joined.contains) { return "army" }
    if police.contains(where: joined.contains) { return "police" }
    return nil
  }
}
