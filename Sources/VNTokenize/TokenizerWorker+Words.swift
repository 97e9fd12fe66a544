import VNCore

/// Word grouping: runs of word syllables separated by exactly one space go through the segmenter.
extension TokenizerWorker {
  func segmentWords() {
    var out: [RawToken] = []
    out.reserveCapacity(raw.count)
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
      for k in i..<j { run.append(syllable(raw[k])) }
      lengths.removeAll(keepingCapacity: true)
      segmenter.segment(run, into: &lengths)
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
    raw = out
  }

  private func syllable(_ t: RawToken) -> WordSegmenter.Syllable {
    let slice = units[Int(t.start)..<Int(t.end)]
    let h = SyllableKey.hash(slice)
    let id = config.lexicon.syllableIDs[h] ?? 0
    let first = slice.first!
    var title = Units.isUpper(first)
    if title { for u in slice.dropFirst() where Units.isUpper(u) { title = false; break } }
    return WordSegmenter.Syllable(id: id, titleCase: title, surname: title && config.lexicon.surnames.contains(h))
  }
}
