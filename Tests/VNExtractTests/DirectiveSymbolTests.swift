import Testing
@testable import VNExtract

/// Every symbol shape of the domain reference §5 parses into its fields.
@Suite("directive symbols")
struct DirectiveSymbolTests {
  struct Case: CustomStringConvertible, Sendable {
    let text: String
    let number: String
    let year: Int?
    let type: String?
    let issuers: [String]
    let units: [String]
    let symbol: String?
    let party: Bool
    var description: String { text }
  }

  static let cases: [Case] = [
    Case(text: "144/2021/NĐ-CP", number: "144", year: 2021, type: "NĐ", issuers: ["CP"], units: [], symbol: "144/2021/NĐ-CP", party: false),
    Case(text: "11/2025/TT-BCA", number: "11", year: 2025, type: "TT", issuers: ["BCA"], units: [], symbol: "11/2025/TT-BCA", party: false),
    Case(text: "666/2015/QĐ-UBND", number: "666", year: 2015, type: "QĐ", issuers: ["UBND"], units: [], symbol: "666/2015/QĐ-UBND", party: false),
    Case(text: "01/2018/TTLT-BCA-BQP-TANDTC-VKSNDTC", number: "01", year: 2018, type: "TTLT",
         issuers: ["BCA", "BQP", "TANDTC", "VKSNDTC"], units: [], symbol: "01/2018/TTLT-BCA-BQP-TANDTC-VKSNDTC", party: false),
    Case(text: "37/2018/QH14", number: "37", year: 2018, type: nil, issuers: ["QH"], units: [], symbol: "37/2018/QH14", party: false),
    Case(text: "528/2018/UBTVQH14", number: "528", year: 2018, type: nil, issuers: ["UBTVQH"], units: [], symbol: "528/2018/UBTVQH14", party: false),
    Case(text: "29/2015/L-CTN", number: "29", year: 2015, type: "L", issuers: ["CTN"], units: [], symbol: "29/2015/L-CTN", party: false),
    Case(text: "759/QĐ-TTg", number: "759", year: nil, type: "QĐ", issuers: ["TTg"], units: [], symbol: "759/QĐ-TTg", party: false),
    Case(text: "2398/QĐ-BCA-X01", number: "2398", year: nil, type: "QĐ", issuers: ["BCA"], units: ["X01"], symbol: "2398/QĐ-BCA-X01", party: false),
    Case(text: "03/CT-BCA-X11", number: "03", year: nil, type: "CT", issuers: ["BCA"], units: ["X11"], symbol: "03/CT-BCA-X11", party: false),
    Case(text: "1670/BCA-V28", number: "1670", year: nil, type: nil, issuers: ["BCA"], units: ["V28"], symbol: "1670/BCA-V28", party: false),
    Case(text: "12-NQ/TW", number: "12", year: nil, type: "NQ", issuers: ["TW"], units: [], symbol: "12-NQ/TW", party: true),
    Case(text: "08-QĐi/TW", number: "08", year: nil, type: "QĐi", issuers: ["TW"], units: [], symbol: "08-QĐi/TW", party: true),
    Case(text: "118-KH/ĐUCA", number: "118", year: nil, type: "KH", issuers: ["ĐUCA"], units: [], symbol: "118-KH/ĐUCA", party: true),
    Case(text: "09/CT/TW", number: "09", year: nil, type: "CT", issuers: ["TW"], units: [], symbol: "09/CT/TW", party: true),
    Case(text: "2148/QĐ-BCA (C11)", number: "2148", year: nil, type: "QĐ", issuers: ["BCA"], units: ["C11"], symbol: "2148/QĐ-BCA", party: false),
    Case(text: "916/2007/QĐ-BCA(X11)", number: "916", year: 2007, type: "QĐ", issuers: ["BCA"], units: ["X11"], symbol: "916/2007/QĐ-BCA", party: false),
    Case(text: "05/CT- BCA-V28", number: "05", year: nil, type: "CT", issuers: ["BCA"], units: ["V28"], symbol: "05/CT-BCA-V28", party: false),
    Case(text: "1206 /QĐ-HVTC", number: "1206", year: nil, type: "QĐ", issuers: ["HVTC"], units: [], symbol: "1206/QĐ-HVTC", party: false),
    Case(text: "4058 QĐ-BCA", number: "4058", year: nil, type: "QĐ", issuers: ["BCA"], units: [], symbol: "4058/QĐ-BCA", party: false),
    Case(text: "30/2020/ND-CP", number: "30", year: 2020, type: "ND", issuers: ["CP"], units: [], symbol: "30/2020/ND-CP", party: false),
    Case(text: "19/C46-P12", number: "19", year: nil, type: nil, issuers: [], units: ["C46", "P12"], symbol: "19/C46-P12", party: false),
    Case(text: "09", number: "09", year: nil, type: nil, issuers: [], units: [], symbol: nil, party: false),
  ]

  static func parser() throws -> DirectiveSymbolParser {
    let h = try #require(ExtractionHarness.shared)
    return DirectiveSymbolParser(typeCodes: h.extractor.resources.directiveCodes, issuerCodes: h.extractor.resources.issuers)
  }

  @Test("symbol parses into fields", arguments: cases)
  func parses(_ c: Case) throws {
    let sym = try #require(try Self.parser().parse(Array((c.text + " về").unicodeScalars), from: 0))
    #expect(sym.number == c.number)
    #expect(sym.year == c.year)
    #expect(sym.typeCode == c.type)
    #expect(sym.issuerCodes == c.issuers)
    #expect(sym.unitCodes == c.units)
    #expect(sym.symbol == c.symbol)
    #expect(sym.party == c.party)
  }

  @Test("dates and ranges are not symbols")
  func dates() throws {
    let p = try Self.parser()
    #expect(p.parse(Array("15/3/2020".unicodeScalars), from: 0) == nil)
    #expect(p.parse(Array("1-12-2011".unicodeScalars), from: 0) == nil)
  }

  @Test("directive attributes: key, issuer from the symbol or from `của`, ISO date, quoted title")
  func attributes() throws {
    let h = try #require(ExtractionHarness.shared)
    let x = h.run("Nghị định 30/2020/ND-CP ngày 05/3/2020 của Chính phủ về công tác văn thư. Chỉ thị số 09-CT/TW ngày 1-12-2011 của Ban Bí thư về \"Tăng cường sự lãnh đạo của Đảng\".")
    let ds = x.entities.filter { $0.kind == .directive }
    #expect(ds.count == 2)
    #expect(ds[0].attribute("key") == .string("30/2020/NĐ-CP"))
    #expect(ds[0].attribute("issuer") == .string("Chính phủ"))
    #expect(ds[0].attribute("date") == .string("2020-03-05"))
    #expect(ds[0].attribute("year") == .int(2020))
    #expect(ds[1].attribute("key") == .string("09-CT/TW"))
    #expect(ds[1].attribute("issuer") == .string("Ban Bí thư"))
    #expect(ds[1].attribute("date") == .string("2011-12-01"))
    #expect(ds[1].attribute("title") == .string("Tăng cường sự lãnh đạo của Đảng"))
    #expect(ds[1].attribute("type") == .string("Chỉ thị"))
  }
}
