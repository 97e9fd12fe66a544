import Foundation
import Testing
@testable import VNIndex

@Suite("entity resolution across documents")
struct IndexResolutionTests {
  @Test("the seed indexed: Nguyễn Văn Thành is Thượng tướng and Thứ trưởng, with Chỉ thị 09-CT/TW cited alongside")
  func seedProfile() throws {
    let (path, report) = try IndexFixtures.build([IndexFixtures.seed])
    #expect(report.documents == 1)
    let reader = try IndexReader(path: path)
    let (profiles, exact) = try reader.officials(matching: "nguyen van thanh")
    #expect(exact)
    let p = try #require(profiles.first)
    #expect(profiles.count == 1)
    #expect(p.name == "Nguyễn Văn Thành")
    #expect(p.ranks.map(\.value) == ["Thượng tướng"])
    #expect(p.titles.map(\.value) == ["Thứ trưởng"])
    #expect(p.mentions == 5)
    #expect(p.directives.map(\.name).contains("Chỉ thị số 09-CT/TW"))
    #expect(p.coMentionedOfficials.map(\.name) == ["Nguyễn Văn Khảo"])
    let khao = try #require(try reader.officials(matching: "Nguyễn Văn Khảo").profiles.first)
    #expect(khao.force == "police", "Cục V28 belongs to Bộ Công an in units.tsv")
    let counts = try reader.counts()
    #expect(counts.officials == 2)
    #expect(counts.directives == 2)
    #expect(counts.mentions == 40)
    let directive = try #require(try reader.directives(matching: "09-ct/tw").profiles.first)
    #expect(directive.documentCount == 1 && directive.mentions == 2)
    #expect(directive.issuer == "Ban Bí thư")
    let unit = try #require(try reader.units(matching: "Cục V28").profiles.first)
    #expect(unit.code == "V28")
    #expect(unit.mentions == 9)
    #expect(unit.officials.map(\.name) == ["Nguyễn Văn Khảo"])
  }

  @Test("homonyms split: police and army Nguyễn Văn Thành; Đại úy and Thiếu tá Đặng Văn Nam on the same date")
  func homonymSplit() throws {
    let (path, _) = try IndexFixtures.build([IndexFixtures.seed, IndexFixtures.homonyms])
    let reader = try IndexReader(path: path)
    let thanh = try reader.officials(matching: "nguyen van thanh").profiles
    #expect(thanh.count == 2)
    let police = try #require(thanh.first { $0.force == "police" })
    let army = try #require(thanh.first { $0.force == "military" })
    #expect(police.documentCount == 3, "hn-001, hn-002 and the undated seed merge")
    #expect(Set(police.ranks.map(\.value)) == ["Thượng tướng"])
    #expect(police.titles.map(\.value) == ["Thứ trưởng"])
    #expect(police.firstSeen == "2017-03-10" && police.lastSeen == "2018-05-02")
    #expect(army.ranks.map(\.value) == ["Đại tá"])
    #expect(army.documentCount == 1)

    let nam = try reader.officials(matching: "Đặng Văn Nam").profiles
    #expect(nam.count == 2)
    let major = try #require(nam.first { $0.ranks.map(\.value) == ["Thiếu tá"] })
    #expect(major.documentCount == 2, "the 2020 article shares rank, title and unit with the Thiếu tá")
    #expect(major.titles.first?.firstSeen == "2019-09-12" && major.titles.first?.lastSeen == "2020-06-01")
    #expect(nam.contains { $0.ranks.map(\.value) == ["Đại úy"] && $0.documentCount == 1 })
  }

  @Test("merge: a rank-less article about the same Thứ trưởng joins the existing official")
  func merge() throws {
    let (path, _) = try IndexFixtures.build([IndexFixtures.homonyms])
    let reader = try IndexReader(path: path)
    let thanh = try reader.officials(matching: "nguyen van thanh").profiles
    let police = try #require(thanh.first { $0.force == "police" })
    #expect(Set(police.documents.map(\.id)) == ["hn-001", "hn-002"])
  }

  @Test("a keyless Chỉ thị số 05 and the keyed Chỉ thị 05/CT-BCA are one directive, in either order")
  func directiveMerge() throws {
    for reversed in [false, true] {
      let lines = try String(contentsOfFile: IndexFixtures.homonyms, encoding: .utf8).split(separator: "\n")
      let input = IndexFixtures.databasePath("input.jsonl")
      try (reversed ? lines.reversed() : lines).joined(separator: "\n").write(toFile: input, atomically: true, encoding: .utf8)
      let (path, _) = try IndexFixtures.build([input])
      let reader = try IndexReader(path: path)
      let d = try #require(try reader.directives(matching: "05/CT-BCA").profiles.first)
      #expect(d.key == "05/CT-BCA")
      #expect(d.documentCount == 2, "reversed: \(reversed)")
      #expect(try reader.counts().directives == 1)
    }
  }

  @Test("units merge on canonical names and gazetteer abbreviations: BCA is Bộ Công an")
  func unitAbbreviation() throws {
    let (path, _) = try IndexFixtures.build([IndexFixtures.homonyms])
    let reader = try IndexReader(path: path)
    let bca = try #require(try reader.units(matching: "Bộ Công an").profiles.first)
    #expect(bca.documentCount == 3)
    #expect(Set(bca.aliases.map(\.value)) == ["Bộ Công an", "BCA"])

    let (plain, _) = try IndexFixtures.build([IndexFixtures.homonyms], gazetteer: .empty)
    let without = try IndexReader(path: plain)
    let alone = try #require(try without.units(matching: "Bộ Công an").profiles.first)
    #expect(!alone.aliases.map(\.value).contains("BCA"), "without units.tsv an uncanonicalised BCA stays its own unit")
    #expect(try without.units(matching: "bca").profiles.first?.name == "BCA")
  }

  @Test("lines without officials records or attrs: records rebuilt from OFFICIAL mentions, short name joined")
  func rebuiltRecords() throws {
    let (path, report) = try IndexFixtures.build([IndexFixtures.homonyms])
    #expect(report.errorRecords == 1)
    #expect(report.documents == 7)
    let reader = try IndexReader(path: path)
    let huy = try #require(try reader.officials(matching: "truong quoc huy").profiles.first)
    #expect(huy.mentions == 2)
    #expect(huy.titles.isEmpty && huy.ranks.isEmpty)
    #expect(huy.firstSeen == nil)
  }
}
