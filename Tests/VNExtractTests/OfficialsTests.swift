import Foundation
import Testing
import VNCore
import VNTestSupport
import VNText
@testable import VNExtract

@Suite("officials records, short forms, promotions")
struct OfficialsTests {
  static func seedText() throws -> String {
    try String(contentsOf: SharedData.repoRoot.appendingPathComponent("corpora/seed/000_3061fc41f3f3d6e8.txt"), encoding: .utf8)
  }

  @Test("seed press release: Khảo and Thành records, Chỉ thị số 09 of the Ban Bí thư with its title")
  func seed() throws {
    let h = try #require(ExtractionHarness.shared)
    let x = h.run(try Self.seedText())
    let khao = try #require(x.officials.first { $0.name == "Nguyễn Văn Khảo" })
    #expect(khao.rank == "Trung tướng")
    #expect(khao.titles == ["Cục trưởng"])
    #expect(khao.units == ["Cục V28"])
    let thanh = try #require(x.officials.first { $0.name == "Nguyễn Văn Thành" })
    #expect(thanh.rank == "Thượng tướng")
    #expect(thanh.titles == ["Thứ trưởng"])
    #expect(thanh.units == [])
    #expect(x.officials.count == 2)
    let ct = try #require(x.entities.first { $0.text == "Chỉ thị số 09" })
    #expect(ct.attribute("issuer") == .string("Ban Bí thư"))
    #expect(ct.attribute("title") == .string("Tăng cường sự lãnh đạo của Đảng đối với phong trào toàn dân bảo vệ ANTQ"))
    // Mentions point to records and records to mentions.
    for m in x.entities where m.kind == .official {
      guard case .string(let oid) = m.attribute("official") else { Issue.record("no official id"); continue }
      #expect(x.officials.first { $0.id == oid }?.mentions.contains(m.id) == true)
    }
    #expect(x.entities.map(\.id) == (1...x.entities.count).map { "e\($0)" })
    let bo = try #require(x.entities.first { $0.text == "Bô Công an" })
    #expect(bo.canonical == "Bộ Công an")
    let luat = try #require(x.entities.first { $0.text == "Luật CAND" })
    #expect(luat.canonical == "Luật Công an nhân dân")
  }

  @Test("short forms link to the one official with that given name")
  func shortForms() throws {
    let h = try #require(ExtractionHarness.shared)
    let x = h.run("Thượng tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an, dự họp. Thứ trưởng Tỏ nhấn mạnh yêu cầu. Ông Tỏ cũng đề nghị. Anh Minh, một người dân, cho biết.")
    let os = x.entities.filter { $0.kind == .official }
    #expect(os.map(\.text) == ["Trần Quốc Tỏ", "Tỏ", "Tỏ"])
    #expect(Set(os.compactMap { e -> String? in if case .string(let s) = e.attribute("official") { return s }; return nil }).count == 1)
    let rec = try #require(x.officials.first)
    #expect(rec.name == "Trần Quốc Tỏ")
    #expect(rec.rank == "Thượng tướng")
    #expect(rec.titles == ["Thứ trưởng"])
    #expect(rec.units == ["Bộ Công an"])
    #expect(rec.mentions.count == 3)
  }

  @Test("a short form with two candidates is not linked to either")
  func ambiguousShortForm() throws {
    let h = try #require(ExtractionHarness.shared)
    let x = h.run("Đại tá Nguyễn Văn Hùng và Thượng tá Lê Văn Hùng dự. Ông Hùng phát biểu.")
    #expect(x.entities.filter { $0.kind == .official }.map(\.text) == ["Nguyễn Văn Hùng", "Lê Văn Hùng"])
  }

  @Test("promotions update the rank: phong quân hàm, thăng cấp bậc hàm từ … lên …")
  func promotions() throws {
    let h = try #require(ExtractionHarness.shared)
    let a = h.run("Thứ trưởng Nguyễn Văn Thành vừa được phong quân hàm Thượng tướng.")
    #expect(a.officials.first?.rank == "Thượng tướng")
    let b = h.run("Trung tá Đặng Thanh Tuấn dự lễ. Giám đốc trao quyết định thăng cấp bậc hàm từ Thiếu tá lên Trung tá đối với đồng chí Đặng Thanh Tuấn.")
    #expect(b.officials.first?.rank == "Trung tá")
    let c = h.run("Đại úy Đặng Thanh Tuấn được thăng cấp bậc hàm từ Đại úy lên Thiếu tá.")
    #expect(c.officials.first?.rank == "Thiếu tá")
    #expect(c.entities.filter { $0.kind == .rank }.count == 3)
  }

  @Test("rank attributes: order, force from the rank or the person's unit")
  func rankAttributes() throws {
    let h = try #require(ExtractionHarness.shared)
    let x = h.run("Thiếu tướng Nguyễn Hữu Cầu, Giám đốc Công an tỉnh Nghệ An, và Chuẩn Đô đốc Phạm Văn Hải dự.")
    let ranks = x.entities.filter { $0.kind == .rank }
    #expect(ranks.first?.attribute("order") == .int(14))
    #expect(ranks.first?.attribute("force") == .string("police"))
    #expect(ranks.last?.attribute("force") == .string("navy"))
  }

  @Test("title modifiers: nguyên → former, quyền → acting, outside the span")
  func modifiers() throws {
    let h = try #require(ExtractionHarness.shared)
    let x = h.run("Ông Trần Văn Nam, nguyên Bộ trưởng Bộ Công an, và Quyền Giám đốc Công an tỉnh Lê Văn Bình.")
    let titles = x.entities.filter { $0.kind == .title }
    #expect(titles.map(\.text) == ["Bộ trưởng", "Giám đốc"])
    #expect(titles.map { $0.attribute("modifier") } == [.string("former"), .string("acting")])
  }

  @Test("overlay: a user's units.tsv adds a body without rebuilding")
  func overlay() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vnmine-overlay-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("gazetteers"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "# user units\nTrung tâm Chỉ huy\tTrung tâm Chỉ huy Công an tỉnh\tCông an tỉnh\n"
      .write(to: dir.appendingPathComponent("gazetteers/units.tsv"), atomically: true, encoding: .utf8)
    let text = "Tin báo được chuyển về Trung tâm Chỉ huy lúc 2 giờ sáng."
    let base = try #require(ExtractionHarness.shared)
    #expect(base.spans(text) == [])
    let user = try ExtractionHarness(overlay: ModelDirectory(path: dir.path))
    #expect(user.spans(text) == ["UNIT:Trung tâm Chỉ huy"])
    #expect(user.run(text).entities.first?.canonical == "Trung tâm Chỉ huy Công an tỉnh")
  }
}

@Test("canonical forms: the best-marked gazetteer phrase wins (`Thứ trưởng` is not `Thủ trưởng`); unit parent from the text")
func canonicalForms() throws {
  let h = try #require(ExtractionHarness.shared)
  let x = h.run("Thứ trưởng Nguyễn Văn Sơn và Thủ trưởng Cơ quan điều tra dự họp với Phòng CSGT Công an tỉnh Hà Tĩnh, Cục V28.")
  #expect(x.entities.filter { $0.kind == .title }.compactMap(\.canonical) == ["Thứ trưởng", "Thủ trưởng"])
  let phong = try #require(x.entities.first { $0.text == "Phòng CSGT" })
  #expect(phong.attribute("parent") == .string("Công an tỉnh Hà Tĩnh"))
  #expect(phong.canonical == "Phòng Cảnh sát giao thông")
  let cuc = try #require(x.entities.first { $0.text == "Cục V28" })
  #expect(cuc.attribute("code") == .string("V28"))
  #expect(cuc.attribute("parent") == .string("Bộ Công an"))
}
