import Foundation
import PropertyBased
import Testing
import VNCore
import VNOutput

@Suite("JSON reading and writing")
struct JSONTests {
  /// Strings that stress escaping: quotes, backslashes, control characters, Vietnamese, astral scalars.
  static let alphabet: [Character] = ["a", "đ", "Ư", "\"", "\\", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "/", "😀", "ệ", " ", "\u{2028}"]

  @Test("JSONWriter output parses back to the same strings (decode(encode(s)) == s)")
  func writerRoundTrip() async {
    await propertyCheck(input: Gen.int(in: 0...40), Gen.int(in: 0...1_000_000)) { length, seed in
      var rng = seed
      var s = ""
      for _ in 0..<length { rng = (rng &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF; s.append(Self.alphabet[rng % Self.alphabet.count]) }
      var w = JSONWriter()
      w.beginObject(); w.key("text"); w.string(s); w.key("n"); w.int(length); w.endObject()
      let obj = try? JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any]
      #expect(obj?["text"] as? String == s)
      #expect(obj?["n"] as? Int == length)
      // And vnmine's own scanner reads the same value back.
      guard case .success(let fields) = JSONObjectScanner.fields(w.bytes) else { Issue.record("scanner rejected \(s.debugDescription)"); return }
      #expect(JSONObjectScanner.string(w.bytes, fields[0].value) == s)
    }
  }

  @Test("the scanner accepts what JSONSerialization accepts and rejects malformed lines with an offset")
  func scannerValidity() {
    let good = [#"{"id":1,"text":"x","a":[1,2,{"b":null}],"c":-1.5e3,"d":true}"#, #"{}"#, #" { "k" : "\u00e9\ud83d\ude00" } "#]
    for g in good {
      #expect((try? JSONSerialization.jsonObject(with: Data(g.utf8))) != nil)
      guard case .success = JSONObjectScanner.fields(Array(g.utf8)) else { Issue.record("rejected \(g)"); continue }
    }
    let bad = [#"{"id":1,"text":"x"#, #"{"id":1,}"#, #"[1,2]"#, #"{"a":tru}"#, #"{"a":"\x"}"#, #"{"a":1} x"#, #"{"a":01.}"#]
    for b in bad {
      guard case .failure(let e) = JSONObjectScanner.fields(Array(b.utf8)) else { Issue.record("accepted \(b)"); continue }
      #expect(e.offset >= 0 && e.offset <= b.utf8.count)
    }
    // Surrogate-pair escapes decode to one scalar.
    let line = Array(#"{"t":"\ud83d\ude00"}"#.utf8)
    if case .success(let f) = JSONObjectScanner.fields(line) { #expect(JSONObjectScanner.string(line, f[0].value) == "😀") }
  }

  @Test("JSONValue parses what the writer writes, and rejects malformed input with an offset")
  func jsonValue() throws {
    var w = JSONWriter()
    w.beginObject(); w.key("s"); w.string("Bộ \"Công\" an\n😀"); w.key("n"); w.int(-42); w.key("a"); w.beginArray()
    w.double(1.5); w.bool(true); w.null(); w.endArray(); w.endObject()
    let v = try JSONValue.parse(w.bytes)
    #expect(v["s"]?.string == "Bộ \"Công\" an\n😀")
    #expect(v["n"]?.int == -42)
    #expect(v["a"] == .array([.double(1.5), .bool(true), .null]))
    #expect(try JSONValue.parse(Array(#"{"t":"\ud83d\ude00\u00e9"}"#.utf8))["t"]?.string == "😀é")
    for bad in [#"{"a":}"#, #"{"a":1,}"#, #"{"a":"x"#, #"[1 2]"#, #"{"a":1} 2"#, "{\"a\":\"\u{1}\"}"] {
      #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(bad.utf8)) }
    }
  }
}
