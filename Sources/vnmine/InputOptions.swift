import ArgumentParser
import Foundation
import VNText

/// Options shared by commands that read text documents.
struct InputOptions: ParsableArguments {
  @Argument(help: "Input files (plain text, one document per file); '-' or nothing reads standard input.")
  var files: [String] = []

  @Flag(help: "Treat each input line as a separate document.")
  var lines = false

  @Option(help: "Input encoding: auto (UTF-8, else Windows-1258 when it fits), utf-8, windows-1258.")
  var encoding: InputDecoder.Encoding = .auto

  @Option(help: "The models folder (default: found next to the executable or in the repository).")
  var models: String?
}

extension InputDecoder.Encoding: ExpressibleByArgument {}
extension ToneStyle: ExpressibleByArgument {}

/// One document read from an input: where it came from and its text.
struct InputDocument {
  var source: String
  var line: Int?
  var text: String
}

/// A reading failure that names the file and byte: `file.txt: invalid UTF-8 at byte 1234`.
struct InputError: Error, CustomStringConvertible {
  var description: String
}

extension InputOptions {
  /// Reads and decodes every input before anything is written, so a bad file leaves stdout empty.
  func readDocuments() throws -> [InputDocument] {
    let decoder = InputDecoder()
    let paths = files.isEmpty ? ["-"] : files
    var docs: [InputDocument] = []
    for path in paths {
      let data: Data
      if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
      } else {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
          throw InputError(description: "\(path): no such file")
        }
        guard !isDir.boolValue else { throw InputError(description: "\(path): is a directory") }
        guard let d = FileManager.default.contents(atPath: path) else {
          throw InputError(description: "\(path): cannot be read (permission denied?)")
        }
        data = d
      }
      let name = path == "-" ? "<stdin>" : path
      switch decoder.decode([UInt8](data), as: encoding) {
      case .failure(let f):
        throw InputError(description: "\(name): \(f.message)\(lineSuffix(data, f.byte))")
      case .success(let (text, _)):
        if lines {
          var n = 0
          for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let l = line.hasSuffix("\r") ? line.dropLast() : line
            if l.isEmpty && n > 1 && line.endIndex == text.endIndex { continue }
            docs.append(InputDocument(source: name, line: n, text: String(l)))
          }
        } else {
          docs.append(InputDocument(source: name, line: nil, text: text))
        }
      }
    }
    return docs
  }

  private func lineSuffix(_ data: Data, _ byte: Int) -> String {
    let line = data.prefix(byte).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    return " (line \(line))"
  }

  func modelDirectory() throws -> ModelDirectory { try ModelDirectory.locate(explicit: models) }
}

/// Writes bytes to standard output through one buffered handle.
struct StandardOutput {
  private var buffer: [UInt8] = []
  mutating func write(_ bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count > 1 << 16 { flush() }
  }
  mutating func write(_ s: String) { write(Array(s.utf8)) }
  mutating func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}

/// The contents of the user's word list (`--user-words FILE`), or nil when none was given.
func readUserWords(_ path: String?) throws -> String? {
  guard let path else { return nil }
  guard let d = FileManager.default.contents(atPath: path) else { throw InputError(description: "\(path): cannot be read") }
  return String(decoding: d, as: UTF8.self)
}
