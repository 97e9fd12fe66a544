extension IndexReader {
  /// Officials for `query`: an id (`12`, `#12`), else every official whose folded name equals the
  /// folded query (homonyms give several), else the best search hit. `exact` is false for a search hit.
  public func officials(matching query: String, limit: Int = 20) throws(IndexError) -> (profiles: [OfficialProfile], exact: Bool) {
    let ids = try lookup(.official, query) { q throws(IndexError) in
      try db.query("SELECT id FROM officials WHERE name_key = ? ORDER BY documents DESC, id", [.text(q)]) { $0.int(0) }
    }
    var profiles: [OfficialProfile] = []
    for id in ids.0 { if let p = try officialProfile(id, limit: limit) { profiles.append(p) } }
    return (profiles, ids.1)
  }

  public func units(matching query: String, limit: Int = 20) throws(IndexError) -> (profiles: [UnitProfile], exact: Bool) {
    let ids = try lookup(.unit, query) { q throws(IndexError) in
      var ids = try db.query("SELECT id FROM units WHERE name_key = ?", [.text(q)]) { $0.int(0) }
      if ids.isEmpty {
        ids = try db.query("""
          SELECT entity FROM mentions WHERE label = 'UNIT' AND key = ? AND kind = 'unit'
          GROUP BY entity ORDER BY count(*) DESC LIMIT 5
          """, [.text(q)]) { $0.int(0) }
      }
      return ids
    }
    var profiles: [UnitProfile] = []
    for id in ids.0 { if let p = try unitProfile(id, limit: limit) { profiles.append(p) } }
    return (profiles, ids.1)
  }

  public func directives(matching query: String, limit: Int = 20) throws(IndexError) -> (profiles: [DirectiveProfile], exact: Bool) {
    let ids = try lookup(.directive, query) { q throws(IndexError) in
      var ids = try db.query("SELECT id FROM directives WHERE ident = ?", [.text("key:" + query.uppercased())]) { $0.int(0) }
      if ids.isEmpty {
        ids = try db.query("""
          SELECT entity FROM mentions WHERE label = 'DIRECTIVE' AND key = ? AND kind = 'directive'
          GROUP BY entity ORDER BY count(*) DESC LIMIT 5
          """, [.text(q)]) { $0.int(0) }
      }
      return ids
    }
    var profiles: [DirectiveProfile] = []
    for id in ids.0 { if let p = try directiveProfile(id, limit: limit) { profiles.append(p) } }
    return (profiles, ids.1)
  }

  private func lookup(_ kind: IndexedKind, _ query: String,
                      exact: (String) throws(IndexError) -> [Int64]) throws(IndexError) -> ([Int64], Bool) {
    let trimmed = String(query.trimmingSpaces())
    let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
    if let id = Int64(digits), try db.scalar("SELECT id FROM \(kind.table) WHERE id = ?", [.int(id)]) != nil {
      return ([id], true)
    }
    let ids = try exact(folder.key(trimmed))
    if !ids.isEmpty { return (ids, true) }
    return (try search(trimmed, kind: kind, limit: 1).map(\.id), false)
  }

  // MARK: - Profiles

  private func header(_ kind: IndexedKind, _ id: Int64) throws(IndexError) -> (String, Int, Int, String?, String?)? {
    try db.query("SELECT name, mentions, documents, first_seen, last_seen FROM \(kind.table) WHERE id = ?", [.int(id)]) {
      ($0.text(0), Int($0.int(1)), Int($0.int(2)), $0.optText(3), $0.optText(4))
    }.first
  }

  func officialProfile(_ id: Int64, limit: Int) throws(IndexError) -> OfficialProfile? {
    guard let h = try header(.official, id) else { return nil }
    let force = try db.query("SELECT force FROM officials WHERE id = ?", [.int(id)]) { $0.optText(0) }.first ?? nil
    func facts(_ fact: String, order: String) throws(IndexError) -> [FactSpan] {
      try db.query("""
        SELECT value, min(date), max(date), count(DISTINCT doc) FROM official_facts
        WHERE official = ? AND fact = ? GROUP BY value_key ORDER BY \(order)
        """, [.int(id), .text(fact)]) { FactSpan(value: $0.text(0), firstSeen: $0.optText(1), lastSeen: $0.optText(2), documents: Int($0.int(3))) }
    }
    return OfficialProfile(
      id: id, name: h.0, force: force, mentions: h.1, documentCount: h.2, firstSeen: h.3, lastSeen: h.4,
      ranks: try facts("rank", order: "max(rank_order), min(coalesce(date, '9999')), count(*) DESC"),
      titles: try facts("title", order: "min(coalesce(date, '9999')), count(*) DESC, value"),
      units: try facts("unit", order: "count(*) DESC, value"),
      names: try facts("name", order: "count(*) DESC, value"),
      directives: try coMentions(.official, id, other: .directive, limit: limit),
      coMentionedOfficials: try coMentions(.official, id, other: .official, limit: limit),
      documents: try documents(.official, id, limit: limit))
  }

  func unitProfile(_ id: Int64, limit: Int) throws(IndexError) -> UnitProfile? {
    guard let h = try header(.unit, id) else { return nil }
    let (code, parent) = try db.query("SELECT code, parent FROM units WHERE id = ?", [.int(id)]) {
      ($0.optText(0), $0.optText(1))
    }.first ?? (nil, nil)
    let aliases = try aliasSpans(.unit, id)
    let keys = Set(try db.query(IndexWriter.entityKeysSQL(.unit), [.int(id)]) { $0.text(0) })
      .union([folder.key(h.0)])
    let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ", ")
    let officials = try db.query("""
      SELECT o.id, o.name, count(DISTINCT f.doc) AS n FROM official_facts f JOIN officials o ON o.id = f.official
      WHERE f.fact = 'unit' AND f.value_key IN (\(placeholders)) GROUP BY o.id ORDER BY n DESC, o.name LIMIT ?
      """, keys.sorted().map { .text($0) } + [.int(limit)]) {
      CoMention(kind: .official, id: $0.int(0), name: $0.text(1), documents: Int($0.int(2)))
    }
    return UnitProfile(
      id: id, name: h.0, code: code, parent: parent, mentions: h.1, documentCount: h.2, firstSeen: h.3, lastSeen: h.4,
      aliases: aliases, officials: officials.isEmpty ? try coMentions(.unit, id, other: .official, limit: limit) : officials,
      directives: try coMentions(.unit, id, other: .directive, limit: limit), documents: try documents(.unit, id, limit: limit))
  }

  func directiveProfile(_ id: Int64, limit: Int) throws(IndexError) -> DirectiveProfile? {
    guard let h = try header(.directive, id) else { return nil }
    guard var p = try db.query("""
      SELECT key, type, number, year, symbol, issuer, issued, title FROM directives WHERE id = ?
      """, [.int(id)], row: { s in
      DirectiveProfile(id: id, name: h.0, key: s.optText(0), type: s.optText(1), number: s.optText(2), year: s.optInt(3),
                       symbol: s.optText(4), issuer: s.optText(5), issued: s.optText(6), title: s.optText(7),
                       mentions: h.1, documentCount: h.2, firstSeen: h.3, lastSeen: h.4, aliases: [], officials: [],
                       units: [], documents: [])
    }).first else { return nil }
    p.aliases = try aliasSpans(.directive, id)
    p.officials = try coMentions(.directive, id, other: .official, limit: limit)
    p.units = try coMentions(.directive, id, other: .unit, limit: limit)
    p.documents = try documents(.directive, id, limit: limit)
    return p
  }

  private func aliasSpans(_ kind: IndexedKind, _ id: Int64) throws(IndexError) -> [FactSpan] {
    try db.query("""
      SELECT m.surface, min(d.date), max(d.date), count(DISTINCT m.doc) FROM appearances a
      JOIN mentions m ON m.doc = a.doc AND m.kind = a.kind AND m.entity = a.entity JOIN documents d ON d.id = m.doc
      WHERE a.kind = ? AND a.entity = ? GROUP BY m.surface ORDER BY count(*) DESC, m.surface LIMIT 20
      """, [.text(kind.rawValue), .int(id)]) {
      FactSpan(value: $0.text(0), firstSeen: $0.optText(1), lastSeen: $0.optText(2), documents: Int($0.int(3)))
    }
  }

  private func coMentions(_ kind: IndexedKind, _ id: Int64, other: IndexedKind, limit: Int) throws(IndexError) -> [CoMention] {
    try db.query("""
      SELECT b.entity, e.name, count(*) AS n FROM appearances a
      JOIN appearances b ON b.doc = a.doc AND b.kind = ? AND NOT (b.kind = a.kind AND b.entity = a.entity)
      JOIN \(other.table) e ON e.id = b.entity
      WHERE a.kind = ? AND a.entity = ? GROUP BY b.entity ORDER BY n DESC, e.mentions DESC LIMIT ?
      """, [.text(other.rawValue), .text(kind.rawValue), .int(id), .int(limit)]) {
      CoMention(kind: other, id: $0.int(0), name: $0.text(1), documents: Int($0.int(2)))
    }
  }

  private func documents(_ kind: IndexedKind, _ id: Int64, limit: Int) throws(IndexError) -> [DocumentRef] {
    try db.query("""
      SELECT d.doc_id, d.title, d.date, d.source, d.url, a.mentions FROM appearances a JOIN documents d ON d.id = a.doc
      WHERE a.kind = ? AND a.entity = ? ORDER BY d.date DESC, d.id DESC LIMIT ?
      """, [.text(kind.rawValue), .int(id), .int(limit)]) {
      DocumentRef(id: $0.text(0), title: $0.optText(1), date: $0.optText(2), source: $0.optText(3), url: $0.optText(4),
                  mentions: Int($0.int(5)))
    }
  }
}
