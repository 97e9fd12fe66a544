import PropertyBased
import Testing
import VNTestSupport
@testable import VNText

/// The byte scans that let the normaliser skip its steps: each must never miss a text the step would
/// change (a miss silently leaves text unnormalised), and the fast tone scan must agree exactly with the
/// decode-every-scalar reference.
@Suite("UTF-8 pre-scans")
struct Utf8ScanTests {
  /// Pieces that build the cases the scans care about: the vowel pairs `oa`/`oe`/`uy` with the tone on
  /// either vowel, `q` before them, letters and non-letters after, multi-byte neighbours, NFD marks,
  /// spaces, NBSP, zero-width space, `,;:` and a 4-byte scalar.
  static let pieces: [String] = [
    "o", "u", "O", "U", "a", "e", "y", "A", "E", "Y", "q", "Q", "h", "n", "g", "à", "á", "ả", "ã", "ạ",
    "è", "é", "ẻ", "ẽ", "ẹ", "ỳ", "ý", "ỷ", "ỹ", "ỵ", "Ỳ", "À", "É", "ò", "ó", "ỏ", "õ", "ọ", "ù", "ú",
    "ủ", "ũ", "ụ", "Ò", "Ú", "ô", "ơ", "ư", "ộ", "ữ", "đ", "\u{300}", "\u{301}", " ", "  ", ",", ";", ":",
    ".", "1", "\u{A0}", "\u{200B}", "\u{AD}", "\t", "\n", "😀", "ð", "x", "\u{2126}", "가", "\u{2000}",
    "\u{FEFF}", "\u{3000}", "\u{2060}", "\u{1AB0}", "\u{1}", "\u{7F}", "\u{85}", "Ð", "\u{20D0}", "\u{212B}",
  ]

  static func scan<T>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    var s = s
    return s.withUTF8(body)
  }

  @Test("the fast tone scan agrees with the decoding reference and the scalar scan, both styles")
  func toneScanAgrees() async {
    await propertyCheck(count: 3000, input: Gen.element(of: Self.pieces).map { $0 ?? "" }.array(of: 0...10)) { parts in
      let text = parts.joined()
      for style in [ToneStyle.classic, .modern] {
        let fast = Self.scan(text) { Utf8Scan.mayNeedTone($0, style: style) }
        let reference = Self.scan(text) { Utf8Scan.mayNeedToneDecoding($0, style: style) }
        let scalars = Utf8Scan.mayNeedTone(Array(text.unicodeScalars), style: style)
        #expect(fast == reference, "\(style) \(text.debugDescription)")
        #expect(fast == scalars, "\(style) \(text.debugDescription)")
      }
    }
  }

  @Test("tone scan: misplaced marks found, agreed placements and qu- left alone")
  func toneScanCases() {
    func classic(_ s: String) -> Bool { Self.scan(s) { Utf8Scan.mayNeedTone($0, style: .classic) } }
    func modern(_ s: String) -> Bool { Self.scan(s) { Utf8Scan.mayNeedTone($0, style: .modern) } }
    #expect(classic("hoà bình") && classic("Thuỷ") && classic("khoẻ.") && classic("HOÀ"))
    #expect(!classic("hòa bình") && !classic("thủy") && !classic("quà") && !classic("hoàng") && !classic("thuyết"))
    #expect(modern("hòa bình") && modern("Thủy,") && modern("khỏe"))
    #expect(!modern("hoà bình") && !modern("quá") && !modern("hoàng") && !modern("tóan học"))
  }

  @Test("scalar count equals the String's, on every length around the 8-byte blocks")
  func scalarCount() async {
    await propertyCheck(count: 500, input: Gen.element(of: Self.pieces).map { $0 ?? "" }.array(of: 0...24)) { parts in
      let text = parts.joined()
      #expect(Self.scan(text) { Utf8Scan.scalarCount($0) } == text.unicodeScalars.count, "\(text.debugDescription)")
    }
  }

  @Test("the one-pass cleanup + NFC scan answers as the two single scans")
  func combinedScanAgrees() async {
    await propertyCheck(count: 3000, input: Gen.element(of: Self.pieces).map { $0 ?? "" }.array(of: 0...10)) { parts in
      let text = parts.joined()
      for spacing in [true, false] {
        let both = Self.scan(text) { Utf8Scan.mayNeedCleanupOrNFC($0, cleanup: true, repairSpacing: spacing, nfc: true) }
        #expect(both.cleanup == Self.scan(text) { Utf8Scan.mayNeedCleanup($0, repairSpacing: spacing) }, "\(text.debugDescription)")
        #expect(both.nfc == Self.scan(text) { Utf8Scan.mayNeedNFC($0) }, "\(text.debugDescription)")
      }
      // NFC never misses: a text the scan passes is already NFC.
      if !Self.scan(text, { Utf8Scan.mayNeedNFC($0) }) { #expect(UnicodeNFC.nfc(text) == text, "\(text.debugDescription)") }
    }
  }

  @Test("the cleanup scan never misses a text the cleaner would change")
  func cleanupScanNeverMisses() async {
    let cleaner = TextCleaner(repairSpacing: true)
    await propertyCheck(count: 3000, input: Gen.element(of: Self.pieces).map { $0 ?? "" }.array(of: 0...10)) { parts in
      let text = parts.joined()
      if cleaner.needsWork(Array(text.unicodeScalars)) {
        #expect(Self.scan(text) { Utf8Scan.mayNeedCleanup($0, repairSpacing: true) }, "\(text.debugDescription)")
      }
    }
    #expect(!Self.scan("Bộ Công an, ngày 1/1: họp; 10:30") { Utf8Scan.mayNeedCleanup($0, repairSpacing: true) })
  }
}
