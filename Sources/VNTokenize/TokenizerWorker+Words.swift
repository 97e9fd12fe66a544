import VNCore

/// Word grouping: runs of word syllables separated by exactly one space go through the segmenter.
extension TokenizerWorker {
  func segmentWords() {
    var out = takeScratch()
    var run: [WordSegmenter.Syllable] = []
    var lengths: [(length: Int, name: Bool)] = []
    var i = 0
    while i < raw.count {
      guard raw[i].kind == .word else { out.append(raw[i]); i += 1; continue }
      var j = i + 1
      while j < raw.count && raw[j].kind == .word && raw[j].start == raw[j - 1].end + 1 && units[Int(raw[j - 1].end)] == Units.space {
        j += 1
      }
      if j - i == 1 { out.append(raw[i]); i = j; continue }
      run.removeAll(keepingCapacity: true)
      units.withUnsafeBufferPointer { u in
        lowerTable.withUnsafeBufferPointer { lower in
          for k in i..<j { run.append(syllable(raw[k], u, lower)) }
        }
      }
      lengths.removeAll(keepingCapacity: true)
      segmenter.segment(run, initial: startsSentence(i), into: &lengths)
      var k = i
      for (len, name) in lengths {
        var t = raw[k]
        t.end = raw[k + len - 1].end
        t.syllables = Int32(len)
        if name { t.kind = .name }
        out.append(t)
        k += len
      }
      i = j
    }
    swap(&raw, &out)
    scratch = out
  }

  /// A run starts a sentence when it opens the text, follows a line break, or follows `. ! ? …` or a quote.
  private func startsSentence(_ i: Int) -> Bool {
    guard i > 0 else { return true }
    let prev = raw[i - 1]
    for p in Int(prev.end)..<Int(raw[i].start) where units[p] == 0x0A { return true }
    guard prev.kind == .punctuation else { return false }
    let u = units[Int(prev.end) - 1]
    return u == 0x2E || u == 0x21 || u == 0x3F || u == 0x2026 || u == 0x22 || u == 0x201C || u == 0x201D
  }

  /// The syllable's id, Title case and surname flags, from one pass over its UTF-16 units (the same
  /// FNV-1a over lower-cased units as `SyllableKey.hash`).
  @inline(__always)
  private func syllable(_ t: RawToken, _ u: UnsafeBufferPointer<UInt16>, _ lower: UnsafeBufferPointer<UInt16>) -> WordSegmenter.Syllable {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var title = true
    for p in Int(t.start)..<Int(t.end) {
      let c = u[p]
      let l = c < 0x80 ? ((c >= 0x41 && c <= 0x5A) ? c | 0x20 : c) : (c < 0x1F00 ? lower[Int(c)] : c)
      let upper = l != c
      if p == Int(t.start) { title = upper } else if upper { title = false }
      h = (h ^ UInt64(l)) &* 0x100_0000_01b3
    }
    let id = syllableIDs[h] ?? 0
    return WordSegmenter.Syllable(id: id, titleCase: title, surname: title && surnames[h] != nil)
  }
}
