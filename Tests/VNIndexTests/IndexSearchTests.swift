import Foundation
import Testing
@testable import VNIndex

@Suite("search: folding, prefixes, ranking, highlights")
struct IndexSearchTests {
  struct QueryCase: CustomTestStringConvertible, Sendable {
    var query: String
    var kind: IndexedKind?
    var expected: String
    var testDescription: String { "\"\(query)\" finds \(expected)" }
  }

  static let path: String = {
    (try? IndexFixtures.build([IndexFixtures.seed, IndexFixtures.homonyms]).path) ?? ""
  }()

  @Test("diacritic-, case- and đ-insensitive, prefix matching", arguments: [
    QueryCase(query: "nguyen van thanh", kind: .official, expected: "Nguyễn Văn Thành"),
    QueryCase(query: "NGUYỄN VĂN THÀNH", kind: .official, expected: "Nguyễn Văn Thành"),
    QueryCase(query: "Nguyễn Văn Thanh", kind: .official, expected: "Nguyễn Văn Thành"),
    QueryCase(query: "nguyen van th", kind: .official, expected: "Nguyễn Văn Thành"),
    QueryCase(query: "dang", kind: .official, expected: "Đặng Văn Nam"),
    QueryCase(query: "đặng văn nam", kind: nil, expected: "Đặng Văn Nam"),
    QueryCase(query: "DANG VAN", kind: .official, expected: "Đặng Văn Nam"),
    QueryCase(query: "cuc xay dung phong trao", kind: .unit, expected: "Cục Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc"),
    QueryCase(query: "v28", kind: .unit, expected: "Cục Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc"),
    QueryCase(query: "bca", kind: .unit, expected: "Bộ Công an"),
    QueryCase(query: "chi thi 09", kind: .directive, expected: "Chỉ thị số 09-CT/TW"),
    QueryCase(query: "09-CT/TW", kind: nil, expected: "Chỉ thị số 09-CT/TW"),
    QueryCase(query: "truong quoc huy", kind: nil, expected: "Trương Quốc Huy"),
  ])
  func folding(_ c: QueryCase) throws {
    let reader = try IndexReader(path: Self.path)
    let hits = try reader.search(c.query, kind: c.kind, limit: 5)
    let top = try #require(hits.first, "no hit for \(c.query)")
    #expect(top.name == c.expected)
    if let kind = c.kind { #expect(hits.allSatisfy { $0.kind == kind }) }
  }

  @Test("d never matches đ the other way round: 'dan' finds Đặng only as a prefix of dang")
  func dStrokePrefix() throws {
    let reader = try IndexReader(path: Self.path)
    let names = try reader.search("dan", kind: .official, limit: 10).map(\.name)
    #expect(names.contains("Đặng Văn Nam"))
    #expect(try reader.search("dx", kind: .official, limit: 10).isEmpty)
  }

  @Test("each hit carries a snippet with the matched words highlighted in original spelling")
  func highlightedSnippet() throws {
    let reader = try IndexReader(path: Self.path)
    let hit = try #require(try reader.search("dang van nam", kind: .official, limit: 1).first)
    let marked = hit.markedSnippet(open: "[", close: "]")
    #expect(marked.contains("[Đặng Văn Nam]"), "\(marked)")
    #expect(hit.markedName(open: "[", close: "]") == "[Đặng Văn Nam]")
  }

  @Test("the more frequently mentioned homonym ranks first")
  func rankingByFrequency() throws {
    let reader = try IndexReader(path: Self.path)
    let hits = try reader.search("nguyen van thanh", kind: .official, limit: 5)
    #expect(hits.count == 2)
    #expect(hits[0].mentions > hits[1].mentions)
    #expect(hits[0].summary.hasPrefix("Thượng tướng"))
  }

  @Test("a query with no letters or digits returns no hits instead of an FTS syntax error")
  func emptyQuery() throws {
    let reader = try IndexReader(path: Self.path)
    #expect(try reader.search("\"*-", limit: 5).isEmpty)
    #expect(try reader.search("AND OR NOT", limit: 5).isEmpty)
  }
}
