import Foundation
import VNOutput

/// Where records go: standard output, or a file written atomically.
///
/// A file is written as `FILE.partial` and renamed to `FILE` when the run ends (also after Ctrl-C, when it
/// holds every completed record), so a crash never leaves a half-written `FILE`. `--resume` picks up
/// `FILE.partial` (or a finished-early `FILE`), cuts a torn last line and returns the ids already written.
public final class OutputFile {
  public let path: String?
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var partialPath: String? { path.map { $0 + ".partial" } }

  /// Opens standard output (`path == nil`) or `path`; with `resume`, returns the ids already written.
  public init(path: String?, resume: Bool) throws {
    self.path = path
    guard let path else { handle = FileHandle.standardOutput; written = []; return }
    let partial = path + ".partial"
    let fm = FileManager.default
    var ids: [String] = []
    if resume {
      if !fm.fileExists(atPath: partial) && fm.fileExists(atPath: path) { try fm.moveItem(atPath: path, toPath: partial) }
      if let data = fm.contents(atPath: partial) {
        let (kept, found) = Self.completeRecords([UInt8](data))
        ids = found
        if kept < data.count {
          let h = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
          try h.truncate(atOffset: UInt64(kept))
          try h.close()
        }
      }
    }
    if !resume || !fm.fileExists(atPath: partial) {
      guard fm.createFile(atPath: partial, contents: nil) else { throw OutputError.cannotCreate(partial) }
    }
    handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
    try handle.seekToEnd()
    written = ids
  }

  /// Ids of the records already in the file when resuming.
  public let written: [String]

  /// The byte length of the complete, parseable records at the start of `data`, and their ids.
  static func completeRecords(_ data: [UInt8]) -> (Int, [String]) {
    var ids: [String] = []
    var kept = 0
    var start = 0
    while let nl = data[start...].firstIndex(of: 0x0A) {
      let line = Array(data[start..<nl])
      guard case .success(let fields) = JSONObjectScanner.fields(line),
            let f = fields.first(where: { $0.key == "id" }), let id = JSONObjectScanner.string(line, f.value) else { break }
      ids.append(id)
      start = nl + 1
      kept = start
    }
    return (kept, ids)
  }

  public func write(_ bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 18 { try flush() }
  }

  public func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and, for a file, moves `FILE.partial` into place.
  public func finish() throws {
    try flush()
    guard let path, let partialPath else { return }
    try handle.synchronize()
    try handle.close()
    if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    try FileManager.default.moveItem(atPath: partialPath, toPath: path)
  }
}

public enum OutputError: Error, CustomStringConvertible {
  case cannotCreate(String)
  public var description: String {
    switch self { case .cannotCreate(let p): return "\(p): cannot create the output file" }
  }
}
