import Foundation
import VNOutput

/// Reads a file's bytes, inflating `.gz` files.
///
/// Foundation on Linux has no gzip, so `.gz` goes through zlib (the project's `CZlibShim`, via `ByteStream`).
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

  /// `.gz` through zlib (`VNOutput.ByteStream`, the same reader `vnmine extract` uses).
  private func gunzip(_ path: String) throws(EvalError) -> [UInt8] {
    do {
      let stream = try ByteStream(path: path)
      return try stream.readAll(limit: Int.max).bytes
    } catch {
      throw .unreadable(path: path, reason: "cannot be decompressed: \(error)")
    }
  }
}
