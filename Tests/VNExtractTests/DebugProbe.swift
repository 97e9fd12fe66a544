import Foundation
import Testing
@testable import VNExtract

/// Prints the entities of VNMINE_PROBE (development aid; silent otherwise).
@Test("probe text from VNMINE_PROBE", .enabled(if: ProcessInfo.processInfo.environment["VNMINE_PROBE"] != nil, "development aid: set VNMINE_PROBE"))
func probe() throws {
  guard let text = ProcessInfo.processInfo.environment["VNMINE_PROBE"] else { return }
  let h = try #require(ExtractionHarness.shared)
  let x = h.run(text)
  for e in x.entities { print("PROBE", e.kind.rawValue, e.text, "|", e.rule, "|", e.canonical ?? "-", e.attributes.map { "\($0.0)=\($0.1)" }.joined(separator: " ")) }
  for o in x.officials { print("PROBE record", o) }
}

@Test("probe items from VNMINE_PROBE", .enabled(if: ProcessInfo.processInfo.environment["VNMINE_PROBE"] != nil, "development aid: set VNMINE_PROBE"))
func probeItems() throws {
  guard let text = ProcessInfo.processInfo.environment["VNMINE_PROBE"] else { return }
  let h = try #require(ExtractionHarness.shared)
  let n = h.normalizer.normalize(text)
  let scan = DocumentScan(resources: h.extractor.resources, text: Array(n.text.unicodeScalars))
  var items = scan.items()
  scan.dropClassLists(&items)
  h.extractor.validateTitles(scan, &items)
  var linker = OfficialLinker(scan: scan, items: items)
  linker.link()
  for (k, it) in linker.items.enumerated() {
    print("ITEM", k, it.lo, it.hi, it.kind.rawValue, scan.string(it.lo, it.hi), it.rule, it.dropped, it.cluster ?? -1)
  }
  for c in linker.clusters { print("CLUSTER", c.name, c.ranks, c.titles, c.units) }
}

@Test("probe documents from VNMINE_PROBE_FILE (JSONL with text), printed with inline marks", .enabled(if: ProcessInfo.processInfo.environment["VNMINE_PROBE_FILE"] != nil, "development aid: set VNMINE_PROBE_FILE"))
func probeFile() throws {
  guard let path = ProcessInfo.processInfo.environment["VNMINE_PROBE_FILE"] else { return }
  let h = try #require(ExtractionHarness.shared)
  var out = ""
  for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
    guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let t = o["text"] as? String else { continue }
    let x = h.run(t)
    let s = Array(t.unicodeScalars)
    var p = 0
    var v = String.UnicodeScalarView()
    for e in x.entities {
      v.append(contentsOf: s[p..<e.start]); v.append(contentsOf: "[".unicodeScalars)
      v.append(contentsOf: s[e.start..<e.end]); v.append(contentsOf: "]\(e.kind.rawValue.prefix(3))".unicodeScalars); p = e.end
    }
    v.append(contentsOf: s[p...])
    out += String(v) + "\n=====\n"
  }
  try out.write(toFile: path + ".marked", atomically: true, encoding: .utf8)
}
