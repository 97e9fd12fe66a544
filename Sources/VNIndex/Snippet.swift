/// A document's text as UTF-8 with random access by Unicode scalar offset (the unit of entity offsets).
///
/// One pass counts the scalars and notes the byte offset of every 64th, so finding a scalar's byte offset
/// walks at most 63 scalars; no array of scalars is built.
struct UTF8Text {
  let bytes: [UInt8]
  /// Unicode scalars in the text.
  let count: Int
  /// Byte offset of scalar `k * stride`.
  private let marks: [Int32]
  private static let stride = 64

  init(_ text: String) {
    bytes = Array(text.utf8)
    var marks: [Int32] = []
    marks.reserveCapacity(bytes.count / Self.stride + 1)
    var n = 0
    bytes.withUnsafeBufferPointer { b in
      for i in 0..<b.count where b[i] & 0xC0 != 0x80 {
        if n & (Self.stride - 1) == 0 { marks.append(Int32(i)) }
        n += 1
      }
    }
    count = n
    self.marks = marks
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

  /// The snippet around scalars `start..<end` of `text`. Works on the UTF-8 bytes: the characters it looks
  /// for (newline, space, tab, carriage return) are ASCII, so a byte equal to one of them is that scalar.
  static func around(_ text: UTF8Text, start: Int, end: Int) -> String {
    let b = text.bytes
    let n = text.count
    let s = max(0, min(start, n)), e = max(s, min(end, n))
    let bs = text.byteOffset(ofScalar: s), be = text.byteOffset(ofScalar: e)
    func back(_ i: Int) -> Int {
      var i = i - 1
      while i > 0 && b[i] & 0xC0 == 0x80 { i -= 1 }
      return i
    }
    func forward(_ i: Int) -> Int {
      var i = i + 1
      while i < b.count && b[i] & 0xC0 == 0x80 { i += 1 }
      return i
    }
    var lo = bs, hi = be
    var steps = 0
    while lo > 0 && steps < before && b[lo - 1] != 0x0A { lo = back(lo); steps += 1 }
    steps = 0
    while hi < b.count && steps < after && b[hi] != 0x0A { hi = forward(hi); steps += 1 }
    let cutLeft = lo > 0 && b[lo - 1] != 0x0A
    let cutRight = hi < b.count && b[hi] != 0x0A
    if cutLeft {
      while lo < bs && b[lo] != 0x20 { lo = forward(lo) }
      if lo < bs { lo += 1 }
    }
    if cutRight {
      while hi > be && b[hi - 1] != 0x20 { hi = back(hi) }
      if hi > be { hi -= 1 }
    }
    var out: [UInt8] = []
    out.reserveCapacity(hi - lo + 6)
    if cutLeft { out += [0xE2, 0x80, 0xA6] }
    for i in lo..<max(lo, hi) where b[i] != 0x0D { out.append(b[i] == 0x09 ? 0x20 : b[i]) }
    if cutRight { out += [0xE2, 0x80, 0xA6] }
    return String(String(decoding: out, as: UTF8.self).trimmingSpaces())
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
