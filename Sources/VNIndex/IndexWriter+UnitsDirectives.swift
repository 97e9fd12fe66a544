import VNCore

extension IndexWriter {
  /// The unit a UNIT mention names (rules on `EntityResolution`), created when new.
  func resolveUnit(_ e: Entity) throws(IndexError) -> EntityRef {
    let surfaceKey = foldKey(e.text)
    let g = gazetteer.units[surfaceKey] ?? e.canonical.flatMap { gazetteer.units[foldKey($0)] }
    let canonical = e.canonical.flatMap { $0.isEmpty ? nil : $0 } ?? g?.canonical
    let name = canonical ?? e.text
    let nameKey = foldKey(name)
    let code = e.stringAttribute("code")
    let parent = e.stringAttribute("parent") ?? g?.parent

    if let code, !code.hasPrefix("P"),
       let id = try db.scalar("SELECT id FROM units WHERE code = ? ORDER BY id LIMIT 1", [.text(code)]) {
      return EntityRef(kind: .unit, id: id)
    }
    var known = unitIDs[nameKey]
    if known == nil { known = try db.scalar("SELECT id FROM units WHERE name_key = ?", [.text(nameKey)]) }
    if let id = known {
      unitIDs[nameKey] = id
      if let code { try db.run("UPDATE units SET code = ? WHERE id = ? AND code IS NULL", [.text(code), .int(id)]) }
      return EntityRef(kind: .unit, id: id)
    }
    if canonical == nil, let id = try unitMostMentioned(surface: surfaceKey) {
      return EntityRef(kind: .unit, id: id)
    }
    try db.run("INSERT INTO units(name, name_key, code, parent) VALUES (?, ?, ?, ?)",
               [.text(name), .text(nameKey), .opt(code), .opt(parent)])
    unitIDs[nameKey] = db.lastInsertRowID
    return EntityRef(kind: .unit, id: db.lastInsertRowID)
  }

  /// The unit most UNIT mentions with this folded surface name (lowest id among equals): from `rowMirror` while
  /// `mentions_key` is left out, else from that index.
  private func unitMostMentioned(surface key: String) throws(IndexError) -> Int64? {
    if indexesDeferred, let rowMirror { return rowMirror.mostMentionedUnit(surface: key) }
    return try db.scalar("""
      SELECT entity FROM mentions WHERE label = 'UNIT' AND key = ? AND kind = 'unit'
      GROUP BY entity ORDER BY count(*) DESC, entity LIMIT 1
      """, [.text(key)])
  }

  /// The directive a DIRECTIVE mention names (rules on `EntityResolution`), created when new.
  func resolveDirective(_ e: Entity) throws(IndexError) -> EntityRef {
    let type = e.stringAttribute("type"), number = e.stringAttribute("number")
    let issuer = e.stringAttribute("issuer")
    // The extractor writes `type|number|issuer` as the key of a directive without a symbol: that is the
    // fallback identity below, not a canonical key (it must not block a merge with `09-CT/TW`).
    let key = e.stringAttribute("key").flatMap { $0.contains("|") ? nil : $0 }
    let name = e.canonical.flatMap { $0.isEmpty ? nil : $0 } ?? e.text
    let tni: String? = (type != nil && number != nil)
      ? [type!, number!, issuer ?? ""].map(foldKey).joined(separator: "|") : nil
    func ref(_ id: Int64) throws(IndexError) -> EntityRef {
      try fillDirective(id, from: e)
      return EntityRef(kind: .directive, id: id)
    }

    if let key {
      let ident = "key:" + key.uppercased()
      if let id = try db.scalar("SELECT id FROM directives WHERE ident = ?", [.text(ident)]) { return try ref(id) }
      if let tni, let id = try db.scalar("SELECT id FROM directives WHERE ident = ?", [.text("tni:" + tni)]) {
        // The keyless directive seen so far is this one: it takes the key (and the fuller name).
        try db.run("UPDATE directives SET ident = ?, key = ?, name = ? WHERE id = ?",
                   [.text(ident), .text(key), .text(name), .int(id)])
        return try ref(id)
      }
      return try ref(insertDirective(e, ident: ident, key: key, tni: tni, name: name))
    }
    if let tni {
      if let id = try db.scalar("SELECT id FROM directives WHERE ident = ?", [.text("tni:" + tni)]) { return try ref(id) }
      let keyed = try db.query("SELECT id FROM directives WHERE tni = ? AND key IS NOT NULL LIMIT 2", [.text(tni)]) { $0.int(0) }
      if keyed.count == 1 { return try ref(keyed[0]) }
      return try ref(insertDirective(e, ident: "tni:" + tni, key: nil, tni: tni, name: name))
    }
    let ident = "name:" + foldKey(name)
    if let id = try db.scalar("SELECT id FROM directives WHERE ident = ?", [.text(ident)]) { return try ref(id) }
    return try ref(insertDirective(e, ident: ident, key: nil, tni: nil, name: name))
  }

  /// Fills attributes an earlier mention lacked (the first mention may omit the issuer or year).
  private func fillDirective(_ id: Int64, from e: Entity) throws(IndexError) {
    let fields: [(String, SQLValue)] = [
      ("type", .opt(e.stringAttribute("type"))), ("number", .opt(e.stringAttribute("number"))),
      ("year", .opt(e.intAttribute("year"))), ("symbol", .opt(e.stringAttribute("symbol"))),
      ("issuer", .opt(e.stringAttribute("issuer"))), ("issued", .opt(e.stringAttribute("date"))),
      ("title", .opt(e.stringAttribute("title"))),
    ]
    let present = fields.filter { if case .null = $0.1 { false } else { true } }
    guard !present.isEmpty else { return }
    let sets = present.map { "\($0.0) = coalesce(\($0.0), ?)" }.joined(separator: ", ")
    try db.run("UPDATE directives SET \(sets) WHERE id = ?", present.map(\.1) + [.int(id)])
  }

  private func insertDirective(_ e: Entity, ident: String, key: String?, tni: String?, name: String) throws(IndexError) -> Int64 {
    try db.run("""
      INSERT INTO directives(name, ident, key, tni, type, number, year, symbol, issuer, issued, title)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """, [.text(name), .text(ident), .opt(key), .opt(tni), .opt(e.stringAttribute("type")),
            .opt(e.stringAttribute("number")), .opt(e.intAttribute("year")), .opt(e.stringAttribute("symbol")),
            .opt(e.stringAttribute("issuer")), .opt(e.stringAttribute("date")), .opt(e.stringAttribute("title"))])
    return db.lastInsertRowID
  }
}
