import Testing
import VNCore
import VNTestSupport
import VNText
@testable import VNTokenize

/// Shared resources: loading the lexicon takes a moment, so it is loaded once for the suite.
enum Fixture {
  static let models = ModelDirectory(path: SharedData.modelsPath)
  static let tokenizer: Tokenizer = try! Tokenizer.load(from: models)
  static let normalizer = TextNormalizer(legacy: try! LegacyDecoder.load(from: models))

  /// (text, kind) of each token.
  static func tokens(_ text: String, _ t: Tokenizer = tokenizer) throws -> [(String, TokenKind)] {
    let r = try t.makeWorker().tokenize(normalizer.normalize(text))
    return r.tokens.map { (text.scalarSlice($0.start, $0.end), $0.kind) }
  }

  static func words(_ text: String, _ t: Tokenizer = tokenizer) throws -> [String] { try tokens(text, t).map(\.0) }

  static func sentences(_ text: String) throws -> [String] {
    try tokenizer.makeWorker().tokenize(normalizer.normalize(text)).sentences.map { text.scalarSlice($0.start, $0.end) }
  }
}

struct MergeCase: CustomTestStringConvertible, Sendable {
  let text: String
  let token: String
  let kind: TokenKind
  var testDescription: String { "\(token) in \(text)" }
}

@Suite("Tokenizer")
struct TokenizerTests {
  static let merges: [MergeCase] = [
    MergeCase(text: "ngày 15/3/2024, Bộ", token: "15/3/2024", kind: .date),
    MergeCase(text: "Sáng 12/4 tại Hà Nội", token: "12/4", kind: .date),
    MergeCase(text: "ngày 1-12-2011 của", token: "1-12-2011", kind: .date),
    MergeCase(text: "ngày 15.3.2020 tại", token: "15.3.2020", kind: .date),
    MergeCase(text: "theo Nghị định 144/2021/NĐ-CP của", token: "144/2021/NĐ-CP", kind: .symbol),
    MergeCase(text: "Chỉ thị 09-CT/TW ngày", token: "09-CT/TW", kind: .symbol),
    MergeCase(text: "Quyết định 759/QĐ-TTg về", token: "759/QĐ-TTg", kind: .symbol),
    MergeCase(text: "Công văn 1670/BCA-V28 gửi", token: "1670/BCA-V28", kind: .symbol),
    MergeCase(text: "Luật số 37/2018/QH14 quy định", token: "37/2018/QH14", kind: .symbol),
    MergeCase(text: "lệnh 29/2015/L-CTN công bố", token: "29/2015/L-CTN", kind: .symbol),
    MergeCase(text: "Thông tư liên tịch 01/2018/TTLT-BCA-BQP-TANDTC-VKSNDTC hướng dẫn", token: "01/2018/TTLT-BCA-BQP-TANDTC-VKSNDTC", kind: .symbol),
    MergeCase(text: "kèm QĐ-TTg nói trên", token: "QĐ-TTg", kind: .symbol),
    MergeCase(text: "sửa ND-CP cũ", token: "ND-CP", kind: .symbol),
    MergeCase(text: "Phòng PC45 Công an", token: "PC45", kind: .code),
    MergeCase(text: "Cục A05 cho biết", token: "A05", kind: .code),
    MergeCase(text: "tại TP.HCM hôm qua", token: "TP.HCM", kind: .abbreviation),
    MergeCase(text: "có 1.245 người", token: "1.245", kind: .number),
    MergeCase(text: "tăng 3,5% so với", token: "3,5", kind: .number),
    MergeCase(text: "và... rồi", token: "...", kind: .punctuation),
  ]

  @Test("ICU-split tokens that readers see as one are merged", arguments: merges)
  func merged(_ c: MergeCase) throws {
    let tokens = try Fixture.tokens(c.text)
    let hit = tokens.first { $0.0 == c.token }
    #expect(hit != nil, "\(tokens.map(\.0))")
    #expect(hit?.1 == c.kind)
  }

  @Test("near misses stay apart")
  func nearMisses() throws {
    // A fraction-like pair with a third number is no date; a range with a dash is no date.
    #expect(try !Fixture.tokens("từ 3-5 người").contains { $0.1 == .date })
    #expect(try !Fixture.tokens("tỷ lệ 45/100/200").contains { $0.1 == .date })
    // "Bà Rịa-Vũng Tàu" is not a document symbol; nor is a lone letter after a number.
    #expect(try !Fixture.tokens("tỉnh Bà Rịa-Vũng Tàu").contains { $0.1 == .symbol })
    #expect(try !Fixture.tokens("nhà số 5/A đường").contains { $0.1 == .symbol })
    // Day 32 or month 13 is no date.
    #expect(try !Fixture.tokens("mã 32/13 kia").contains { $0.1 == .date })
  }

  @Test("multi-syllable words and whole names")
  func words() throws {
    #expect(try Fixture.words("Bộ Công an ban hành chỉ thị") == ["Bộ", "Công an", "ban hành", "chỉ thị"])
    #expect(try Fixture.words("Thứ trưởng Nguyễn Văn Thành phát biểu").contains("Nguyễn Văn Thành"))
    #expect(try Fixture.words("Thứ trưởng Nguyễn Văn Thành phát biểu").contains("Thứ trưởng"))
    let kinds = try Fixture.tokens("gặp Trung tướng Nguyễn Văn Khảo hôm qua")
    #expect(kinds.contains { $0.0 == "Nguyễn Văn Khảo" && $0.1 == .name })
  }

  @Test("a user word list extends the lexicon without rebuilding")
  func userWords() throws {
    let text = "đơn vị xây dựng phong trào toàn dân bảo vệ an ninh"
    #expect(try !Fixture.words(text).contains("phong trào toàn dân"))
    let t = try Tokenizer.load(from: Fixture.models, userWords: "# my words\nphong_trào toàn dân\n")
    #expect(try Fixture.words(text, t).contains("phong trào toàn dân"))
  }

  @Test("sentences do not end after abbreviations, initials or inside numbers")
  func sentences() throws {
    #expect(try Fixture.sentences("Ông A đến TP. HCM hôm qua. Ông B ở lại.") == ["Ông A đến TP. HCM hôm qua.", "Ông B ở lại."])
    #expect(try Fixture.sentences("PGS.TS. Nguyễn Văn A. Trần dự họp. Có 1.245 người.").count == 2)
    #expect(try Fixture.sentences("Th.S Lê Văn B phát biểu. Hết.") == ["Th.S Lê Văn B phát biểu.", "Hết."])
    #expect(try Fixture.sentences("Dòng tiêu đề\nĐoạn thứ nhất. Đoạn hai!") == ["Dòng tiêu đề", "Đoạn thứ nhất.", "Đoạn hai!"])
  }

  @Test("offsets are into the original text even after normalisation")
  func offsetsAfterNormalisation() throws {
    let original = "Thứ\u{A0}trưởng  Nguye\u{302}\u{303}n Văn Thành yêu cầu,thời gian tới Uỷ ban"
    let tokens = try Fixture.tokens(original)
    #expect(tokens.map(\.0).contains("Nguye\u{302}\u{303}n Văn Thành"))
    #expect(tokens.map(\.0).contains("Uỷ ban"))
    #expect(tokens.map(\.0).contains(","))
    #expect(tokens.map(\.0).contains("thời gian"))
  }
}
