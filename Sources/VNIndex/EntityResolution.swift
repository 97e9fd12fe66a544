/// How the index decides that mentions in different documents name the same official, unit or directive.
///
/// **Officials.** Each document-level officials record (name, rank, titles, units) is one *claim*. Claims
/// are matched on the folded full name (`Nguyễn Văn Thành` = `nguyen van thanh` = `NGUYỄN VĂN THÀNH`); a
/// claim joins an existing official of that name unless their facts conflict, in which case it starts a
/// new official (a homonym). Facts conflict when
/// 1. the forces differ: a claim's force is `police` or `military`, read from the rank (navy ranks and
///    QNCN ranks are military; the other ranks are shared by CAND and QĐND) and from its units (`Công an`,
///    `Cảnh sát` → police; `Quân đội`, `Bộ Quốc phòng`, `Quân khu`, `Sư đoàn`, `Biên phòng`… → military);
///    an official keeps every force its claims had, and a claim with no force conflicts with nobody;
/// 2. the ranks are incompatible on the same date: both documents carry the same date and the ranks'
///    seniority differs (`Đại tá` 13 vs `Thiếu tá` 10 on 2024-03-15); undated documents never conflict
///    by rank, and ranks on different dates may differ (promotions);
/// 3. the official already has a claim from the same document (the extractor kept them apart).
/// Among several compatible officials the one sharing most titles/units/ranks wins, then the one with
/// more mentions, then the older row. Names of one syllable (`Thăng` with no full name in the document) are
/// never merged across documents. Resolution is greedy in input order: a claim without facts joins the
/// most-mentioned homonym. Each claim's name, rank, titles and units are kept per document and date
/// (`official_facts`), which gives the rank and title history with first/last seen.
///
/// **Units** merge on the folded canonical name: the extractor's `canonical`, else the gazetteer's
/// canonical for the surface (`BCA`, `Bộ Công an` → Bộ Công an; `Cục V28`, `V28` → Cục Xây dựng phong trào
/// toàn dân bảo vệ an ninh Tổ quốc), else the surface. A unit with a ministry-level code (`attrs.code`,
/// not a provincial `P…` code) joins the unit with that code. A surface with no canonical that was
/// seen before as an alias of a unit joins that unit.
///
/// **Directives** merge on their canonical key (`attrs.key`, e.g. `09-CT/TW`); without a key, on
/// type + number + issuer (`Chỉ thị|09|Ban Bí thư`), and such a keyless directive joins the keyed one with
/// the same type + number + issuer (and is upgraded when the key is seen later); without a number, on the
/// folded name (`Luật CAND`).
public enum EntityResolution {}
