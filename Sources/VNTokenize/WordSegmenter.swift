import VNCore

/// Groups adjacent syllables into words by minimum total cost (a port of scripts/segmenter_reference.py).
///
/// `bộ công an ban hành chỉ thị` → `bộ | công an | ban hành | chỉ thị`. Each candidate costs −log P(word)
/// plus a length penalty and a penalty for compounds the UD treebank usually splits; dynamic programming
/// finds the cheapest split of a run (ties go to the longer last word). Unlike greedy longest match it
/// does not swallow a syllable the next word needs. Person names (a surname followed by Title-case
/// syllables: `Nguyễn Văn Thành`) and other runs of Title-case syllables (`Đài Loan`) are candidates too,
/// so names are kept whole.
final class WordSegmenter {
  let lexicon: Lexicon
  // Scratch buffers reused across runs (one segmenter per worker).
  private var best: [Float] = []
  private var back: [Int] = []
  private var isName: [Bool] = []
  private var nameLength: [Int] = []
  private var capRun: [Int] = []

  private let wordCosts: FastMap<Float>
  private let longPrefixes: FastMap<Bool>
  private var longStart: [Bool] = []
  private let syllableCosts: [Float]
  private let nameCost: Float
  private let capSpanCost: Float

  init(lexicon: Lexicon) {
    self.lexicon = lexicon
    wordCosts = lexicon.wordCost
    longPrefixes = lexicon.longPrefixes
    syllableCosts = lexicon.syllableCost
    nameCost = lexicon.params.nameCost
    capSpanCost = lexicon.params.capSpanCost
  }

  /// One syllable of a run: its id (0 = unknown), Title case, surname.
  struct Syllable {
    var id: UInt16
    var titleCase: Bool
    var surname: Bool
  }

  /// Appends the word lengths (in syllables) covering `run` and whether each is a person name.
  /// - Parameter initial: the run starts a sentence (its first syllable cannot start a capitalised span).
  func segment(_ run: [Syllable], initial: Bool, into out: inout [(length: Int, name: Bool)]) {
    let n = run.count
    if n == 1 { out.append((1, false)); return }
    let maxLen = Lexicon.maxWordLength
    // Scratch arrays are moved out of the object for the duration (no class-property access in the loop).
    var nameLength = self.nameLength, capRun = self.capRun, longStart = self.longStart
    var best = self.best, back = self.back, isName = self.isName
    self.nameLength = []; self.capRun = []; self.longStart = []; self.best = []; self.back = []; self.isName = []
    defer {
      self.nameLength = nameLength; self.capRun = capRun; self.longStart = longStart
      self.best = best; self.back = back; self.isName = isName
    }
    nameLength.removeAll(keepingCapacity: true)
    capRun.removeAll(keepingCapacity: true)
    longStart.removeAll(keepingCapacity: true)
    for i in 0..<n {
      // Name candidates: a Title-case surname followed by Title-case syllables (start → length).
      var l = 0
      if run[i].titleCase && run[i].surname {
        l = 1
        while i + l < n && run[i + l].titleCase { l += 1 }
        l = l >= 2 ? min(l, maxLen) : 0
      }
      nameLength.append(l)
      // Consecutive capitalised syllables ending here (for cap spans).
      let ok = run[i].titleCase && !(initial && i == 0)
      capRun.append(ok ? (i > 0 ? capRun[i - 1] + 1 : 1) : 0)
      // Where a word of three or more syllables can start (its first two syllables are such a prefix).
      let a = run[i].id, b = i + 1 < n ? run[i + 1].id : 0
      longStart.append(a != 0 && b != 0 && longPrefixes[UInt64(a) | UInt64(b) << 16] != nil)
    }
    best.removeAll(keepingCapacity: true)
    best.append(contentsOf: repeatElement(Float.infinity, count: n + 1))
    back.removeAll(keepingCapacity: true)
    back.append(contentsOf: repeatElement(1, count: n + 1))
    isName.removeAll(keepingCapacity: true)
    isName.append(contentsOf: repeatElement(false, count: n + 1))
    best[0] = 0
    for end in 1...n {
      var bestHere = Float.infinity, backHere = 1, nameHere = false
      for k in stride(from: min(maxLen, end), through: 1, by: -1) {
        let s = end - k
        var cost = Float.infinity
        var name = false
        if k == 1 {
          cost = syllableCosts[Int(run[s].id)]
        } else {
          if k == 2 || longStart[s], let c = wordCost(run, s, end) { cost = c }
          if nameLength[s] == k {
            let c = nameCost * Float(k)
            if c < cost { cost = c; name = true }
          } else if capRun[end - 1] >= k {
            cost = min(cost, capSpanCost)
          }
        }
        guard cost < .infinity else { continue }
        let total = best[s] + cost
        if total < bestHere { bestHere = total; backHere = k; nameHere = name }
      }
      best[end] = bestHere; back[end] = backHere; isName[end] = nameHere
    }
    let start = out.count
    var k = n
    while k > 0 { out.append((back[k], isName[k])); k -= back[k] }
    out[start...].reverse()
  }

  @inline(__always)
  private func wordCost(_ run: [Syllable], _ s: Int, _ e: Int) -> Float? {
    var key: UInt64 = 0
    var shift: UInt64 = 0
    for i in s..<e {
      let id = run[i].id
      if id == 0 { return nil }
      key |= UInt64(id) << shift
      shift += 16
    }
    return wordCosts[key]
  }
}
