import Foundation
import Testing
import VNCore
import VNTestSupport
@testable import VNText

/// One line of Fixtures/legacy-samples.tsv: mojibake made by a real encoder (glibc iconv or the VNI
/// table's inverse), so the fixture does not depend on the decoder under test.
struct LegacySample: CustomTestStringConvertible, Sendable {
  let encoding: String
  let mojibake: String
  let expected: String
  var testDescription: String { "\(encoding): \(expected)" }

  static func load() -> [LegacySample] {
    guard let url = Bundle.module.url(forResource: "Fixtures/legacy-samples", withExtension: "tsv"),
          let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return TSVTable(path: "legacy-samples.tsv", contents: text).rows.map {
      LegacySample(encoding: $0.fields[0], mojibake: $0.fields[1], expected: $0.fields[2])
    }
  }
}

@Suite("Legacy encodings")
struct LegacyEncodingTests {
  static let samples = LegacySample.load()
  let normalizer = TextNormalizer(options: NormalizationOptions(legacy: true, cleanup: true, spacing: true, nfc: true, toneStyle: nil), legacy: try! LegacyDecoder.load(from: ModelDirectory(path: SharedData.modelsPath)))

  @Test("fixture is present")
  func fixture() { #expect(Self.samples.filter { $0.encoding == "tcvn3" }.count >= 12); #expect(Self.samples.filter { $0.encoding == "vni" }.count >= 12) }

  @Test("TCVN3 and VNI mojibake converts to Unicode", arguments: samples.filter { $0.encoding != "windows-1258" })
  func mojibake(_ s: LegacySample) throws {
    // Detection works per document: each phrase stands in a short document whose other line is the
    // first sample of the same encoding (as a real archive file would have more text around it).
    let context = try #require(Self.samples.first { $0.encoding == s.encoding && $0.expected != s.expected })
    let r = normalizer.normalize(s.mojibake + ".\n" + context.mojibake + ".")
    #expect(r.legacyEncoding?.rawValue == s.encoding)
    #expect(r.text == s.expected + ".\n" + context.expected + ".")
  }

  @Test("Windows-1258 bytes decode to NFC Unicode", arguments: samples.filter { $0.encoding == "windows-1258" })
  func cp1258(_ s: LegacySample) throws {
    // The fixture shows the cp1258 bytes as seen through CP1252; recover the bytes, then decode them.
    let bytes = try #require(s.mojibake.data(using: .windowsCP1252).map { [UInt8]($0) } ?? Self.latin1(s.mojibake))
    guard case .success(let (text, enc)) = InputDecoder().decode(bytes) else { Issue.record("not decoded"); return }
    #expect(enc == .windows1258)
    #expect(normalizer.normalize(text).text == s.expected)
  }

  static func latin1(_ s: String) -> [UInt8]? {
    var out: [UInt8] = []
    for u in s.unicodeScalars { guard u.value < 256 else { return nil }; out.append(UInt8(u.value)) }
    return out
  }

  @Test("genuine text is never taken for mojibake")
  func noFalsePositives() {
    let genuine = [
      "Ông Lê Văn Tâm, Phó Giám đốc Công an tỉnh Nghệ An, đã chủ trì hội nghị.",
      "Bà Hà, ông Côn và cô Lê.",
      "Où est l'hôtel ? Là où la grève a éclaté, près du château ; un naïf poète.",
      "Copyright © 2020 Reuters; 5 µm ± 0.2, price £12 · 50% «quoted» ½ off.",
      "Jürgen Müller aß Paella mit Señor Núñez in Zürich; ñandú, São Paulo.",
    ]
    for g in genuine { #expect(normalizer.normalize(g).legacyEncoding == nil, "\(g)") }
  }

  @Test("invalid UTF-8 that is not Windows-1258 is an error with its byte offset")
  func invalidUTF8() {
    let bytes: [UInt8] = Array("Bộ Công an ".utf8) + [0xFF, 0xFE, 0x41]
    // "Bộ Công an " is 14 bytes of UTF-8; the bad byte is the 15th.
    #expect(InputDecoder().decode(bytes).failureValue == .invalidUTF8(byte: 14))
    #expect(InputDecoder().decode([0x41, 0x00, 0x42]).failureValue == .binary(byte: 1))
  }
}

extension Result {
  var failureValue: Failure? { if case .failure(let f) = self { return f } else { return nil } }
}
