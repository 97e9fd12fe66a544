import CICUShim

/// Sentence boundaries by the rules of UAX #29 (SB1–SB11), the rules ICU's root sentence iterator applies,
/// on UTF-16 text, with ICU's Sentence_Break property values read once into a table.
///
/// ICU's rule-based iterator runs a generic state machine over every code unit; here one table look-up per
/// code unit finds the few places a rule can apply (after `.`, `!`, `?`, `…` and paragraph separators), which
/// is what makes the tokenizer's sentence pass cheap. `SentenceRulesTests` checks that the boundaries equal
/// ICU's on real articles and on generated edge cases.
///
/// `Ông A nói. Ông B đáp.` → boundaries after `nói. ` and at the end; `3.5`, `U.S`, `Ô. nói` (lower case
/// next) and `nói.” Rồi` (closing quote, then a capital) follow SB6, SB7, SB8 and SB9–SB11.
public struct SentenceRules: Sendable {
  enum Class: UInt8 {
    case other = 0, aTerm, close, format, lower, numeric, oLetter, sep, sp, sTerm, upper, cr, extend, lf, sContinue
  }
  /// Sentence_Break class of each BMP code unit value (surrogates are looked up by code point).
  private let table: [UInt8]
  /// Built once per process (65,536 property look-ups, a few milliseconds).
  public static let shared = SentenceRules()

  init() {
    var t = [UInt8](repeating: 0, count: 0x10000)
    for c in 0..<0x10000 where !(0xD800...0xDFFF).contains(c) { t[c] = UInt8(truncatingIfNeeded: vn_sentence_break_class(UInt32(c))) }
    table = t
  }

  @inline(__always) private static func isParaSep(_ c: UInt8) -> Bool {
    c == Class.sep.rawValue || c == Class.cr.rawValue || c == Class.lf.rawValue
  }
  @inline(__always) private static func isSATerm(_ c: UInt8) -> Bool { c == Class.aTerm.rawValue || c == Class.sTerm.rawValue }
  @inline(__always) private static func isCandidate(_ c: UInt8) -> Bool { isParaSep(c) || isSATerm(c) }

  /// Every boundary after 0, ascending; the last is `u.count` (as ICU's iterator reports them).
  /// One pass; only paragraph separators and terminators (`.`, `!`, `?`, `…`) start the rules' work.
  public func boundaries(_ text: [UInt16]) -> [Int32] {
    let n = text.count
    var out: [Int32] = []
    guard n > 0 else { return out }
    let ext = Class.extend.rawValue, fmt = Class.format.rawValue, close = Class.close.rawValue, sp = Class.sp.rawValue
    let aTerm = Class.aTerm.rawValue, numeric = Class.numeric.rawValue, upper = Class.upper.rawValue, lower = Class.lower.rawValue
    let oLetter = Class.oLetter.rawValue, sContinue = Class.sContinue.rawValue, cr = Class.cr.rawValue, none: UInt8 = 255
    table.withUnsafeBufferPointer { t in
      text.withUnsafeBufferPointer { u in
        /// Class and length (code units) of the character at `i`.
        @inline(__always) func cls(_ i: Int) -> (UInt8, Int) {
          let c = u[i]
          if c & 0xFC00 == 0xD800, i + 1 < n, u[i + 1] & 0xFC00 == 0xDC00 {
            let v = 0x10000 + ((UInt32(c) - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00)
            return (UInt8(truncatingIfNeeded: vn_sentence_break_class(v)), 2)
          }
          return (t[Int(c)], 1)
        }
        /// SB5: past the Extend and Format characters that belong to the character before `i`.
        @inline(__always) func skipExtend(_ i: Int) -> Int {
          var i = i
          while i < n {
            let (k, l) = cls(i)
            guard k == ext || k == fmt else { break }
            i += l
          }
          return i
        }
        /// SB7 needs the character before a terminator: back over its Extend and Format characters (SB5).
        @inline(__always) func classBefore(_ i: Int) -> UInt8 {
          var q = i
          var skipped = false
          while q > 0 {
            q -= 1
            if u[q] & 0xFC00 == 0xDC00, q > 0, u[q - 1] & 0xFC00 == 0xD800 { q -= 1 }
            let k = cls(q).0
            if k == ext || k == fmt { skipped = true; continue }
            return skipped && Self.isParaSep(k) ? ext : k
          }
          return skipped ? ext : none
        }
        var i = 0
        while i < n {
          // Fast path: most characters start no rule (only paragraph separators and terminators do).
          let unit = u[i]
          if unit & 0xFC00 != 0xD800 && !Self.isCandidate(t[Int(unit)]) { i += 1; continue }
          let (c, len) = cls(i)
          if Self.isParaSep(c) {
            // SB3 CR × LF; SB4 ParaSep ÷.
            var e = i + len
            if c == cr && e < n && u[e] == 0x0A { e += 1 }
            out.append(Int32(e)); i = e
            continue
          }
          guard Self.isSATerm(c) else { i += len; continue }
          let a = skipExtend(i + len)
          var j = a
          while j < n { let (x, l) = cls(j); guard x == close else { break }; j = skipExtend(j + l) }   // Close*
          while j < n { let (x, l) = cls(j); guard x == sp else { break }; j = skipExtend(j + l) }      // Sp*
          var keep = false
          if c == aTerm {
            let next = a < n ? cls(a).0 : none
            if next == numeric { keep = true }                                                    // SB6
            if next == upper { let p = classBefore(i); if p == upper || p == lower { keep = true } }  // SB7
            if !keep {                                                                            // SB8
              var q = j
              while q < n {
                let (x, l) = cls(q)
                if x == oLetter || x == upper || x == lower || Self.isParaSep(x) || Self.isSATerm(x) { break }
                q = skipExtend(q + l)
              }
              if q < n && cls(q).0 == lower { keep = true }
            }
          }
          let atJ = j < n ? cls(j).0 : none
          if !keep && (atJ == sContinue || Self.isSATerm(atJ)) { keep = true }                   // SB8a
          if keep { i = a; continue }
          // SB11: SATerm Close* Sp* ParaSep? ÷
          var e = j
          if j < n && Self.isParaSep(atJ) {
            e = j + cls(j).1
            if atJ == cr && e < n && u[e] == 0x0A { e += 1 }
          }
          out.append(Int32(e)); i = e
        }
      }
    }
    if out.last != Int32(n) { out.append(Int32(n)) }
    return out
  }
}
