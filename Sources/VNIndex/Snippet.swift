/// A short window of document text around a mention, stored per entity and document and shown as the
/// search hit's snippet.
///
/// The window stays inside the mention's paragraph, starts and ends on a space, and marks cuts with `…`:
/// `…Lãnh đạo Cục V28 tặng hoa chúc mừng Thứ trưởng Nguyễn Văn Thành vừa được phong quân hàm…`.
enum Snippet {
  static let before = 70
  static let after = 110

  /// The snippet around code points `start..<end` of `text` (given as its scalars).
  static func around(_ text: [Unicode.Scalar], start: Int, end: Int) -> String {
    let n = text.count
    let s = max(0, min(start, n)), e = max(s, min(end, n))
    var lo = s, hi = e
    while lo > 0 && s - lo < before && text[lo - 1] != "\n" { lo -= 1 }
    while hi < n && hi - e < after && text[hi] != "\n" { hi += 1 }
    let cutLeft = lo > 0 && text[lo - 1] != "\n"
    let cutRight = hi < n && text[hi] != "\n"
    if cutLeft {
      while lo < s && text[lo] != " " { lo += 1 }
      if lo < s { lo += 1 }
    }
    if cutRight {
      while hi > e && text[hi - 1] != " " { hi -= 1 }
      if hi > e { hi -= 1 }
    }
    var view = String.UnicodeScalarView()
    if cutLeft { view.append("…") }
    for i in lo..<hi where text[i] != "\r" { view.append(text[i] == "\t" ? " " : text[i]) }
    if cutRight { view.append("…") }
    return String(String(view).trimmingSpaces())
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
