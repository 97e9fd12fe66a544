import Foundation
import Testing
import VNTestSupport

/// `vnmine normalize` and `vnmine tokenize` on bad input: a clear error naming the file and byte offset,
/// a non-zero exit status, and nothing on standard output (all inputs are read before any output).
@Suite("normalize and tokenize on bad input", .serialized)
struct BadInputCLITests {
  static func files() throws -> (good: String, invalid: String, binary: String) {
    let dir = try CLI.temporaryFolder("badcli")
    let good = dir.appendingPathComponent("good.txt"), invalid = dir.appendingPathComponent("broken.txt")
    let binary = dir.appendingPathComponent("image.txt")
    try Data("Bộ Công an ban hành Chỉ thị số 09.".utf8).write(to: good)
    // "Dòng một\n" is 12 bytes of UTF-8 and "Dòng hai " 10 more: the first bad byte is at offset 22, line 2.
    try Data(Array("Dòng một\nDòng hai ".utf8) + [0xFF, 0xFE, 0x41]).write(to: invalid)
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).write(to: binary)
    return (good.path, invalid.path, binary.path)
  }

  @Test("invalid UTF-8: error names the file, byte and line; exit non-zero; stdout empty", arguments: ["normalize", "tokenize"])
  func invalidUTF8(_ command: String) throws {
    let f = try Self.files()
    let r = try CLI.run([command, f.good, f.invalid])
    #expect(r.status != 0)
    #expect(r.stdout.isEmpty, "no partial output: \(String(decoding: r.stdout, as: UTF8.self))")
    #expect(r.stderr.contains(f.invalid))
    #expect(r.stderr.contains("byte 22"))
    #expect(r.stderr.contains("line 2"))
  }

  @Test("binary file: error names the file and the NUL byte; exit non-zero; stdout empty", arguments: ["normalize", "tokenize"])
  func binary(_ command: String) throws {
    let f = try Self.files()
    let r = try CLI.run([command, f.binary, f.good])
    #expect(r.status != 0)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains(f.binary))
    #expect(r.stderr.contains("byte 8"))
  }

  @Test("the good file alone succeeds (near miss of the cases above)")
  func good() throws {
    let f = try Self.files()
    let r = try CLI.run(["tokenize", "--format", "text", f.good])
    #expect(r.status == 0)
    #expect(String(decoding: r.stdout, as: UTF8.self) == "Bộ Công_an ban_hành Chỉ_thị số 09 .\n")
  }
}
