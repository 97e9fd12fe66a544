import CZlibShim

/// Reads a file or standard input in chunks, decompressing gzip transparently (zlib reads plain files
/// as they are), and splits it into lines with their byte offsets.
public final class ByteStream {
  public let path: String
  private let handle: OpaquePointer
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var eof = false
  /// Byte offset (in the decompressed stream) of `buffer[start]`.
  private var offset = 0

  public enum Failure: Error { case cannotOpen(String), readError(String) }

  /// Opens `path`; `"-"` is standard input.
  public init(path: String) throws(Failure) {
    self.path = path
    guard let h = path == "-" ? vn_gz_open(nil) : vn_gz_open(path) else { throw .cannotOpen(path) }
    handle = h
    buffer = [UInt8](repeating: 0, count: 1 << 17)
  }

  deinit { vn_gz_close(handle) }

  private func fill() throws(Failure) {
    if start > 0 {
      buffer.replaceSubrange(0..<(end - start), with: buffer[start..<end])
      end -= start
      start = 0
    }
    if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
    let n = buffer.withUnsafeMutableBufferPointer { p in vn_gz_read(handle, p.baseAddress! + end, Int64(p.count - end)) }
    if n < 0 { throw .readError(String(cString: vn_gz_error(handle))) }
    if n == 0 { eof = true }
    end += Int(n)
  }

  /// The next line (without `\n`), its 0-based byte offset and whether it was cut at `limit` bytes
  /// (the rest of an over-long line is skipped without being kept in memory). nil at the end.
  public func nextLine(limit: Int) throws(Failure) -> (bytes: [UInt8], offset: Int, truncated: Bool)? {
    var out: [UInt8] = []
    var truncated = false
    let lineOffset = offset
    while true {
      if start == end {
        if eof { return out.isEmpty && !truncated && lineOffset == offset ? nil : (out, lineOffset, truncated) }
        try fill()
        continue
      }
      if let nl = buffer[start..<end].firstIndex(of: 0x0A) {
        if !truncated { out.append(contentsOf: buffer[start..<nl]) }
        offset += nl + 1 - start
        start = nl + 1
        if out.count > limit { out.removeSubrange(limit...); truncated = true }
        return (out, lineOffset, truncated)
      }
      if !truncated { out.append(contentsOf: buffer[start..<end]) }
      offset += end - start
      start = end
      if out.count > limit { out.removeSubrange(limit...); truncated = true }
    }
  }

  /// Everything that is left, up to `limit` bytes; `truncated` when there was more.
  public func readAll(limit: Int) throws(Failure) -> (bytes: [UInt8], truncated: Bool) {
    var out: [UInt8] = []
    while true {
      if start == end {
        if eof { return (out, false) }
        try fill()
        continue
      }
      out.append(contentsOf: buffer[start..<end])
      offset += end - start
      start = end
      if out.count > limit { out.removeSubrange(limit...); return (out, true) }
    }
  }

  /// The first non-blank byte without consuming anything (nil for an empty stream).
  public func peekFirstNonBlank() throws(Failure) -> UInt8? {
    while true {
      if let b = buffer[start..<end].first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) { return b }
      if eof { return nil }
      if end - start > 1 << 20 { return nil }
      try fill()
    }
  }
}
