import Foundation

/// The rows the writer added to `appearances`, `official_facts` and (units' and directives' surfaces) `mentions`,
/// folded as `scanEntityFacts` folds what it reads, kept while they are all the rows of those tables: from a
/// check that found the database without documents, until a rollback, another connection's write or the
/// replacement of a document. The refresh at the end of a long run then reads none of those tables (their
/// scans were about a third of that refresh, which runs after extraction, on one core).
///
/// Text is kept as `SQLiteStatement.text` reads it back (`SQLiteStatement.storedText`), so a refresh from the
/// mirror writes what one from the scans writes (tested).
struct RowMirror {
  var appearances: [EntityRef: AppearanceSummary] = [:]
  var officialFacts: [Int64: [FactRow]] = [:]
  /// Units and directives: the distinct folded surfaces of their mentions.
  var surfaces: [EntityRef: Set<String>] = [:]

  mutating func addAppearance(_ ref: EntityRef, date: String?, doc: Int64, mentions: Int, name: String, snippet: [UInt8]) {
    let name = ref.kind == .official ? SQLiteStatement.storedText(name) : nil
    if appearances[ref, default: AppearanceSummary()].add(date: date.map(SQLiteStatement.storedText), doc: doc,
                                                          mentions: mentions, name: name) {
      appearances[ref]!.snippet = snippet
    }
  }

  mutating func addFact(official: Int64, fact: String, value: String, valueKey: String, date: String?, force: String?) {
    officialFacts[official, default: []].append(FactRow(
      fact: SQLiteStatement.storedText(fact), value: SQLiteStatement.storedText(value),
      valueKey: SQLiteStatement.storedText(valueKey), date: date.map(SQLiteStatement.storedText),
      force: force.map(SQLiteStatement.storedText)))
  }

  /// UNIT mentions resolved to a unit: folded surface → unit → mentions (what `mentions_key` answers for
  /// `IndexWriter.resolveUnit` while it is left out).
  var unitSurfaceCounts: [String: [Int64: Int]] = [:]

  mutating func addMention(_ ref: EntityRef, key: String, unitLabel: Bool) {
    guard ref.kind != .official else { return }
    surfaces[ref, default: []].insert(SQLiteStatement.storedText(key))
    if unitLabel && ref.kind == .unit { unitSurfaceCounts[key, default: [:]][ref.id, default: 0] += 1 }
  }

  /// The unit most UNIT mentions with this folded surface name, the lowest id among equals (the query on
  /// `mentions` that `IndexWriter.resolveUnit` runs otherwise).
  func mostMentionedUnit(surface key: String) -> Int64? {
    guard let counts = unitSurfaceCounts[key] else { return nil }
    return counts.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }?.key
  }
}
