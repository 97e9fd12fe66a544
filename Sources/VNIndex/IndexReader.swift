import Foundation
import VNText

/// Read-only access to an index: search and profiles. Opens the database read-only, so it works while
/// `vnmine index` writes to it (WAL mode) and never creates a file.
public final class IndexReader {
  let db: SQLiteConnection
  let folder = SearchKeyFolder()

  /// - Throws: `IndexError.missingDatabase` when `path` does not exist, `.schemaVersion`/`.notAnIndex`
  ///   for a database that is not a version-1 vnmine index.
  public init(path: String) throws(IndexError) {
    guard FileManager.default.fileExists(atPath: path) else { throw .missingDatabase(path: path) }
    db = try SQLiteConnection(path: path, readOnly: true, create: false)
    try IndexSchema.prepare(db, create: false)
  }

  public func counts() throws(IndexError) -> IndexCounts { try IndexCounts.read(db) }

  /// Column weights for bm25: kind, ref, weight (unindexed), name, aliases, facts, context.
  static let bm25 = "bm25(search, 0, 0, 0, 10.0, 5.0, 2.0, 0.5)"

  /// The FTS5 query for a user query: every folded word required, the last one as a prefix, as typed
  /// in a search box (`Nguyễn Văn Th` → `"nguyen" "van" "th"*`); nil when the query has no word.
  /// Whole words before the last keep common names fast: a prefix such as `"thanh"*` merges the
  /// posting lists of every word starting with it.
  static func ftsQuery(_ query: String, folder: SearchKeyFolder) -> String? {
    let terms = Highlighter.terms(of: query, folder: folder)
    guard let last = terms.last else { return nil }
    return (terms.dropLast().map { "\"\($0)\"" } + ["\"\(last)\"*"]).joined(separator: " ")
  }

  /// Ranked hits for `query`.
  ///
  /// Tiers: entities whose name or aliases match every query word come first, then those matching through
  /// their facts (ranks, titles, units, issuer); the latest snippet is searched only when neither matched. Within a tier, FTS5 bm25
  /// over folded name (×10), aliases (×5), facts (×2) and snippet (×0.5), scaled by
  /// `1 + 0.25·ln(1 + mentions)` so that of two equally good matches the more mentioned entity wins.
  public func search(_ query: String, kind: IndexedKind? = nil, limit: Int = 10) throws(IndexError) -> [SearchHit] {
    guard let fts = Self.ftsQuery(query, folder: folder), limit > 0 else { return [] }
    var rows = try ranked("{name aliases} : (\(fts))", kind: kind, limit: limit)
    if rows.count < limit {
      let seen = Set(rows.map { "\($0.0.rawValue)#\($0.1)" })
      for r in try ranked("{name aliases facts} : (\(fts))", kind: kind, limit: limit + rows.count) where rows.count < limit {
        if !seen.contains("\(r.0.rawValue)#\(r.1)") { rows.append(r) }
      }
    }
    // The snippet column holds common words: searched only when nothing else matched (it is the slow part).
    if rows.isEmpty { rows = try ranked("{context} : (\(fts))", kind: kind, limit: limit) }
    let highlighter = Highlighter(query: query, folder: folder)
    var hits: [SearchHit] = []
    for (kind, id, score) in rows {
      guard var hit = try summary(kind, id) else { continue }
      hit.score = (score * 1000).rounded() / 1000
      try attachSnippet(&hit, highlighter)
      hit.nameHighlights = highlighter.ranges(in: hit.name).map { [$0.lowerBound, $0.upperBound] }
      hits.append(hit)
    }
    return hits
  }

  private func ranked(_ match: String, kind: IndexedKind?, limit: Int) throws(IndexError) -> [(IndexedKind, Int64, Double)] {
    var sql = "SELECT kind, ref, \(Self.bm25) * (1.0 + 0.25 * weight) AS score FROM search WHERE search MATCH ?"
    var args: [SQLValue] = [.text(match)]
    if let kind { sql += " AND kind = ?"; args.append(.text(kind.rawValue)) }
    sql += " ORDER BY score LIMIT ?"
    args.append(.int(limit))
    return try db.query(sql, args) { s in (IndexedKind(rawValue: s.text(0)), s.int(1), -s.double(2)) }
      .compactMap { k, id, score in k.map { ($0, id, score) } }
  }

  /// The hit's fields other than score and snippet.
  func summary(_ kind: IndexedKind, _ id: Int64) throws(IndexError) -> SearchHit? {
    let base = try db.query("""
      SELECT name, mentions, documents, first_seen, last_seen FROM \(kind.table) WHERE id = ?
      """, [.int(id)]) { s in
      SearchHit(kind: kind, id: id, name: s.text(0), mentions: Int(s.int(1)), documents: Int(s.int(2)),
                firstSeen: s.optText(3), lastSeen: s.optText(4))
    }.first
    guard var hit = base else { return nil }
    hit.summary = try db.query("SELECT summary FROM \(kind.table) WHERE id = ?", [.int(id)]) { $0.optText(0) }.first.flatMap { $0 } ?? ""
    return hit
  }

  /// The stored snippet (of the entity's 8 latest documents) with the most query words, highlighted.
  private func attachSnippet(_ hit: inout SearchHit, _ h: Highlighter) throws(IndexError) {
    let rows = try db.query("""
      SELECT a.snippet, d.doc_id FROM appearances a JOIN documents d ON d.id = a.doc
      WHERE a.kind = ? AND a.entity = ? ORDER BY a.date DESC, a.doc DESC LIMIT 8
      """, [.text(hit.kind.rawValue), .int(hit.id)]) { ($0.text(0), $0.text(1)) }
    var best: (String, String, [Range<Int>])?
    for (snippet, doc) in rows {
      let r = h.ranges(in: snippet)
      let covered = r.reduce(0) { $0 + $1.count }
      if best == nil || covered > best!.2.reduce(0, { $0 + $1.count }) { best = (snippet, doc, r) }
    }
    if let best {
      hit.snippet = best.0
      hit.snippetDocument = best.1
      hit.highlights = best.2.map { [$0.lowerBound, $0.upperBound] }
    }
  }
}

/// One search result.
public struct SearchHit: Sendable, Codable, Equatable {
  public var kind: IndexedKind
  public var id: Int64
  public var name: String
  /// Higher is better (negated bm25, scaled by mention frequency).
  public var score: Double = 0
  public var mentions: Int
  public var documents: Int
  public var firstSeen: String?
  public var lastSeen: String?
  /// Official: latest rank; titles; units. Unit: code; parent. Directive: key; issuer; year.
  public var summary: String = ""
  /// Text around a mention in one document (`snippetDocument`), with `highlights` as code-point ranges.
  public var snippet: String = ""
  public var snippetDocument: String?
  public var highlights: [[Int]] = []
  public var nameHighlights: [[Int]] = []

  /// The snippet with the highlights wrapped in `open`/`close` (`[`…`]`, or terminal bold).
  public func markedSnippet(open: String, close: String) -> String {
    Highlighter.mark(snippet, highlights.map { $0[0]..<$0[1] }, open: open, close: close)
  }

  public func markedName(open: String, close: String) -> String {
    Highlighter.mark(name, nameHighlights.map { $0[0]..<$0[1] }, open: open, close: close)
  }
}
