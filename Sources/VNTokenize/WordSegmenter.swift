/// Groups adjacent syllables into words by minimum total cost (maximal matching with frequencies).
///
/// `bộ công an ban hành chỉ thị` → `bộ | công an | ban hành | chỉ thị`. Each candidate word (a lexicon
/// entry of up to four syllables, or any single syllable) costs −log P(word); dynamic programming finds
/// the cheapest split of a run, ties going to fewer, longer words. Unlike greedy longest match it does
/// not swallow a syllable that the next word needs (`học sinh học` → `học sinh | học` only when that is
/// likelier). Runs of 2–4 Title-case syllables that start with a surname stay one word
/// (`Nguyễn Văn Thành`), so person names are never split.
struct WordSegmenter {
  let lexicon: Lexicon

  /// One syllable of a run: its id (0 = unknown), whether it is Title case, its surname flag.
  struct Syllable {
    var id: UInt16
    var titleCase: Bool
    var surname: Bool
  }

  /// Word lengths (in syllables) covering `run`, and whether each word is a person name.
  func segment(_ run: [Syllable], into out: inout [(length: Int, name: Bool)]) {
    var i = 0
    while i < run.count {
      // A name: surname + 1–3 more Title-case syllables.
      if run[i].surname && run[i].titleCase {
        var j = i + 1
        while j < run.count && j - i < Lexicon.maxWordLength && run[j].titleCase { j += 1 }
        if j - i >= 2 {
          // Segment what came before the name, then the name.
          out.append((j - i, true))
          i = j
          continue
        }
      }
      // Find the next name start to bound the DP run.
      var end = i + 1
      while end < run.count && !(run[end].surname && run[end].titleCase && end + 1 < run.count && run[end + 1].titleCase) {
        end += 1
      }
      dp(run, i, end, &out)
      i = end
    }
  }

  private func dp(_ run: [Syllable], _ from: Int, _ to: Int, _ out: inout [(length: Int, name: Bool)]) {
    let n = to - from
    if n == 1 { out.append((1, false)); return }
    var best = [Float](repeating: .infinity, count: n + 1)
    var back = [Int](repeating: 1, count: n + 1)
    best[0] = 0
    for end in 1...n {
      // Single syllable.
      let s = run[from + end - 1].id
      best[end] = best[end - 1] + lexicon.syllableCost[Int(s)]
      back[end] = 1
      var key = UInt64(s)
      var len = 1
      while s != 0 && len < Lexicon.maxWordLength && end - len >= 1 {
        let prev = run[from + end - len - 1].id
        if prev == 0 { break }
        key = (key << 16) | UInt64(prev)
        len += 1
        if let c = lexicon.wordCost[key] {
          let total = best[end - len] + c
          if total <= best[end] { best[end] = total; back[end] = len }
        }
      }
    }
    var lengths: [Int] = []
    var k = n
    while k > 0 { lengths.append(back[k]); k -= back[k] }
    for l in lengths.reversed() { out.append((l, false)) }
  }
}
