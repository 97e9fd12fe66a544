import Foundation
import Testing
import VNCore
import VNTestSupport
@testable import VNEvaluate

/// vnmine's counts equal nervaluate's (PyPI `nervaluate==1.2.1`, run by scripts/eval-nervaluate-parity.py) on
/// the gold files and deliberately wrong predictions made from them.
@Suite("nervaluate parity")
struct NervaluateParityTests {
  static let pin = "nervaluate==1.2.1"
  static let script = SharedData.repoRoot.appendingPathComponent("scripts/eval-nervaluate-parity.py").path
  static let labels = EvaluationOptions.guidelineLabels

  /// Whether `python3` can import nervaluate (the suite is skipped, with this reason, when not).
  static let available: Bool = {
    guard let r = try? run(["python3", "-c", "import nervaluate"]) else { return false }
    return r.status == 0
  }()

  static func run(_ arguments: [String]) throws -> (status: Int32, output: Data, error: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out; p.standardError = err
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, data, String(decoding: e, as: UTF8.self))
  }

  /// The gold, read once for all cases.
  static let gold: Result<[GoldDocument], EvalError> = Result { () throws(EvalError) in try goldDocuments() }

  /// The gold: the seed, plus the stand-off dev and test splits when ../shared holds their texts.
  static func goldDocuments() throws(EvalError) -> [GoldDocument] {
    let root = SharedData.repoRoot.appendingPathComponent("corpora/gold").path
    var docs = try InputLoader().gold([root + "/seed.jsonl"])
    if let shared = SharedData.shared {
      let archives = ["baomoi-news/baomoi-police-gov.jsonl.gz", "dantri-unc/dantri-unc.jsonl.gz"].map {
        shared.appendingPathComponent("data").appendingPathComponent($0).path
      }
      docs += try InputLoader().gold([root + "/dev.jsonl", root + "/test.jsonl"], textFrom: archives)
    }
    return docs
  }

  /// A way of spoiling predictions; `mixed` draws one change per span from a seeded generator.
  enum Corruption: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case perfect, shifted, truncated, extended, mislabelled, missing, spurious, empty, merged
    case mixed1, mixed2, mixed3, mixed4, mixed5
    var testDescription: String { rawValue }
  }

  static func corrupt(_ gold: [Span], _ c: Corruption, textLength n: Int, seed: UInt64) -> [Span] {
    var rng = SplitMix64(seed: seed)
    func other(_ label: String) -> String { labels[(labels.firstIndex(of: label).map { $0 + 1 } ?? 0) % labels.count] }
    func clamp(_ s: Span) -> Span? {
      let a = max(0, min(s.start, n - 1)), b = max(a + 1, min(s.end, n))
      return Span(label: s.label, start: a, end: b)
    }
    switch c {
    case .perfect: return gold
    case .shifted: return gold.enumerated().compactMap { i, s in clamp(Span(label: s.label, start: s.start + (i % 2 == 0 ? 1 : -2), end: s.end + (i % 2 == 0 ? 1 : -2))) }
    case .truncated: return gold.enumerated().map { i, s in s.end - s.start < 2 ? s : i % 2 == 0 ? Span(label: s.label, start: s.start, end: s.end - 1) : Span(label: s.label, start: s.start + 1, end: s.end) }
    case .extended: return gold.compactMap { clamp(Span(label: $0.label, start: $0.start - 3, end: $0.end + 3)) }
    case .mislabelled: return gold.enumerated().map { i, s in i % 3 == 2 ? s : Span(label: other(s.label), start: s.start, end: s.end) }
    case .missing: return gold.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    case .spurious:
      var out = gold
      for i in stride(from: 0, to: n - 4, by: max(n / 12, 5)) { out.append(Span(label: labels[i % labels.count], start: i, end: i + 3)) }
      out.append(Span(label: "LOC", start: 0, end: min(4, n)))   // outside the label set: ignored by both
      return out
    case .empty: return []
    case .merged:
      var out: [Span] = []
      var i = 0
      while i < gold.count {
        if i + 1 < gold.count { out.append(Span(label: gold[i].label, start: gold[i].start, end: gold[i + 1].end)); i += 2 } else { out.append(gold[i]); i += 1 }
      }
      return out
    default:
      var out: [Span] = []
      for s in gold {
        let len = s.end - s.start
        switch rng.next() % 10 {
        case 0, 1: out.append(s)
        case 2: if let t = clamp(Span(label: s.label, start: s.start + 2, end: s.end + 2)) { out.append(t) }
        case 3: if len > 1 { out.append(Span(label: s.label, start: s.start, end: s.end - 1 - Int(rng.next() % UInt64(len - 1)))) }
        case 4: out.append(Span(label: other(s.label), start: s.start, end: s.end))
        case 5: break
        case 6: if len > 2 { let m = s.start + len / 2; out.append(Span(label: s.label, start: s.start, end: m)); out.append(Span(label: s.label, start: m, end: s.end)) }
        case 7: out.append(s); out.append(s)     // duplicate prediction
        case 8: if let t = clamp(Span(label: other(s.label), start: s.start - 1, end: s.end + 4)) { out.append(t) }
        default: out.append(Span(label: s.label, start: s.start, end: s.end)); if let t = clamp(Span(label: labels[Int(rng.next() % 5)], start: s.end + 1, end: s.end + 1 + Int(rng.next() % 300) + 1)) { out.append(t) }
        }
      }
      if rng.next() % 2 == 0 { out.shuffle(using: &rng) }
      return out
    }
  }

  static func jsonl(_ docs: [(id: String, text: String?, spans: [Span])]) -> String {
    var out = ""
    for d in docs {
      var object: [String: Any] = ["id": d.id, "entities": d.spans.map { ["start": $0.start, "end": $0.end, "label": $0.label] }]
      if let t = d.text { object["text"] = t }
      let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      out += String(decoding: data, as: UTF8.self) + "\n"
    }
    return out
  }

  @Test("strict, exact, partial and ent_type counts equal nervaluate's, overall and per label",
        .enabled(if: available, "python3 with \(pin) is needed (pip install \(pin)): skipped"),
        arguments: Corruption.allCases)
  func parity(_ corruption: Corruption) throws {
    let gold = try Self.gold.get()
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let seed = UInt64(Corruption.allCases.firstIndex(of: corruption)!) + 1
    var predictions: [(id: String, text: String?, spans: [Span])] = []
    for (i, d) in gold.enumerated() {
      // Mixed sets also leave one document without any prediction.
      if corruption.rawValue.hasPrefix("mixed") && i == Int(seed) % gold.count { continue }
      predictions.append((d.id, nil, Self.corrupt(d.entities, corruption, textLength: d.text.unicodeScalars.count, seed: seed &* 7919 &+ UInt64(i))))
    }
    let goldPath = try dir.write("gold.jsonl", Self.jsonl(gold.map { ($0.id, $0.text, $0.entities) }))
    let predPath = try dir.write("pred.jsonl", Self.jsonl(predictions))

    let loader = InputLoader()
    let report = Evaluator(options: EvaluationOptions(labels: Self.labels, bootstrap: Bootstrap(resamples: 0)))
      .evaluate(gold: try loader.gold([goldPath]), predictions: try loader.predictions(predPath))

    let result = try Self.run(["python3", Self.script, goldPath, predPath, Self.labels.joined(separator: ",")])
    try #require(result.status == 0, "nervaluate script failed: \(result.error)")
    let theirs = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
    let overall = try #require(theirs["overall"] as? [String: [String: Int]])
    let entities = try #require(theirs["entities"] as? [String: [String: [String: Int]]])

    func mine(_ c: Counts) -> [String: Int] {
      ["correct": c.correct, "incorrect": c.incorrect, "partial": c.partial, "missed": c.missed, "spurious": c.spurious,
       "possible": c.possible, "actual": c.actual]
    }
    for scheme in Scheme.allCases {
      #expect(mine(report.scheme(scheme).counts) == overall[scheme.rawValue], "\(corruption) \(scheme.rawValue) overall")
      for label in report.usedLabels {
        #expect(mine(report.scheme(scheme).labels[label] ?? Counts()) == entities[label]?[scheme.rawValue],
                "\(corruption) \(scheme.rawValue) \(label)")
      }
    }
    #expect(Set(report.usedLabels) == Set(entities.keys))
    if corruption == .perfect { #expect(report.scheme(.strict).micro.f1 == 1) }
  }
}
