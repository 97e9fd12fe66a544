import CICUShim
import Foundation
import VNCore
import VNExtract
import VNOutput
import VNPipeline
import VNText
import VNTokenize

/// Throughput of each stage on the first N MB of a JSONL(.gz) archive's `text` fields, single core,
/// best of three runs, with a floor measured in the same run: UTF-16 conversion + ICU NFC check of the
/// same text (what any ICU-based tokenizer must do at least).
struct Bench {
  static func main() throws {
    let args = CommandLine.arguments
    guard args.count >= 3 else {
      print("usage: vnbench ARCHIVE.jsonl[.gz] MODELS_DIR [MB=5]"); exit(1)
    }
    let mb = args.count > 3 ? Int(args[3]) ?? 5 : 5
    let texts = try load(args[1], limitBytes: mb << 20)
    let chars = texts.reduce(0) { $0 + $1.unicodeScalars.count }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    print(String(format: "corpus: %d documents, %.2f MB UTF-8, %d chars", texts.count, Double(bytes) / 1e6, chars))
    let models = ModelDirectory(path: args[2])
    let normalizer = TextNormalizer(legacy: try LegacyDecoder.load(from: models))
    let tokenizer = try Tokenizer.load(from: models)
    var syllableOnly = tokenizer
    syllableOnly.segmentWords = false
    let extractor = try Extractor.load(from: models)
    let worker = try tokenizer.makeWorker()
    let sworker = try syllableOnly.makeWorker()

    var sink = 0
    // `vnbench ARCHIVE MODELS MB STAGE` runs one stage once (for callgrind).
    let only = args.count > 4 ? args[4] : nil
    func time(_ name: String, _ body: () -> Void) -> Double {
      if let only, only != name { return 1 }
      var best = Double.infinity
      for _ in 0..<(only == nil ? 3 : (ProcessInfo.processInfo.environment["VNBENCH_REPEAT"].flatMap { Int($0) } ?? 8)) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
      }
      return best
    }
    let floor = time("floor") {
      for t in texts {
        let u = Array(t.utf16)
        sink &+= Int(vn_is_nfc(u, Int32(u.count)))
      }
    }
    let norm = time("normalize") { for t in texts { sink &+= normalizer.normalize(t).text.utf8.count } }
    let syl = time("syllables") { for t in texts { sink &+= sworker.tokenize(normalizer.normalize(t)).tokens.count } }
    let tok = time("tokenize") { for t in texts { sink &+= worker.tokenize(normalizer.normalize(t)).tokens.count } }
    // Tokenization alone, on texts normalised beforehand (the normaliser's cost excluded).
    let normalized = texts.map { normalizer.normalize($0) }
    let tokOnly = time("tokenize-only") { for n in normalized { sink &+= worker.tokenize(n).tokens.count } }
    // `vnmine extract`: normalise → extract (the rules scan the normalised text themselves).
    let ext = time("extract") {
      for t in texts { sink &+= extractor.extract(normalizer.normalize(t)).entities.count }
    }
    // `vnmine extract --tokens`: the tokens (with word segmentation) are computed and written too.
    let extTok = time("extract-tokens") {
      for t in texts {
        let n = normalizer.normalize(t)
        sink &+= extractor.extract(n).entities.count &+ worker.tokenize(n).tokens.count
      }
    }
    // The sentence pass alone: ICU's sentence iterator vs the tokenizer's UAX #29 rules (same boundaries).
    let utf16 = normalized.map { Array($0.text.utf16) }
    var st: vn_status = 0
    let icuSentences = vn_breaker_open(Int32(VN_BREAK_SENTENCE), &st)
    var posBuffer = [Int32](repeating: 0, count: 1 << 20)
    let icuSent = time("sentences-icu") {
      for u in utf16 { sink &+= Int(vn_breaker_run(icuSentences, u, Int32(u.count), &posBuffer, nil, Int32(posBuffer.count), &st)) }
    }
    let rules = SentenceRules.shared
    let ruleSent = time("sentences-rules") { for u in utf16 { sink &+= rules.boundaries(u).count } }
    vn_breaker_close(icuSentences)
    // Extraction alone, on texts normalised beforehand (the rules do not read tokens).
    let extOnly = time("extract-only") { for n in normalized { sink &+= extractor.extract(n).entities.count } }
    func row(_ name: String, _ s: Double) {
      print(String(format: "%-44@ %8.2f M chars/s  %6.3f s  ratio to floor %.3f", name as NSString, Double(chars) / s / 1e6, s, floor / s))
    }
    row("floor (UTF-16 + ICU NFC check)", floor)
    row("normalise", norm)
    row("normalise + tokenize (syllables, merges, sentences)", syl)
    row("normalise + tokenize + word segmentation", tok)
    row("tokenize + segment only (text normalised before)", tokOnly)
    row("sentence pass: ICU sentence iterator", icuSent)
    row("sentence pass: UAX #29 rules (used)", ruleSent)
    row("extract only (text normalised before)", extOnly)
    row("normalise + extract (vnmine extract)", ext)
    row("normalise + extract + tokenize + segment (--tokens)", extTok)
    print("(checksum \(sink))")
  }

  static func load(_ path: String, limitBytes: Int) throws -> [String] {
    let s = try ByteStream(path: path)
    var out: [String] = []
    var total = 0
    while total < limitBytes, let line = try s.nextLine(limit: 1 << 26) {
      guard case .success(let fields) = JSONObjectScanner.fields(line.bytes),
            let f = fields.first(where: { $0.key == "text" }), let t = JSONObjectScanner.string(line.bytes, f.value) else { continue }
      out.append(t)
      total += t.utf8.count
    }
    return out
  }
}

try Bench.main()
