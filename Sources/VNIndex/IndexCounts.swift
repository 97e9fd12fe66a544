/// Row counts of an index.
public struct IndexCounts: Sendable, Equatable, Codable, CustomStringConvertible {
  public var documents = 0
  public var mentions = 0
  public var officials = 0
  public var officialFacts = 0
  public var units = 0
  public var directives = 0
  public var appearances = 0
  public var searchRows = 0

  static func read(_ db: SQLiteConnection) throws(IndexError) -> IndexCounts {
    func n(_ t: String) throws(IndexError) -> Int { Int(try db.scalar("SELECT count(*) FROM \(t)") ?? 0) }
    return IndexCounts(documents: try n("documents"), mentions: try n("mentions"), officials: try n("officials"),
                       officialFacts: try n("official_facts"), units: try n("units"), directives: try n("directives"),
                       appearances: try n("appearances"), searchRows: try n("search"))
  }

  public var description: String {
    "\(documents) documents, \(mentions) mentions, \(officials) officials, \(units) units, \(directives) directives"
  }
}
