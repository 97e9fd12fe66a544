import Foundation
import Testing
import VNCore
@testable import VNExtract

/// One positive case and one near miss per rule, on real press phrasing.
@Suite("recogniser rules")
struct RecognizerRuleTests {
  struct Case: CustomStringConvertible, Sendable {
    let rule: String
    let text: String
    /// Expected `LABEL:text` spans, in order; `[]` for a near miss with nothing to find.
    let spans: [String]
    var description: String { "\(rule): \(text)" }
  }

  static let cases: [Case] = [
    // RANK
    Case(rule: "rank.gazetteer", text: "Trưa 24/6, đại tá Lê Như Toản cho biết.", spans: ["RANK:đại tá", "OFFICIAL:Lê Như Toản"]),
    Case(rule: "rank.gazetteer (uý/úy, QNCN)", text: "Đại uý QNCN Trần Văn Hùng tham dự.", spans: ["RANK:Đại uý QNCN", "OFFICIAL:Trần Văn Hùng"]),
    Case(rule: "rank.notCategory", text: "Các hạ sĩ quan và sĩ quan cấp tá đã có mặt.", spans: []),
    Case(rule: "rank.generalBeforeName", text: "Theo lời Tướng Lloyd Austin, việc này cần thiết.", spans: ["RANK:Tướng"]),
    Case(rule: "rank.generalBeforeName (near miss)", text: "Nhiều tướng lĩnh và cấp tướng đã dự.", spans: []),
    // TITLE
    Case(rule: "title.gazetteer", text: "Đồng chí Thứ trưởng phát biểu.", spans: ["TITLE:Thứ trưởng"]),
    Case(rule: "title.gazetteer (profession)", text: "Các bác sĩ và phóng viên có mặt.", spans: []),
    Case(rule: "title.lowercase", text: "Đoàn gồm 1 trưởng đoàn và 10 phó trưởng đoàn.", spans: ["TITLE:trưởng đoàn", "TITLE:phó trưởng đoàn"]),
    Case(rule: "title.lowercase (near miss)", text: "Sau đó các đại biểu phát biểu ý kiến.", spans: []),
    Case(rule: "title.needsBody", text: "Ông Trần Phước Hương, Trưởng Công an quận Hải Châu, cho biết.",
         spans: ["OFFICIAL:Trần Phước Hương", "TITLE:Trưởng", "UNIT:Công an quận Hải Châu"]),
    Case(rule: "title.needsBody (near miss)", text: "Trưởng thành từ phong trào, anh về quê.", spans: []),
    Case(rule: "title.nonUnitBody", text: "Ông Nguyễn Văn Bình, Giám đốc Công ty Hòa Phát, cho biết.", spans: []),
    Case(rule: "title.nonUnitBody (rank holder)", text: "Đại tá Lê Anh Tuấn - Giám đốc Bệnh viện Quân y 105 - thăm hỏi.",
         spans: ["RANK:Đại tá", "OFFICIAL:Lê Anh Tuấn", "TITLE:Giám đốc"]),
    Case(rule: "title.split (Trưởng + unit)", text: "Ngày 11/5, trưởng đoàn Đại biểu Quốc hội TP.HCM có văn bản.",
         spans: ["TITLE:trưởng", "UNIT:đoàn Đại biểu Quốc hội TP.HCM"]),
    Case(rule: "title: kiêm splits two titles", text: "Ông Lê Xuân Chính, nguyên Đồn phó kiêm Trạm trưởng, bị khởi tố.",
         spans: ["OFFICIAL:Lê Xuân Chính", "TITLE:Đồn phó", "TITLE:Trạm trưởng"]),
    // UNIT
    Case(rule: "unit.fixed", text: "Đoàn công tác của Bộ Công an đã làm việc.", spans: ["UNIT:Bộ Công an"]),
    Case(rule: "unit.fixed (typo)", text: "Cục V28 tham mưu cho Đảng, Nhà nước, Bô Công an ban hành văn bản.",
         spans: ["UNIT:Cục V28", "UNIT:Đảng", "UNIT:Nhà nước", "UNIT:Bô Công an"]),
    Case(rule: "unit.institution (near miss)", text: "Vốn ngân sách Nhà nước năm 2017 tăng; 50 năm tuổi Đảng.", spans: []),
    Case(rule: "unit.head+code", text: "Lãnh đạo Cục V28 và Sư đoàn 304 có mặt.", spans: ["UNIT:Cục V28", "UNIT:Sư đoàn 304"]),
    Case(rule: "unit.head+code (near miss)", text: "Nhà hàng có địa chỉ tại tổ 9 của phường.", spans: []),
    Case(rule: "unit.head+place", text: "Công an huyện Đức Trọng phối hợp với UBND TP.Hà Nội.",
         spans: ["UNIT:Công an huyện Đức Trọng", "UNIT:UBND TP.Hà Nội"]),
    Case(rule: "unit.head+place (lower case)", text: "Ông được công an Yên Bái mời lên làm việc.", spans: ["UNIT:công an Yên Bái"]),
    Case(rule: "unit.head+place (near miss)", text: "Vợ ngất xỉu tại công an phường Theo lời kể của bà.", spans: []),
    Case(rule: "unit.head+name", text: "Sở Giao thông - Vận tải thành phố Đà Nẵng cử 3 kỹ thuật viên.",
         spans: ["UNIT:Sở Giao thông - Vận tải thành phố Đà Nẵng"]),
    Case(rule: "unit.head+name (bracket code)", text: "Phòng Cảnh sát điều tra tội phạm về ma túy (PC47) vào cuộc.",
         spans: ["UNIT:Phòng Cảnh sát điều tra tội phạm về ma túy (PC47)"]),
    Case(rule: "unit.head+name (chain split)", text: "Phòng Cảnh sát hình sự Công an tỉnh Lâm Đồng điều tra.",
         spans: ["UNIT:Phòng Cảnh sát hình sự", "UNIT:Công an tỉnh Lâm Đồng"]),
    Case(rule: "unit.typeWord+body", text: "Ban Giám đốc Công an tỉnh Nghệ An và Văn phòng Bộ Công an họp.",
         spans: ["UNIT:Ban Giám đốc Công an tỉnh Nghệ An", "UNIT:Văn phòng Bộ Công an"]),
    Case(rule: "unit.bareComplete", text: "Báo cáo với Quận ủy và Thành ủy về vụ việc.", spans: ["UNIT:Quận ủy", "UNIT:Thành ủy"]),
    Case(rule: "unit.shortReference", text: "Hiện vụ việc do Công an phường thụ lý.", spans: ["UNIT:Công an phường"]),
    Case(rule: "unit.shortReference (near miss)", text: "Từ Bộ đến Công an cấp huyện và quản lý về Công an xã.", spans: []),
    Case(rule: "unit.bareForce", text: "Công tác phối hợp giữa Công an với MTTQ được tăng cường.", spans: ["UNIT:Công an", "UNIT:MTTQ"]),
    Case(rule: "unit.bareForce (near miss)", text: "Anh được cơ quan Công an mời lên làm việc.", spans: []),
    Case(rule: "unit.portfolio", text: "Bộ trưởng Y tế Nguyễn Thanh Long phát biểu.",
         spans: ["TITLE:Bộ trưởng", "UNIT:Y tế", "OFFICIAL:Nguyễn Thanh Long"]),
    Case(rule: "unit.policeCode", text: "Vụ việc đang được PC44 thụ lý.", spans: ["UNIT:PC44"]),
    Case(rule: "unit.policeCode (near miss)", text: "Xe mang biển số 29A tới nơi lúc V2.", spans: []),
    Case(rule: "unit.abbreviationEnd", text: "Tổng cục TDTT tham mưu cho Bộ về việc này.", spans: ["UNIT:Tổng cục TDTT"]),
    Case(rule: "unit.abbreviationEnd (qualifier)", text: "Phòng CSGT đường sắt đã vào cuộc.", spans: ["UNIT:Phòng CSGT đường sắt"]),
    Case(rule: "unit.afterTitleHead", text: "Trung tá Nguyễn Quang Thắng, Phó phòng Tham mưu, cho biết.",
         spans: ["RANK:Trung tá", "OFFICIAL:Nguyễn Quang Thắng", "TITLE:Phó phòng", "UNIT:Tham mưu"]),
    Case(rule: "unit.afterTitleHead (near miss)", text: "Ông là Phó phòng. Tham mưu cho lãnh đạo là việc chính.", spans: ["TITLE:Phó phòng"]),
    Case(rule: "unit: Cơ quan CSĐT + police", text: "Cơ quan CSĐT Công an tỉnh Khánh Hòa đã khởi tố.",
         spans: ["UNIT:Cơ quan CSĐT", "UNIT:Công an tỉnh Khánh Hòa"]),
    Case(rule: "unit: term outside (Decisions 12)", text: "Luật được Quốc hội khóa XIII thông qua.", spans: ["UNIT:Quốc hội"]),
    Case(rule: "unit: Nhà nước inside a name", text: "Lãnh đạo Tổng cục Dự trữ Nhà nước họp.",
         spans: ["UNIT:Tổng cục Dự trữ Nhà nước"]),
    Case(rule: "unit: Nhà nước institution (near miss of the compound rule)", text: "Sự lãnh đạo của Đảng, Nhà nước được khẳng định.",
         spans: ["UNIT:Đảng", "UNIT:Nhà nước"]),
    Case(rule: "unit: several bodies (Decisions 11)", text: "Yêu cầu UBND các huyện khẩn trương triển khai.", spans: []),
    Case(rule: "unit.head+code (roman)", text: "Đại diện Cục I và Vụ III dự họp.", spans: ["UNIT:Cục I", "UNIT:Vụ III"]),
    Case(rule: "unit.head+place (two-word commune)", text: "Công an xã Bạch Lưu đã có mặt.", spans: ["UNIT:Công an xã Bạch Lưu"]),
    Case(rule: "unit.head+place (lower-case name, surname-like place)", text: "Đồn biên phòng La Dêê cho biết.", spans: ["UNIT:Đồn biên phòng La Dêê"]),
    // DIRECTIVE
    Case(rule: "directive.abbreviation", text: "Hành vi vi phạm Điều 134 BLHS năm 2015.", spans: ["DIRECTIVE:BLHS"]),
    Case(rule: "directive.abbreviation (near miss, lower case)", text: "Chữ blhs viết thường không phải là tên.", spans: []),
    Case(rule: "directive.partyResolution", text: "Thực hiện Nghị quyết Đại hội XII và Nghị quyết Trung ương 4 khóa XII.",
         spans: ["DIRECTIVE:Nghị quyết Đại hội XII", "DIRECTIVE:Nghị quyết Trung ương 4 khóa XII"]),
    Case(rule: "directive.partyResolution (near miss)", text: "Nghị quyết Đại hội đã đề ra nhiều mục tiêu.", spans: []),
    Case(rule: "directive.typeNumber (abbreviated type)", text: "Tàu đóng theo NĐ 67 của Chính phủ.", spans: ["DIRECTIVE:NĐ 67", "UNIT:Chính phủ"]),
    Case(rule: "directive.typeNumber (abbreviated type, near miss)", text: "Số liệu NĐ năm nay tăng.", spans: []),
    Case(rule: "official.fusedName", text: "Bộ trưởng Y tế Nguyễn Thanh Longđề nghị các địa phương.",
         spans: ["TITLE:Bộ trưởng", "UNIT:Y tế", "OFFICIAL:Nguyễn Thanh Long"]),
    Case(rule: "official.fusedName (near miss: a real given name)", text: "Bộ trưởng Nguyễn Văn Hoàng phát biểu.",
         spans: ["TITLE:Bộ trưởng", "OFFICIAL:Nguyễn Văn Hoàng"]),
    Case(rule: "official.namedOfficer", text: "Tối 13/6, một công an phường tên Nam đến nhà.", spans: ["OFFICIAL:Nam"]),
    Case(rule: "official.namedOfficer (near miss)", text: "Tối 13/6, một người tên Nam đến nhà.", spans: []),
    Case(rule: "official.appositionTitle (company then office)",
         text: "Bắt Trịnh Xuân Thanh, nguyên Chủ tịch Hội đồng quản trị Tổng Công ty Xây lắp, nguyên Phó Chủ tịch UBND tỉnh Hậu Giang.",
         spans: ["OFFICIAL:Trịnh Xuân Thanh", "TITLE:Chủ tịch Hội đồng quản trị", "TITLE:Phó Chủ tịch", "UNIT:UBND tỉnh Hậu Giang"]),
    Case(rule: "official.appositionTitle (company only, near miss)",
         text: "Bắt Trần Văn Bình, nguyên Chủ tịch Hội đồng quản trị Tổng Công ty Xây lắp, về tội tham ô.", spans: []),
    Case(rule: "directive.typeSymbol", text: "Thủ tướng Chính phủ đã có Quyết định 477/QĐ-TTg hủy bỏ.",
         spans: ["TITLE:Thủ tướng", "UNIT:Chính phủ", "DIRECTIVE:Quyết định 477/QĐ-TTg"]),
    Case(rule: "directive.typeSymbol (lower-case type, unit codes)", text: "Cơ quan đã ra quyết định 19/C46-P12 truy nã.",
         spans: ["DIRECTIVE:quyết định 19/C46-P12"]),
    Case(rule: "directive.typeSymbol (words before số, bracket)", text: "Ra Quyết định khởi tố bị can số 363/C46 (P12) đối với bị can.",
         spans: ["DIRECTIVE:Quyết định khởi tố bị can số 363/C46 (P12)"]),
    Case(rule: "directive.typeNumber", text: "Sửa đổi Nghị định 136 và Chỉ thị số 09 của Ban Bí thư.",
         spans: ["DIRECTIVE:Nghị định 136", "DIRECTIVE:Chỉ thị số 09", "UNIT:Ban Bí thư"]),
    Case(rule: "directive.typeNumber (near miss)", text: "Thực hiện kế hoạch 5 năm và quyết định 2 vấn đề.", spans: []),
    Case(rule: "directive.name", text: "Thực hiện Luật CAND, lực lượng chuyên trách được củng cố.", spans: ["DIRECTIVE:Luật CAND"]),
    Case(rule: "directive.name (near miss)", text: "Theo luật giao thông và Luật này, người vi phạm bị phạt.", spans: []),
    Case(rule: "directive.lawName", text: "Theo Điều 165 Bộ luật Hình sự xảy ra tại Tổng Công ty.", spans: ["DIRECTIVE:Bộ luật Hình sự"]),
    Case(rule: "directive.lawName (lower-case name)", text: "Vi phạm Bộ luật hình sự năm 2015.", spans: ["DIRECTIVE:Bộ luật hình sự năm 2015"]),
    Case(rule: "directive.constitution", text: "Theo Hiến pháp năm 2013, Quốc hội là cơ quan quyền lực.",
         spans: ["DIRECTIVE:Hiến pháp năm 2013", "UNIT:Quốc hội"]),
    Case(rule: "directive.constitution (near miss)", text: "Các văn bản và các nghị quyết đã ban hành.", spans: []),
    Case(rule: "directive.typeSymbol (number/year)", text: "Chính phủ ban hành Nghị định 23/2020 về quản lý cát.",
         spans: ["UNIT:Chính phủ", "DIRECTIVE:Nghị định 23/2020"]),
    Case(rule: "directive.constitution (no năm)", text: "Phù hợp với Hiến pháp 2013.", spans: ["DIRECTIVE:Hiến pháp 2013"]),
    Case(rule: "unit.head+name (foreign party, split word)", text: "Ủy viên Bộ Chính trị Đảng Cộng sản Cuba và Ban Liên lạc Công an chi viện.",
         spans: ["TITLE:Ủy viên", "UNIT:Bộ Chính trị", "UNIT:Đảng Cộng sản Cuba", "UNIT:Ban Liên lạc", "UNIT:Công an"]),
    Case(rule: "unit.head+place (country)", text: "Bộ Quốc phòng Mỹ và Hạ viện Hà Lan đã lên tiếng.", spans: ["UNIT:Bộ Quốc phòng Mỹ", "UNIT:Hạ viện Hà Lan"]),
    // OFFICIAL
    Case(rule: "official.rankBefore", text: "Thượng tá Nguyễn Thành Tín cho hay.", spans: ["RANK:Thượng tá", "OFFICIAL:Nguyễn Thành Tín"]),
    Case(rule: "official.titleBefore", text: "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung yêu cầu.",
         spans: ["TITLE:Chủ tịch", "UNIT:UBND TP Hà Nội", "OFFICIAL:Nguyễn Đức Chung"]),
    Case(rule: "official.appositionTitle", text: "Ông Vương Bích Thắng, Tổng cục trưởng Tổng cục TDTT, cho biết.",
         spans: ["OFFICIAL:Vương Bích Thắng", "TITLE:Tổng cục trưởng", "UNIT:Tổng cục TDTT"]),
    Case(rule: "official.appositionTitle (near miss)", text: "Trong đó có một số nước Đông Nam Á, Phó Thủ tướng đề nghị cảnh giác.",
         spans: ["TITLE:Phó Thủ tướng"]),
    Case(rule: "official.name (citizen)", text: "Anh Nguyễn Văn Thiên, 31 tuổi, bị bắn chết.", spans: []),
    Case(rule: "official.comrade", text: "Thay mặt lãnh đạo, đồng chí Đặng Văn Hiếu phát biểu.", spans: ["OFFICIAL:Đặng Văn Hiếu"]),
    Case(rule: "official.knownName", text: "Học tập và làm theo phong cách Hồ Chí Minh.", spans: ["OFFICIAL:Hồ Chí Minh"]),
    Case(rule: "official.knownName (street, city)", text: "Số 47 Phạm Văn Đồng, TP Hồ Chí Minh.", spans: []),
    Case(rule: "official.foreignName", text: "Lời mời của Thủ tướng Đức Angela Merkel.", spans: ["TITLE:Thủ tướng", "OFFICIAL:Angela Merkel"]),
    Case(rule: "official.listAfterTitle", text: "Đến dự có nguyên Tổng Bí thư Đỗ Mười, Lê Khả Phiêu và nhiều khách mời.",
         spans: ["TITLE:Tổng Bí thư", "OFFICIAL:Đỗ Mười", "OFFICIAL:Lê Khả Phiêu"]),
    Case(rule: "official.titledShortForm", text: "Ông Lê Văn Thịnh dự lễ. Sau đó Phó Giám đốc Thịnh phát biểu.",
         spans: ["OFFICIAL:Lê Văn Thịnh", "TITLE:Phó Giám đốc", "OFFICIAL:Thịnh"]),
    Case(rule: "official.byline", text: "Thứ trưởng Nguyễn Văn Thành phát biểu.\n\nPhương Thuỷ", spans: ["TITLE:Thứ trưởng", "OFFICIAL:Nguyễn Văn Thành"]),
  ]

  @Test("rule", arguments: cases)
  func rule(_ c: Case) throws {
    let h = try #require(ExtractionHarness.shared)
    #expect(h.spans(c.text) == c.spans)
  }

  @Test("every span slices the original text, also for NFD input and modern tone marks")
  func offsets() throws {
    let h = try #require(ExtractionHarness.shared)
    let nfd = "Đại uý Trần Văn Hoà, Phó Trưởng Công an huyện Đức Trọng, báo cáo Bộ Công an."
      .decomposedStringWithCanonicalMapping
    let x = h.run(nfd)
    let scalars = Array(nfd.unicodeScalars)
    #expect(x.entities.map(\.kind) == [.rank, .official, .title, .unit, .unit])
    for e in x.entities {
      #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.text)
    }
    #expect(x.entities.first?.canonical == "Đại úy")
  }
}

