import VNText

/// Finds the words of a text that a search query matches, in code points of the text as stored.
///
/// Matching is on the search key (`SearchKeyFolder`: lower case, no marks, `đ` → `d`) with prefix
/// semantics, like the FTS query: the query `thanh` marks `Thành` and `Thanh`, `dang` marks `Đặng`.
/// When the text holds the query as a phrase, only the phrase is marked; otherwise every matching word.
/// Adjacent marked words separated only by spaces form one range: `Thứ trưởng [Nguyễn Văn Thành] phát biểu`.
struct Highlighter {
  let terms: [String]
  let folder: SearchKeyFolder

  init(query: String, folder: SearchKeyFolder) {
    self.folder = folder
    terms = Highlighter.terms(of: query, folder: folder)
  }

  /// The folded words of a query (letters and digits; everything else separates).
  static func terms(of query: String, folder: SearchKeyFolder) -> [String] {
    var terms: [String] = []
    var cur = String.UnicodeScalarView()
    for s in query.unicodeScalars {
      guard let f = folder.fold(s) else { continue }
      if f.properties.isAlphabetic || f.properties.numericType != nil { cur.append(f) } else if !cur.isEmpty {
        terms.append(String(cur)); cur = String.UnicodeScalarView()
      }
    }
    if !cur.isEmpty { terms.append(String(cur)) }
    return terms
  }

  /// Marked ranges `[start, end)` in code points of `text`.
  func ranges(in text: String) -> [Range<Int>] {
    guard !terms.isEmpty else { return [] }
    let scalars = Array(text.unicodeScalars)
    var words: [(range: Range<Int>, key: String)] = []
    var start: Int? = nil
    var key = String.UnicodeScalarView()
    func isWord(_ s: Unicode.Scalar) -> Bool {
      s.properties.isAlphabetic || s.properties.numericType != nil || (0x300...0x36F).contains(s.value)
    }
    for (i, s) in scalars.enumerated() {
      if isWord(s) {
        if start == nil { start = i }
        if let f = folder.fold(s) { key.append(f) }
      } else if let st = start {
        words.append((st..<i, String(key))); start = nil; key = String.UnicodeScalarView()
      }
    }
    if let st = start { words.append((st..<scalars.count, String(key))) }
    // The query as a phrase (every word whole except the last, a prefix) marks only its occurrences;
    // without one, every word matching some query word is marked.
    var marked: [Range<Int>] = []
    let n = terms.count
    if n > 1 && words.count >= n {
      var i = 0
      while i + n <= words.count {
        let hit = (0..<n).allSatisfy { k in
          k == n - 1 ? words[i + k].key.hasPrefix(terms[k]) : words[i + k].key == terms[k]
        }
        if hit { marked += words[i..<(i + n)].map(\.range); i += n } else { i += 1 }
      }
    }
    if marked.isEmpty {
      // Like the FTS query: whole words, the last query word also as a prefix.
      let whole = Set(terms.dropLast()), prefix = terms[n - 1]
      marked = words.filter { whole.contains($0.key) || $0.key.hasPrefix(prefix) }.map(\.range)
    }
    var out: [Range<Int>] = []
    for r in marked {
      if let last = out.last, scalars[last.upperBound..<r.lowerBound].allSatisfy({ $0 == " " }) {
        out[out.count - 1] = last.lowerBound..<r.upperBound
      } else {
        out.append(r)
      }
    }
    return out
  }

  /// `text` with each marked range wrapped in `open` … `close`.
  static func mark(_ text: String, _ ranges: [Range<Int>], open: String, close: String) -> String {
    guard !ranges.isEmpty else { return text }
    var out = ""
    var i = 0, r = 0
    for s in text.unicodeScalars {
      if r < ranges.count && i == ranges[r].lowerBound { out += open }
      out.unicodeScalars.append(s)
      i += 1
      if r < ranges.count && i == ranges[r].upperBound { out += close; r += 1 }
    }
    return out
  }
}
