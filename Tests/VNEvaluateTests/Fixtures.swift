import Foundation
import VNTestSupport

/// Small input files for the reader and report tests, kept in Swift so the test target needs no resources;
/// `Fixtures.path(name)` writes one to a temporary folder and returns its path.
enum Fixtures {
  /// VLSP-style CoNLL columns (token, POS, chunk, NER), syllables joined by `_`, two `-DOCSTART-` documents.
  static let vlspSample = """
-DOCSTART- vlsp-1
Trung_tướng	N	B-NP	B-RANK
Nguyễn_Văn_Khảo	Np	B-NP	B-OFFICIAL
,	CH	O	O
Cục_trưởng	N	B-NP	B-TITLE
Cục	N	B-NP	B-UNIT
V28	Np	I-NP	I-UNIT
báo_cáo	V	B-VP	O
.	CH	O	O

Thứ_trưởng	N	B-NP	B-TITLE
Nguyễn_Văn_Thành	Np	B-NP	B-OFFICIAL
được	V	B-VP	O
phong	V	B-VP	O
Thượng_tướng	N	B-NP	B-RANK
.	CH	O	O

-DOCSTART- vlsp-2
Bộ	N	B-NP	B-UNIT
Công_an	N	I-NP	I-UNIT
ban_hành	V	B-VP	O
Thông_tư	N	B-NP	B-DIRECTIVE
số	N	I-NP	I-DIRECTIVE
58/2020/TT-BCA	Np	I-NP	I-DIRECTIVE
.	CH	O	O
"""

  /// vnmine's output for the two documents: one wrong TITLE boundary, misses, an error record.
  static let vnmineOutput = #"""
{"schema":"vnmine/1","id":"vlsp-1","source":"vlsp-sample.txt","text":"Trung tướng Nguyễn Văn Khảo , Cục trưởng Cục V28 báo cáo .\nThứ trưởng Nguyễn Văn Thành được phong Thượng tướng .","entities":[{"id":"e1","label":"RANK","start":0,"end":11,"text":"Trung tướng","canonical":"Trung tướng","attrs":{"force":"police"},"rule":"ranks.tsv:12"},{"id":"e2","label":"OFFICIAL","start":12,"end":27,"text":"Nguyễn Văn Khảo","canonical":null,"attrs":{},"rule":"name"},{"id":"e3","label":"TITLE","start":30,"end":44,"text":"Cục trưởng Cục","canonical":null,"attrs":{},"rule":"titles.tsv:3"},{"id":"e4","label":"OFFICIAL","start":70,"end":86,"text":"Nguyễn Văn Thành","canonical":null,"attrs":{},"rule":"name"}],"officials":[{"id":"o1","name":"NGUYỄN VĂN KHẢO","rank":"Trung tướng","titles":["Cục trưởng"],"units":["Cục V28"],"mentions":["e2"]}]}
{"schema":"vnmine/1","id":"vlsp-2","source":"vlsp-sample.txt","error":{"kind":"empty","message":"empty document","line":null,"byte":null}}
"""#

  static let files = ["vlsp-sample.conll": vlspSample, "vnmine-output.jsonl": vnmineOutput]

  static let folder: URL = {
    let url = CLI.temporaryRoot.appendingPathComponent("vnevaluate-fixtures")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, contents) in files { try? Data(contents.utf8).write(to: url.appendingPathComponent(name)) }
    return url
  }()

  static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}
