"""Seed 003: direct contact and dialogue with citizens, 2020 (place of issue Lào Cai).

The document reads "Số: /KH-SYT" and "Lào Cai, ngày   tháng 3 năm 2020": the demo issues
it through the register on 10/03/2020, after its basis of 02/3/2020.
"""

import datetime as dt

from plans.choices import HeaderStyle, PlanKind, RecipientPurpose, Recurrence, SignerAuthority

from .dsl import DemoPlan, Duty, Step, basis, dash, num, para, sec

UNITS_OF_THE_SECTOR = "Các đơn vị y tế trong ngành"

PLAN = DemoPlan(
    key="seed-003",
    author="ttra.chuyenvien",
    owner="ttra",
    issuers=["syt"],
    header={
        "kind": PlanKind.DIALOGUE,
        "year": 2020,
        "place": "Lào Cai",
        "header_style": HeaderStyle.STATE,
        "title": "Tiếp xúc, đối thoại trực tiếp với nhân dân năm 2020",
        "introduction": "Sở Y tế xây dựng kế hoạch tiếp xúc, đối thoại trực tiếp với nhân dân năm 2020 với các "
                        "nội dung sau:",
        "signer_authority": SignerAuthority.NONE,
        "signer_position": "GIÁM ĐỐC",
        "signer_name": "Hoàng Quốc Hương",
    },
    legal_bases=[
        basis("Kế hoạch", "300-KH/TU", dt.date(2020, 3, 2), "Tỉnh ủy Lào Cai",
              "về việc tiếp xúc, đối thoại trực tiếp với nhân dân năm 2020", lead_in="Thực hiện"),
    ],
    sections=[
        sec(
            "Mục đích, yêu cầu",
            num(
                "",
                dash("Quán triệt triển khai thực hiện có hiệu quả Quy chế số 17-QC/TU ngày 04/12/2019 của Tỉnh ủy "
                     "Lào Cai về việc tiếp xúc, đối thoại trực tiếp với Nhân dân của người đứng đầu cấp ủy, chính "
                     "quyền các cấp trên địa bàn tỉnh Lào Cai."),
                dash("Góp phần đổi mới phương thức lãnh đạo của cấp ủy Đảng, tăng cường củng cố mối quan hệ mật "
                     "thiết giữa Đảng với nhân dân, phát huy và mở rộng quyền làm chủ của nhân dân; tuyên truyền, phổ "
                     "biến chủ trương, nghị quyết của Đảng, chính sách pháp luật của Nhà nước, chủ trương, chính sách "
                     "của địa phương; những thuận lợi, khó khăn trong lãnh đạo, chỉ đạo của cấp ủy, trong quản lý, "
                     "điều hành của đơn vị, từ đó tạo sự đồng thuận của nhân dân, góp phần củng cố, tăng cường sự "
                     "thống nhất tư tưởng chính trị và khối đại đoàn kết toàn dân vào sự nghiệp chăm sóc sức khỏe "
                     "nhân dân."),
                heading="Mục đích",
            ),
            num(
                "",
                dash("Tổ chức tiếp xúc, đối thoại trực tiếp giữa lãnh đạo ngành với nhân dân phải đảm bảo sự lãnh "
                     "đạo của cấp ủy, gắn với Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ chính trị về việc “Đẩy mạnh "
                     "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”."),
                dash("Việc tiếp xúc, đối thoại trực tiếp với nhân dân phải đảm bảo thực hiện nghiêm túc, theo đúng "
                     "Quy chế số 17-QC/TU ngày 04/12/2019 của Tỉnh ủy, đảm bảo tiết kiệm, hiệu quả, tránh phô trương, "
                     "hình thức."),
                heading="Yêu cầu",
            ),
        ),
        sec(
            "Nội dung thực hiện",
            intro="Lãnh đạo Sở Y tế tiếp xúc, đối thoại trực tiếp với nhân dân liên quan đến công tác phòng chống "
                  "dịch bệnh, bảo vệ, chăm sóc sức khỏe nhân dân, vấn đề vệ sinh an toàn thực phẩm, công tác đào tạo, "
                  "tuyển dụng cán bộ y tế, xây dựng cơ sở, vật chất, mua sắm trang thiết bị, chế độ chính sách bảo "
                  "hiểm y tế,...",
        ),
        sec(
            "Thời gian, địa điểm, hình thức tiếp xúc",
            dash("Thời gian, địa điểm: Căn cứ vào tình hình thực tiễn hoặc chỉ đạo của Bộ Y tế, Tỉnh ủy và UBND "
                 "tỉnh, giao các phòng, ban, thủ trưởng các đơn vị trực thuộc Sở theo lĩnh vực được phân công tham "
                 "mưu về thời gian, địa điểm và hình thức tiếp xúc, đối thoại với nhân dân."),
            dash("Hình thức tiếp xúc: 02 hình thức",
                 para("Hình thức tiếp xúc đối thoại trực tiếp."),
                 para("Hình thức tiếp xúc đối thoại qua Cổng thông tin điện tử Sở.")),
        ),
        sec(
            "Tổ chức thực hiện",
            num(
                "",
                dash("Các phòng chuyên môn, chức năng: Căn cứ tình hình thực tế chuẩn bị tài liệu liên quan đến lĩnh "
                     "vực được phân công, cử cán bộ và lãnh đạo phòng tham mưu, đề xuất cho lãnh đạo Sở về nội dung, "
                     "hình thức tiếp xúc đối thoại với nhân dân và dự những buổi tiếp xúc, đối thoại trực tiếp với "
                     "nhân dân, ghi biên bản buổi tiếp xúc đối thoại.",
                     duty=Duty(lead_text="Các phòng chuyên môn, chức năng thuộc Sở",
                               output="Biên bản buổi tiếp xúc, đối thoại")),
                dash("Văn phòng Sở: Căn cứ vào nội dung của buổi đối thoại tiếp xúc với nhân dân, mời đại biểu đến "
                     "dự và tham mưu cho lãnh đạo Sở về lĩnh vực do mình phụ trách. Chuẩn bị điều kiện cần thiết về "
                     "cơ sở vật chất để phục vụ buổi tiếp xúc, đối thoại.",
                     duty=Duty(lead="vps")),
                heading="Các phòng thuộc Sở",
            ),
            num(
                "",
                dash("Căn cứ kế hoạch của Sở, yêu cầu các đơn vị xây dựng kế hoạch, tiếp công dân thường xuyên theo "
                     "quy định.",
                     duty=Duty(lead_text=UNITS_OF_THE_SECTOR, recurrence=Recurrence.REGULAR,
                               output="Kế hoạch tiếp công dân của đơn vị")),
                dash("Lắng nghe và tiếp thu ý kiến của người bệnh, gia đình người bệnh về chất lượng điều trị, tinh "
                     "thần thái độ, trách nhiệm phục vụ nhân dân, Ý đức của cán bộ, viên chức, người lao động."),
                dash("Căn cứ vào tâm tư nguyện vọng của nhân dân, những vấn đề nhân dân phản ánh, thắc mắc, dư luận "
                     "xã hội ... liên quan đến chức năng, nhiệm vụ cơ quan, đơn vị mình, Thủ trưởng đơn vị chủ động tổ "
                     "chức đối thoại, tiếp xúc trực tiếp với nhân dân."),
                heading="Các đơn vị y tế trong ngành",
            ),
            num(
                "",
                dash("Tiếp tục tuyên truyền, phổ biến chế độ, chính sách pháp luật về y tế trên các phương tiện truyền "
                     "thông.",
                     duty=Duty(lead="ttkscb", recurrence=Recurrence.REGULAR)),
                dash("Phối hợp với Ban biên tập Cổng thông tin điện tử Sở để chuẩn bị phương tiện kỹ thuật cho buổi "
                     "đối thoại tiếp xúc trực tuyến giữa Lãnh đạo Sở Y tế với nhân dân, khi có yêu cầu.",
                     duty=Duty(lead="ttkscb", support=("vps",))),
                heading="Trung tâm kiểm soát bệnh tật",
            ),
            num(
                "",
                para("Các đơn vị định kỳ báo cáo kết quả thực hiện tiếp công dân, giải quyết đơn thư kiến nghị, đề "
                     "nghị, phản ánh, tiếp thu ý kiến của người bệnh, gia đình người bệnh theo quy định."),
                para("Báo cáo kết quả tiếp xúc, đối thoại trực tiếp với nhân dân về Thanh tra Sở Y tế:"),
                dash("Báo cáo 6 tháng đầu năm trước ngày 05/6",
                     duty=Duty(lead_text=UNITS_OF_THE_SECTOR, due=dt.date(2020, 6, 5),
                               output="Báo cáo 6 tháng đầu năm kết quả tiếp xúc, đối thoại trực tiếp với nhân dân "
                                      "gửi Thanh tra Sở")),
                dash("Báo cáo năm trước ngày 25/11",
                     duty=Duty(lead_text=UNITS_OF_THE_SECTOR, due=dt.date(2020, 11, 25),
                               output="Báo cáo năm kết quả tiếp xúc, đối thoại trực tiếp với nhân dân gửi Thanh tra "
                                      "Sở")),
                heading="Chế độ báo cáo",
            ),
            para("Nhận được kế hoạch, yêu cầu Thủ trưởng các đơn vị tổ chức triển khai thực hiện./."),
        ),
    ],
    recipients=[
        ("Ban Dân vận Tỉnh ủy", "", "bdvtu"),
        ("Thanh tra tỉnh", ""),
        ("BGD Sở", ""),
        ("Các đơn vị trực thuộc Sở", ""),
        ("Các phòng thuộc Sở", ""),
        ("VT, TTr", RecipientPurpose.ARCHIVE),
    ],
    steps=[
        Step("submit", "ttra.chuyenvien"),
        Step("approve", "giamdoc"),
        Step("issue", "giamdoc", on=dt.date(2020, 3, 10)),
    ],
)
