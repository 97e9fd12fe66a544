import Foundation
import Testing
import VNTestSupport
import VNText

/// `models/` holds plain, reviewable data: every TSV/TXT file is UTF-8 NFC, its data lines are sorted
/// by code point (Python's default order) with no duplicates and no trailing spaces.
@Suite("models/ data files")
struct ModelFilesTests {
  static let files: [String] = {
    let root = SharedData.modelsPath
    guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
    return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }.sorted()
  }()

  @Test("there are data files to check")
  func present() { #expect(Self.files.count >= 15) }

  @Test("NFC, sorted, unique, no trailing spaces", arguments: files)
  func wellFormed(_ file: String) throws {
    let data = try #require(FileManager.default.contents(atPath: SharedData.modelsPath + "/" + file))
    let text = try #require(String(data: data, encoding: .utf8), "\(file) is not UTF-8")
    #expect(UnicodeNFC.nfc(text) == text, "\(file) is not NFC")
    var previous: [UInt32]? = nil
    var seen: Set<String> = []
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("#") { continue }
      #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"), "\(file):\(i + 1): trailing space")
      #expect(seen.insert(String(line)).inserted, "\(file):\(i + 1): duplicate line")
      let key = line.unicodeScalars.map(\.value)
      if let previous { #expect(!key.lexicographicallyPrecedes(previous), "\(file):\(i + 1): not sorted") }
      previous = key
    }
  }
}
