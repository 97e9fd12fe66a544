/// A document's text as UTF-8 with random access by Unicode scalar offset (the unit of entity offsets).
///
/// One pass counts the scalars and notes the byte offset of every 64th, so finding a scalar's byte offset
/// walks at most 63 scalars; no array of scalars is built.
struct UTF8Text: Sendable {
  let bytes: [UInt8]
  /// Unicode scalars in the text.
  let count: Int
  /// Byte offset of scalar `k * stride`.
  private let marks: [Int32]
  private static let stride = 64

  /// A Swift string is valid UTF-8 already: one pass counts the lead bytes eight at a time and notes the
  /// marks.
  init(_ text: String) {
    let bytes = Array(text.utf8)
    let (count, marks) = bytes.withUnsafeBytes { Self.scan($0) }
    self.init(bytes: bytes, count: count, marks: marks)
  }

  /// Counts the scalars of valid UTF-8 and notes the byte offset of every `stride`-th. A word of eight bytes
  /// holds at most one mark (`stride` > 8): it is found by dropping the word's lead bytes before it.
  private static func scan(_ raw: UnsafeRawBufferPointer) -> (count: Int, marks: [Int32]) {
    var marks: [Int32] = []
    marks.reserveCapacity(raw.count / stride + 1)
    let end = raw.count
    var n = 0, i = 0
    while i + 8 <= end {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      // A lead byte is not 10xxxxxx: bit 7 clear, or bit 6 set (moved to bit 7 by the shift).
      var leadBits = (~w | (w << 1)) & 0x8080_8080_8080_8080
      let leads = leadBits.nonzeroBitCount
      let nextMark = (n + stride - 1) & ~(stride - 1)
      if n + leads > nextMark {
        for _ in 0..<(nextMark - n) { leadBits &= leadBits &- 1 }
        marks.append(Int32(truncatingIfNeeded: i + leadBits.trailingZeroBitCount >> 3))
      }
      n += leads
      i += 8
    }
    while i < end {
      if raw[i] & 0xC0 != 0x80 {
        if n & (stride - 1) == 0 { marks.append(Int32(truncatingIfNeeded: i)) }
        n += 1
      }
      i += 1
    }
    return (n, marks)
  }

  /// The text of `bytes`, nil when they are not valid UTF-8.
  init?(validUTF8 bytes: [UInt8]) {
    var marks: [Int32] = []
    marks.reserveCapacity(bytes.count / Self.stride + 1)
    var n = 0
    let valid = bytes.withUnsafeBufferPointer { p -> Bool in
      let end = p.count
      var i = 0
      @inline(__always) func cont(_ k: Int) -> Bool { k < end && p[k] & 0xC0 == 0x80 }
      while i < end {
        if n & (Self.stride - 1) == 0 { marks.append(Int32(truncatingIfNeeded: i)) }
        n += 1
        let c = p[i]
        if c < 0x80 { i += 1; continue }
        if c < 0xC2 { return false }
        if c < 0xE0 {
          guard cont(i + 1) else { return false }
          i += 2
        } else if c < 0xF0 {
          guard cont(i + 1), cont(i + 2) else { return false }
          let c1 = p[i + 1]
          if (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) { return false }
          i += 3
        } else if c < 0xF5 {
          guard cont(i + 1), cont(i + 2), cont(i + 3) else { return false }
          let c1 = p[i + 1]
          if (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F) { return false }
          i += 4
        } else {
          return false
        }
      }
      return true
    }
    guard valid else { return nil }
    self.bytes = bytes
    self.count = n
    self.marks = marks
  }

  private init(bytes: [UInt8], count: Int, marks: [Int32]) {
    self.bytes = bytes; self.count = count; self.marks = marks
  }

  /// The length of the valid UTF-8 sequence of a non-ASCII lead byte at `i`, 0 when invalid.
  @inline(__always)
  private static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let c = b[i], end = b.count
    @inline(__always) func cont(_ k: Int) -> Bool { k < end && b[k] & 0xC0 == 0x80 }
    if c < 0xC2 { return 0 }
    if c < 0xE0 { return cont(i + 1) ? 2 : 0 }
    if c < 0xF0 {
      guard cont(i + 1), cont(i + 2) else { return 0 }
      let c1 = b[i + 1]
      return (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) ? 0 : 3
    }
    if c < 0xF5 {
      guard cont(i + 1), cont(i + 2), cont(i + 3) else { return 0 }
      let c1 = b[i + 1]
      return (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F) ? 0 : 4
    }
    return 0
  }

  private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ j: Int) -> UInt32? {
    guard j + 4 <= b.count else { return nil }
    var v: UInt32 = 0
    for k in 0..<4 {
      let c = b[j + k]
      let h: UInt32
      switch c {
      case 0x30...0x39: h = UInt32(c - 0x30)
      case 0x41...0x46: h = UInt32(c - 0x37)
      case 0x61...0x66: h = UInt32(c - 0x57)
      default: return nil
      }
      v = v << 4 | h
    }
    return v
  }

  /// The string value of a JSON string token starting at `i` (its opening quote), escapes decoded, as the
  /// vnmine JSON parser decodes it (invalid UTF-8 repaired with U+FFFD); `i` ends after the closing quote.
  /// Nil for a malformed string (unterminated, a raw control character, a bad escape). Validating and
  /// counting scalars happen in the same pass as the copy.
  static func decodeJSONString(_ b: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UTF8Text? {
    guard i < b.count, b[i] == 0x22 else { return nil }
    var j = i + 1
    var failed = false, repair = false
    var n = 0
    var marks: [Int32] = []
    marks.reserveCapacity((b.count - j) / stride + 1)
    let out = [UInt8](unsafeUninitializedCapacity: b.count - j) { buf, written in
      var o = 0
      while true {
        guard j < b.count else { failed = true; break }
        let c = b[j]
        if n & (stride - 1) == 0 && (c != 0x22) { marks.append(Int32(truncatingIfNeeded: o)) }
        if c >= 0x80 {
          var len = sequenceLength(b, j)
          if len == 0 { repair = true; len = 1 }
          for k in 0..<len { buf[o + k] = b[j + k] }
          o += len; j += len; n += 1
          continue
        }
        if c == 0x22 { j += 1; break }
        if c < 0x20 { failed = true; break }
        if c != 0x5C { buf[o] = c; o += 1; j += 1; n += 1; continue }
        j += 1
        guard j < b.count else { failed = true; break }
        let e = b[j]
        j += 1
        var v: UInt32 = 0
        switch e {
        case 0x22, 0x5C, 0x2F: v = UInt32(e)
        case 0x62: v = 0x08
        case 0x66: v = 0x0C
        case 0x6E: v = 0x0A
        case 0x72: v = 0x0D
        case 0x74: v = 0x09
        case 0x75:
          guard let u = hex4(b, j) else { failed = true; break }
          j += 4
          v = u
          if v >= 0xD800 && v < 0xDC00, j + 6 <= b.count, b[j] == 0x5C, b[j + 1] == 0x75 {
            if let lo = hex4(b, j + 2), lo >= 0xDC00 && lo < 0xE000 {
              v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
              j += 6
            }
          }
        default: failed = true
        }
        if failed { break }
        // An escape never yields more bytes than it took (`\uXXXX` → at most 3, a pair → 4).
        for u in UTF8.encode(Unicode.Scalar(v) ?? "\u{FFFD}")! { buf[o] = u; o += 1 }
        n += 1
      }
      written = o
    }
    guard !failed else { return nil }
    i = j
    if repair { return UTF8Text(String(decoding: out, as: UTF8.self)) }
    return UTF8Text(bytes: out, count: n, marks: marks)
  }

  /// The byte offset where scalar `k` starts (`bytes.count` for `k >= count`; 0 for `k <= 0`).
  func byteOffset(ofScalar k: Int) -> Int {
    if k <= 0 { return 0 }
    if k >= count { return bytes.count }
    var i = Int(marks[k / Self.stride])
    var left = k % Self.stride
    while left > 0 {
      i += 1
      while bytes[i] & 0xC0 == 0x80 { i += 1 }
      left -= 1
    }
    return i
  }

  /// The scalar offset of byte offset `b` (a scalar boundary).
  func scalarOffset(ofByte b: Int) -> Int {
    var n = 0
    for i in 0..<min(b, bytes.count) where bytes[i] & 0xC0 != 0x80 { n += 1 }
    return n
  }

  /// The first occurrence of `needle` as scalar offsets, nil when absent or empty.
  func find(_ needle: String) -> (Int, Int)? {
    let n = Array(needle.utf8)
    guard let first = n.first, n.count <= bytes.count else { return nil }
    var i = 0
    while i + n.count <= bytes.count {
      if bytes[i] == first && bytes[i..<(i + n.count)].elementsEqual(n) {
        let start = scalarOffset(ofByte: i)
        return (start, start + needle.unicodeScalars.count)
      }
      i += 1
    }
    return nil
  }
}

/// A short window of document text around a mention, stored per entity and document and shown as the
/// search hit's snippet.
///
/// The window stays inside the mention's paragraph, starts and ends on a space, and marks cuts with `…`:
/// `…Lãnh đạo Cục V28 tặng hoa chúc mừng Thứ trưởng Nguyễn Văn Thành vừa được phong quân hàm…`.
enum Snippet {
  /// At most this many scalars before the mention and after it.
  static let before = 70
  static let after = 110

  /// The snippet around scalars `start..<end` of `text`.
  static func around(_ text: UTF8Text, start: Int, end: Int) -> String {
    String(decoding: utf8(around: text, start: start, end: end), as: UTF8.self)
  }

  /// The UTF-8 of the snippet around scalars `start..<end` of `text` (what the writer stores: no `String`
  /// is made). Works on the bytes: the characters it looks for (newline, space, tab, carriage return) are
  /// ASCII, so a byte equal to one of them is that scalar.
  ///
  /// The ends are trimmed of spaces as `trimmingSpaces()` trims the snippet's `String`, which compares
  /// Characters: a space followed by a combining mark (or preceded by a prepended concatenation mark) is
  /// not a `" "` Character. A space next to an ASCII byte always is one, so the bytes are trimmed directly;
  /// next to any other byte the snippet goes through `String` as before.
  static func utf8(around text: UTF8Text, start: Int, end: Int) -> [UInt8] {
    let n = text.count
    let s = max(0, min(start, n)), e = max(s, min(end, n))
    let bs = text.byteOffset(ofScalar: s), be = text.byteOffset(ofScalar: e)
    return text.bytes.withUnsafeBufferPointer { b -> [UInt8] in
      let count = b.count
      @inline(__always) func back(_ i: Int) -> Int {
        var i = i - 1
        while i > 0 && b[i] & 0xC0 == 0x80 { i -= 1 }
        return i
      }
      @inline(__always) func forward(_ i: Int) -> Int {
        var i = i + 1
        while i < count && b[i] & 0xC0 == 0x80 { i += 1 }
        return i
      }
      var lo = bs, hi = be
      var steps = 0
      while lo > 0 && steps < before && b[lo - 1] != 0x0A { lo = back(lo); steps += 1 }
      steps = 0
      while hi < count && steps < after && b[hi] != 0x0A { hi = forward(hi); steps += 1 }
      let cutLeft = lo > 0 && b[lo - 1] != 0x0A
      let cutRight = hi < count && b[hi] != 0x0A
      if cutLeft {
        while lo < bs && b[lo] != 0x20 { lo = forward(lo) }
        if lo < bs { lo += 1 }
      }
      if cutRight {
        while hi > be && b[hi - 1] != 0x20 { hi = back(hi) }
        if hi > be { hi -= 1 }
      }
      hi = max(lo, hi)
      var out = [UInt8](unsafeUninitializedCapacity: hi - lo + 6) { o, written in
        var k = 0
        if cutLeft { o[0] = 0xE2; o[1] = 0x80; o[2] = 0xA6; k = 3 }
        for i in lo..<hi {
          let c = b[i]
          if c == 0x0D { continue }
          o[k] = c == 0x09 ? 0x20 : c
          k += 1
        }
        if cutRight { o[k] = 0xE2; o[k + 1] = 0x80; o[k + 2] = 0xA6; k += 3 }
        written = k
      }
      // A cut end is `…`, never a space: only uncut ends are trimmed.
      var first = 0, last = out.count
      if !cutLeft {
        while first < last && out[first] == 0x20 {
          if first + 1 < out.count && out[first + 1] >= 0x80 { return Self.trimmedAsString(out) }
          first += 1
        }
      }
      if !cutRight {
        while last > first && out[last - 1] == 0x20 {
          if last - 2 >= 0 && out[last - 2] >= 0x80 { return Self.trimmedAsString(out) }
          last -= 1
        }
      }
      if first > 0 || last < out.count { out = Array(out[first..<last]) }
      return out
    }
  }

  /// `out` trimmed as a `String` (a space next to a non-ASCII scalar may belong to a larger Character).
  private static func trimmedAsString(_ out: [UInt8]) -> [UInt8] {
    Array(String(String(decoding: out, as: UTF8.self).trimmingSpaces()).utf8)
  }
}

extension String {
  func trimmingSpaces() -> Substring {
    var s = self[...]
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return s
  }
}
