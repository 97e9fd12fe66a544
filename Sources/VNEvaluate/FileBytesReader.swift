import Foundation

/// Reads a file's bytes, inflating `.gz` files.
///
/// Foundation on Linux has no gzip, so `.gz` goes through the system `gzip -dc`. This is the only place
/// that knows: a zlib C target can replace the body of `read` without touching the readers.
public struct FileBytesReader: Sendable {
  public init() {}

  public func read(_ path: String) throws(EvalError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "is a directory") }
    if path.hasSuffix(".gz") { return try gunzip(path) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "cannot be read (permission denied?)")
    }
    return [UInt8](data)
  }

  private func gunzip(_ path: String) throws(EvalError) -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", "--", path]
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch { throw .unreadable(path: path, reason: "cannot run gzip: \(error)") }
    // Read stdout before waiting: a full pipe would block gzip forever.
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let message = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let why = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw .unreadable(path: path, reason: "gzip failed: \(why.isEmpty ? "exit \(process.terminationStatus)" : why)")
    }
    return [UInt8](data)
  }
}
