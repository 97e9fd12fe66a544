/// Turns the bytes of an input file into text, or says exactly why it cannot.
///
/// UTF-8 is the norm (a BOM is skipped). Bytes that are not valid UTF-8 are decoded as Windows-1258 when
/// they look like Vietnamese in that code page (Vietnamese-only letters or its combining tone bytes, no
/// undefined bytes); otherwise the error gives the byte offset of the first invalid sequence. NUL bytes
/// mean binary data and are always an error.
public struct InputDecoder: Sendable {
  public enum Encoding: String, Sendable, CaseIterable {
    case auto, utf8 = "utf-8", windows1258 = "windows-1258"
  }

  public enum Failure: Error, Sendable, Equatable {
    /// Invalid UTF-8 at `byte` (0-based offset in the input).
    case invalidUTF8(byte: Int)
    /// A NUL byte at `byte`: binary, not text.
    case binary(byte: Int)

    public var message: String {
      switch self {
      case .invalidUTF8(let b): return "invalid UTF-8 at byte \(b) (not Windows-1258 text either)"
      case .binary(let b): return "binary data (NUL byte at byte \(b)), not text"
      }
    }
    public var byte: Int {
      switch self { case .invalidUTF8(let b), .binary(let b): return b }
    }
  }

  /// Windows-1258 bytes 0x80...0xFF → scalar (0 = undefined), from `models/encodings/windows-1258.tsv`
  /// or the built-in copy of the same table.
  let cp1258: [UInt32]

  public init(cp1258: [UInt32]? = nil) { self.cp1258 = cp1258 ?? Self.builtinCP1258 }

  /// Decodes `bytes`; returns the text and the encoding it was read in.
  public func decode(_ bytes: [UInt8], as encoding: Encoding = .auto) -> Result<(String, Encoding), Failure> {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let nul = body.firstIndex(of: 0) { return .failure(.binary(byte: nul)) }
    if encoding != .windows1258 {
      if let bad = Self.firstInvalidUTF8(body) {
        guard encoding == .auto, let text = decodeCP1258(body), looksVietnamese1258(body) else {
          return .failure(.invalidUTF8(byte: bad))
        }
        return .success((text, .windows1258))
      }
      return .success((String(decoding: body, as: UTF8.self), .utf8))
    }
    guard let text = decodeCP1258(body) else { return .failure(.invalidUTF8(byte: body.startIndex)) }
    return .success((text, .windows1258))
  }

  /// Offset of the first byte that starts an invalid UTF-8 sequence, or nil.
  public static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
    var i = bytes.startIndex
    let end = bytes.endIndex
    while i < end {
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
      let n: Int
      let min: UInt32
      if b & 0xE0 == 0xC0 { n = 1; min = 0x80 } else if b & 0xF0 == 0xE0 { n = 2; min = 0x800 }
      else if b & 0xF8 == 0xF0 { n = 3; min = 0x10000 } else { return i }
      var v = UInt32(b) & (0x3F >> UInt32(n))
      for k in 1...n {
        guard i + k < end else { return i }
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else { return i }
        v = v << 6 | UInt32(c & 0x3F)
      }
      if v < min || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) { return i }
      i += n + 1
    }
    return nil
  }

  func decodeCP1258(_ bytes: ArraySlice<UInt8>) -> String? {
    var view = String.UnicodeScalarView()
    for b in bytes {
      if b < 0x80 { view.append(Unicode.Scalar(b)); continue }
      let v = cp1258[Int(b) - 0x80]
      guard v != 0, let s = Unicode.Scalar(v) else { return nil }
      view.append(s)
    }
    return String(view)
  }

  /// Windows-1258 tells: its combining tone bytes or the Vietnamese letters Ă ă Đ đ Ơ ơ Ư ư, and no
  /// valid multi-byte UTF-8 sequence (a UTF-8 file with a corrupt byte is an error, not Windows-1258).
  func looksVietnamese1258(_ bytes: ArraySlice<UInt8>) -> Bool {
    let tells: Set<UInt8> = [0xCC, 0xDE, 0xD2, 0xEC, 0xF2, 0xC3, 0xE3, 0xD0, 0xF0, 0xD5, 0xF5, 0xDD, 0xFD]
    var n = 0
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      if b >= 0xC2 && b <= 0xF4, i + 1 < bytes.endIndex, bytes[i + 1] & 0xC0 == 0x80 {
        let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        if i + len <= bytes.endIndex, Self.firstInvalidUTF8(bytes[i..<(i + len)]) == nil { return false }
      }
      if tells.contains(b) { n += 1 }
      i += 1
    }
    return n >= 1
  }

  /// Python's cp1258 codec for 0x80...0xFF (0 = undefined), the same as models/encodings/windows-1258.tsv.
  static let builtinCP1258: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0, 0x2039, 0x0152, 0, 0, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0, 0x203A, 0x0153, 0, 0, 0x0178,
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
    0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
    0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
  ]
}
