"""Seed 001: the joint plan of Ban Dân vận Tỉnh ủy and Sở Y tế Quảng Ngãi, 2021.

The document gives no number, date or signer; the demo issues it through the register
on 25/01/2021 (after its legal basis of 11/01/2021).
"""

import datetime as dt

from plans.choices import HeaderStyle, PlanKind, RecipientPurpose, Recurrence

from .dsl import DemoPlan, Duty, Step, basis, dash, num, para, sec

REPORT = RecipientPurpose.REPORT

PLAN = DemoPlan(
    key="seed-001",
    author="nvy.chuyenvien",
    owner="nvy",
    issuers=["bdvtu", "syt"],
    header={
        "kind": PlanKind.COORDINATION,
        "year": 2021,
        "place": "Quảng Ngãi",
        "header_style": HeaderStyle.JOINT,
        "title": "Phối hợp công tác dân vận năm 2021",
        "introduction": "Ban Dân vận Tỉnh ủy và Sở Y tế ban hành Kế hoạch phối hợp năm 2021 như sau:",
    },
    legal_bases=[
        basis("Kế hoạch phối hợp", "10-KH/BDVTU-BCSDUBND", dt.date(2021, 1, 11),
              "Ban Dân vận Tỉnh ủy và Ban Cán sự đảng Ủy ban nhân dân tỉnh",
              "về phối hợp thực hiện công tác dân vận năm 2021"),
    ],
    sections=[
        sec(
            "Mục đích, yêu cầu",
            dash("Đẩy mạnh công tác tuyên truyền, phổ biến các chủ trương, đường lối của Đảng, chính sách, pháp luật "
                 "của Nhà nước về y tế; tuyên truyền, vận động các tầng lớp nhân dân cùng chung tay vì sự nghiệp bảo "
                 "vệ, chăm sóc và nâng cao sức khỏe Nhân dân, góp phần định hướng dư luận, tạo niềm tin và sự đồng "
                 "thuận của xã hội đối với hoạt động bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân."),
            dash("Tăng cường công tác dân vận và thực hiện tốt Quy chế dân chủ ở cơ sở trong ngành Y tế, góp phần "
                 "nâng cao nhận thức và ý thức trách nhiệm, phong cách phục vụ Nhân dân của cán bộ, công chức, viên "
                 "chức, y, bác sĩ ngành Y tế."),
            dash("Công tác phối hợp thực hiện phải được tiến hành thường xuyên, chặt chẽ, đảm bảo đúng nội dung, tiến "
                 "độ về thời gian và đạt hiệu quả thiết thực."),
        ),
        sec(
            "Nội dung phối hợp",
            num("Triển khai tổ chức thực hiện có hiệu quả chủ đề công tác dân vận năm 2021 do Trung ương phát động "
                "với nội dung trọng tâm là \"Đẩy mạnh thực hiện Quy chế dân chủ ở cơ sở\". Tiếp tục tham mưu cho "
                "Tỉnh ủy, giúp Ủy ban nhân dân tỉnh tăng cường sự lãnh đạo của Đảng, quản lý của Nhà nước, phát huy "
                "sự tham gia của Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị - xã hội và của toàn xã hội trong "
                "công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân."),
            num("Tăng cường công tác tuyên truyền, vận động các tầng lớp nhân dân thực hiện các chủ trương, chính "
                "sách của Đảng, Nhà nước về công tác dân vận liên quan đến ngành Y tế, thực hiện quy chế dân chủ ở "
                "cơ sở; nhất là công tác vận động hiến máu tình nguyện, tham gia BHYT, vệ sinh an toàn thực phẩm, "
                "giữ gìn vệ sinh môi trường, phòng, chống dịch bệnh..."),
            num("Thường xuyên trao đổi, nắm bắt thông tin, dư luận xã hội đối với những vấn đề nhạy cảm, bức xúc của "
                "người dân và xử lý sự cố truyền thông liên quan đến hoạt động của ngành Y tế, đặc biệt là các sự cố "
                "trong khám, chữa bệnh, góp phần định hướng dư luận xã hội và tránh các bức xúc này sinh. Đồng thời "
                "thực hiện dân chủ, công khai, minh bạch trong hoạt động quản lý, điều hành đối với việc triển khai "
                "các dự án, đề án, chương trình, kế hoạch của ngành Y tế liên quan đến quyền và lợi ích hợp pháp, "
                "chính đáng của người dân.",
                duty=Duty(lead="syt", support=("bdvtu",), recurrence=Recurrence.REGULAR)),
            num("Tiếp tục nâng cao và cải thiện chất lượng dịch vụ khám chữa bệnh. Đẩy mạnh cải cách thủ tục hành "
                "chính gắn với lựa chọn, nhân rộng mô hình “Dân vận khéo”, nhất là trong hoạt động khám, chữa bệnh "
                "nhằm giảm phiền hà cho người dân; bảo đảm cho người dân dễ dàng tiếp cận với các dịch vụ y tế; xây "
                "dựng hình ảnh người cán bộ y tế với “Nụ cười từ trái tim”, tiếp tục triển khai thành lập các đội "
                "“tình nguyện viên tiếp sức người bệnh” tại các bệnh viện; nâng cao tay nghề, đạo đức công vụ, tinh "
                "thần trách nhiệm, thái độ phục vụ Nhân dân của đội ngũ y, bác sĩ. Xây dựng môi trường bệnh viện "
                "xanh, sạch, đẹp, thân thiện và không khói thuốc. Nâng cao chất lượng khám, chữa bệnh tuyến Y tế cơ "
                "sở gắn chặt chẽ với công tác truyền thông, vận động đông đảo người dân tham gia KCB tại tuyến cơ "
                "sở, góp phần giảm quá tải bệnh viện tuyến trên."),
            num("Tăng cường công tác hướng dẫn, tập huấn, bồi dưỡng về chuyên môn, nghiệp vụ công tác dân vận; kỹ "
                "năng vận động quần chúng, thực hiện QCDC ở cơ sở đối với đội ngũ cán bộ, viên chức, y, bác sĩ ngành "
                "Y tế; thực hiện tốt Quy tắc ứng xử, đạo đức nghề nghiệp, học tập và làm theo tư tưởng, đạo đức, "
                "phong cách Hồ Chí Minh. Tập huấn, bồi dưỡng cho đội ngũ cán bộ Ban Dân vận, Mặt trận Tổ quốc và các "
                "đoàn thể về Chương trình phòng chống dịch bệnh, bảo vệ, chăm sóc sức khỏe Nhân dân."),
            num("Phối hợp kiểm tra, giám sát và sơ kết, tổng kết việc thực hiện các chủ trương của Đảng, chính sách, "
                "pháp luật của Nhà nước liên quan đến công tác dân vận đối với các cơ quan, đơn vị thuộc ngành y tế.",
                duty=Duty(lead="bdvtu", support=("syt",))),
        ),
        sec(
            "Trách nhiệm của các cơ quan",
            num(
                "",
                dash("Hướng dẫn Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tham gia công tác giám sát, phản "
                     "biện xã hội và vận động Nhân dân trong các hoạt động thuộc lĩnh vực ngành y tế theo Kế hoạch số "
                     "09/KH-UBND ngày 20/01/2020 của UBND tỉnh Quảng Ngãi về triển khai thực hiện chương trình sức "
                     "khỏe Việt Nam trên địa bàn tỉnh Quảng Ngãi giai đoạn 2020-2030.",
                     duty=Duty(lead="bdvtu", support=("mttq",))),
                dash("Chủ động theo dõi, nắm bắt tâm tư, nguyện vọng của các tầng lớp Nhân dân liên quan đến lĩnh "
                     "vực y tế; phát hiện những vấn đề bức xúc, nỗi cộm báo cáo cấp ủy theo dõi, chỉ đạo. Kiến nghị "
                     "cấp có thẩm quyền giải quyết những bức xúc, vướng mắc và yêu cầu chính đáng của người dân, nhất "
                     "là các vấn đề, vụ việc được Nhân dân phản ánh qua tiếp xúc, đối thoại của người đứng đầu cấp "
                     "ủy, chính quyền các cấp với Nhân dân."),
                dash("Cử cán bộ tham dự hội nghị chuyên đề có liên quan do Sở Y tế tổ chức và tạo điều kiện để Sở Y "
                     "tế cử cán bộ tham gia các đoàn khảo sát và dự các hội nghị chuyên đề có liên quan do Ban Dân "
                     "vận Tỉnh ủy tổ chức."),
                dash("Phối hợp với Sở Y tế trong việc tổ chức vận động, tuyên truyền và tham mưu, đề xuất với cấp có "
                     "thẩm quyền phương án giải quyết đối với một số vụ việc có tính chất phức tạp, đông người liên "
                     "quan đến công tác y tế và hoạt động của ngành y tế trên địa bàn tỉnh.",
                     duty=Duty(lead="bdvtu", support=("syt",))),
                heading="Ban Dân vận Tỉnh ủy",
                duty=Duty(lead="bdvtu", recurrence=Recurrence.REGULAR),
            ),
            num(
                "",
                dash("Chỉ đạo các đơn vị trực thuộc thực hiện tốt các giải pháp của ngành Y tế nhằm nâng cao nhận "
                     "thức, trách nhiệm, phong cách dân vận, phong cách dân chủ, thực hiện văn hóa ứng xử, đạo đức "
                     "nghề nghiệp của CBCCVC, y, bác sĩ ngành y tế. Chủ động chọn từ 02 - 03 mô hình “Dân vận khéo” "
                     "trong lĩnh vực Y tế để triển khai nhân rộng.",
                     duty=Duty(lead="syt", support=("ttkscb", "bvdk"),
                               output="02 - 03 mô hình “Dân vận khéo” trong lĩnh vực Y tế được nhân rộng")),
                dash("Chủ động cung cấp thông tin cho Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tỉnh về các "
                     "hoạt động thuộc lĩnh vực ngành y tế để tạo điều kiện thuận lợi cho các tổ chức này thực hiện "
                     "nhiệm vụ giám sát và vận động Nhân dân thực hiện."),
                dash("Nâng cao kỹ năng ứng xử và xử lý các tình huống va chạm giữa người nhà bệnh nhân với y, bác sĩ "
                     "(có thể xảy ra); quan tâm xử lý các vụ việc bức xúc, nỗi cộm mà các phương tiện truyền thông "
                     "đưa tin."),
                dash("Phân công cán bộ tham dự một số cuộc khảo sát và dự hội nghị chuyên đề có liên quan do Ban Dân "
                     "vận Tỉnh ủy tổ chức; tạo điều kiện để Ban Dân vận Tỉnh ủy cử cán bộ tham dự hội nghị chuyên đề "
                     "có liên quan do Sở Y tế tổ chức."),
                heading="Sở Y tế",
                duty=Duty(lead="syt", recurrence=Recurrence.REGULAR),
            ),
        ),
        sec(
            "Tổ chức thực hiện",
            num("Căn cứ Kế hoạch phối hợp này, các chủ thể phối hợp tổ chức triển khai thực hiện và hướng dẫn các đơn "
                "vị trực thuộc, cơ quan cấp dưới cụ thể hóa các nội dung kế hoạch phối hợp cho phù hợp với chức "
                "năng, điều kiện của mỗi địa phương, đơn vị nhằm thực hiện đạt hiệu quả thiết thực."),
            num("Ban Dân vận Tỉnh ủy giao Phòng Dân vận Chính quyền và Đoàn thể; Sở Y tế giao Phòng Nghiệp vụ Y là "
                "hai bộ phận thường trực, tham mưu giúp việc của hai chủ thể phối hợp.",
                para("Bộ phận tham mưu, giúp việc có trách nhiệm phối hợp tham mưu cho Lãnh đạo Ban Dân vận Tỉnh ủy "
                     "và Lãnh đạo Sở Y tế lãnh đạo, chỉ đạo về nội dung, chương trình, biện pháp tổ chức thực hiện; "
                     "tham mưu báo cáo đánh giá kết quả thực hiện Kế hoạch phối hợp."),
                duty=[
                    Duty(lead="nvy", output="Báo cáo đánh giá kết quả thực hiện Kế hoạch phối hợp",
                         recurrence=Recurrence.REGULAR),
                    Duty(lead_text="Phòng Dân vận Chính quyền và Đoàn thể, Ban Dân vận Tỉnh ủy",
                         recurrence=Recurrence.REGULAR),
                ]),
            num("Các chủ thể phối hợp thường xuyên theo dõi, rà soát việc thực hiện các nội dung ký kết để kịp thời "
                "tháo gỡ những khó khăn, vướng mắc trong quá trình thực hiện các nội dung phối hợp. Định kỳ hàng quý, "
                "6 tháng tổ chức Hội nghị giao ban và tổng kết kết quả thực hiện Kế hoạch phối hợp vào tháng "
                "12/2021.",
                duty=[
                    Duty(lead="syt", support=("bdvtu",), recurrence=Recurrence.QUARTERLY,
                         output="Hội nghị giao ban hàng quý"),
                    Duty(lead="syt", support=("bdvtu",), recurrence=Recurrence.SIX_MONTHLY,
                         output="Hội nghị giao ban 6 tháng"),
                    Duty(lead="syt", support=("bdvtu",), due=dt.date(2021, 12, 31),
                         output="Hội nghị tổng kết kết quả thực hiện Kế hoạch phối hợp năm 2021"),
                ]),
            para("Quá trình thực hiện, nếu có vấn đề chưa phù hợp hoặc cần bổ sung, Ban Dân vận Tỉnh ủy và Sở Y tế "
                 "cùng trao đổi để thống nhất điều chỉnh khi cần thiết./."),
        ),
    ],
    recipients=[
        ("Ban Dân vận TW", REPORT),
        ("Bộ Y tế", REPORT),
        ("Thường trực Tỉnh ủy", REPORT),
        ("UBND tỉnh", REPORT),
        ("Ban Dân vận Tỉnh ủy", "", "bdvtu"),
        ("Sở Y tế", "", "syt"),
        ("Ban Dân vận các huyện, thị, thành ủy", ""),
        ("Các bệnh viện, đơn vị trực thuộc Sở Y tế", ""),
        ("Phòng DVCQ&ĐT, Ban Dân vận Tỉnh ủy", ""),
        ("Phòng Nghiệp vụ Y, Sở Y tế", "", "nvy"),
        ("Phòng Y tế, Trung tâm y tế, bệnh viện các huyện, thị, thành phố", ""),
        ("Văn phòng Tỉnh ủy, VPSYT", RecipientPurpose.ARCHIVE),
    ],
    steps=[
        Step("submit", "nvy.chuyenvien"),
        Step("approve", "giamdoc", "Đồng ý nội dung phối hợp với Ban Dân vận Tỉnh ủy."),
        Step("issue", "giamdoc", on=dt.date(2021, 1, 25)),
        Step("start", "nvy.chuyenvien"),
    ],
)
