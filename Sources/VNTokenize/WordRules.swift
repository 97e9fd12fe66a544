import CICUShim

/// Word boundaries and ICU-style rule statuses by the rules of UAX #29 (WB1–WB13b), for texts written in the
/// scripts the rules here cover (Latin with Vietnamese, Greek, Cyrillic, general punctuation); `nil` for any
/// other text, which the tokenizer then gives to ICU's word iterator. Word_Break values come from ICU.
///
/// `Bộ Công an, 15.3.2020` → `Bộ` (letters, 200) ` ` `Công` ` ` `an` `,` ` ` `15.3.2020` (number, 100).
/// `WordRulesTests` checks boundaries and status classes against ICU's word iterator on real articles and
/// on generated strings.
public struct WordRules: Sendable {
  enum Class: UInt8 {
    case other, aLetter, numeric, midLetter, midNum, midNumLet, singleQuote, extendNumLet, extend, wSegSpace, cr, lf, newline
    /// A character of a script or rule not covered here (dictionary scripts, Hebrew, Katakana, ZWJ, emoji,
    /// regional indicators, surrogates): the whole text goes to ICU.
    case unsafe
  }
  private let table: [UInt8]
  public static let shared = WordRules()

  init() {
    var t = [UInt8](repeating: Class.unsafe.rawValue, count: 0x10000)
    func covered(_ c: Int) -> Bool {
      (c < 0x0590) || (0x1E00..<0x2000).contains(c) || ((0x2000..<0x2070).contains(c) && c != 0x200D)
        || (0x20A0..<0x20D0).contains(c) || (0x2100..<0x2150).contains(c)
    }
    for c in 0..<0x10000 where covered(c) {
      let k: Class
      switch vn_word_break_class(UInt32(c)) {
      case 0: k = .other
      case 1: k = .aLetter
      case 2, 9: k = .extend            // Format and Extend both attach (WB4)
      case 4: k = .midLetter
      case 5: k = .midNum
      case 6: k = .numeric
      case 7: k = .unsafe               // ExtendNumLet (`_`): ICU's statuses around it are not modelled here
      case 8: k = .cr
      case 10: k = .lf
      case 11: k = .midNumLet
      case 12: k = .newline
      case 15: k = .singleQuote
      case 16: k = .other               // Double_Quote only matters between Hebrew letters (WB7b/c), refused
      case 22: k = .wSegSpace
      default: k = .unsafe
      }
      t[c] = k.rawValue
    }
    // ICU's word rules count `@` as a letter (e-mail addresses stay one word) and the colon as no MidLetter.
    t[0x40] = Class.aLetter.rawValue
    t[0x3A] = Class.other.rawValue
    table = t
  }

  /// Boundaries after 0 (the last is `text.count`) and, for each, the status of the segment that ends there
  /// (0 none, 100 number, 200 letters, as ICU's word iterator reports them), or `nil` when the text has a
  /// character these rules do not cover.
  /// The number of boundaries written to the front of `positions` and `statuses` (grown as needed, never
  /// shrunk: one boundary per code unit at most, written in place), or `nil` for a text not covered.
  public func count(_ text: [UInt16], positions: inout [Int32], statuses: inout [Int32]) -> Int? {
    let n = text.count
    guard n > 0 else { return 0 }
    if positions.count < n { positions = [Int32](repeating: 0, count: max(n, positions.count * 2)) }
    if statuses.count < positions.count { statuses = [Int32](repeating: 0, count: positions.count) }
    var m = 0
    let other = Class.other.rawValue, aLetter = Class.aLetter.rawValue, numeric = Class.numeric.rawValue
    let midLetter = Class.midLetter.rawValue, midNum = Class.midNum.rawValue, midNumLet = Class.midNumLet.rawValue
    let singleQuote = Class.singleQuote.rawValue, extendNumLet = Class.extendNumLet.rawValue, extend = Class.extend.rawValue
    let space = Class.wSegSpace.rawValue, cr = Class.cr.rawValue, lf = Class.lf.rawValue, newline = Class.newline.rawValue
    let unsafe = Class.unsafe.rawValue
    var ok = true
    table.withUnsafeBufferPointer { t in
      text.withUnsafeBufferPointer { u in
      positions.withUnsafeMutableBufferPointer { pos in
      statuses.withUnsafeMutableBufferPointer { sta in
        @inline(__always) func skipExtend(_ i: Int) -> Int {
          var i = i
          while i < n && t[Int(u[i])] == extend { i += 1 }
          return i
        }
        @inline(__always) func isWordChar(_ c: UInt8) -> Bool { c == aLetter || c == numeric || c == extendNumLet }
        var i = 0
        while i < n {
          let c = t[Int(u[i])]
          if c == unsafe { ok = false; return }
          var j = i + 1
          var status: Int32 = 0
          switch c {
          case cr:
            if j < n && u[j] == 0x0A { j += 1 }                                    // WB3
          case lf, newline:
            break                                                                  // WB3a, WB3b
          case space:
            while j < n && t[Int(u[j])] == space { j += 1 }                        // WB3d: directly adjacent only
            j = skipExtend(j)                                                      // WB4
          case aLetter, numeric, extendNumLet:
            var prev = c, last = c
            j = skipExtend(j)
            while j < n {
              let x = t[Int(u[j])]
              if isWordChar(x) {                                                   // WB5, WB8–WB10, WB13a/b
                prev = last; last = x; j = skipExtend(j + 1); continue
              }
              let letterMid = x == midLetter || x == midNumLet || x == singleQuote
              let numberMid = x == midNum || x == midNumLet || x == singleQuote
              guard (last == aLetter && letterMid) || (last == numeric && numberMid) else { break }
              let k = skipExtend(j + 1)
              guard k < n else { break }
              let y = t[Int(u[k])]
              if (last == aLetter && letterMid && y == aLetter) || (last == numeric && numberMid && y == numeric) {
                prev = last; j = skipExtend(k + 1); continue                       // WB6/7, WB11/12 (last stays)
              }
              break
            }
            status = Self.status(prev: prev, last: last, single: prev == last && j == skipExtend(i + 1))
          default:
            j = skipExtend(j)                                                      // WB4, WB999
            _ = other
          }
          pos[m] = Int32(j); sta[m] = status; m += 1
          i = j
        }
      }
      }
      }
    }
    return ok ? m : nil
  }

  /// `count(…)` with the arrays trimmed to the boundaries (tests and occasional callers).
  public func run(_ text: [UInt16], positions: inout [Int32], statuses: inout [Int32]) -> Bool {
    guard let m = count(text, positions: &positions, statuses: &statuses) else { return false }
    positions.removeLast(positions.count - m)
    statuses.removeLast(statuses.count - m)
    return true
  }

  /// The status ICU's chained word rules leave: that of the rule matching the last two word characters.
  @inline(__always) static func status(prev: UInt8, last: UInt8, single: Bool) -> Int32 {
    let aLetter = Class.aLetter.rawValue, numeric = Class.numeric.rawValue
    if last == numeric { return 100 }
    if last == aLetter { return 200 }
    if single { return 0 }
    return prev == numeric ? 100 : prev == aLetter ? 200 : 0
  }
}
