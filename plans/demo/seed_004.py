"""Seed 004: Ho Chi Minh study, mass mobilisation, democracy regulation and code of conduct, 2023
(place of issue Đắk Nông).

The document reads "Số:" and "Đắk Nông, ngày  tháng 02 năm 2023"; its digital signatures are
dated 16/02/2023, so the demo issues it through the register on that day. Two slips of the
document are corrected by the structure: "1.10." under "2. Yêu cầu" becomes 2.10., and the
items of "III. Tổ chức thực hiện" numbered 1, 2, 3, 5, 6, 7 become 1 to 6.
"""

import datetime as dt

from plans.choices import HeaderStyle, PlanKind, RecipientPurpose, Recurrence, SignerAuthority

from .dsl import DemoPlan, Duty, Step, basis, dash, num, para, plus, sec

REPORT = RecipientPurpose.REPORT
ND_04 = ("Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ trong hoạt động của cơ quan "
         "hành chính nhà nước và đơn vị sự nghiệp công lập")
CT_05_27 = ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị; Chỉ thị số 27/CT-TTg ngày 08/9/2016 của Thủ "
            "tướng Chính phủ")
CTR_11_10 = ("Chương trình số 11-CTr/TU, ngày 11/6/2021 của Ban Thường vụ Tỉnh ủy, Chương trình số 10-CTr/ĐUK, ngày "
             "10/8/2021 của Ban Thường vụ Đảng ủy Khối về “thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Đắk Nông lần thứ "
             "XII về tiếp tục tạo sự chuyển biến mạnh mẽ trong nhận thức, hành động về công tác dân vận của các cấp ủy "
             "đảng, hệ thống chính trị trong tình hình mới”")
UNITS = "Các đơn vị trực thuộc Sở Y tế"

PLAN = DemoPlan(
    key="seed-004",
    author="tccb.chuyenvien",
    owner="tccb",
    issuers=["syt"],
    header={
        "kind": PlanKind.DEMOCRACY,
        "year": 2023,
        "place": "Đắk Nông",
        "header_style": HeaderStyle.STATE,
        "title": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, thực hiện công tác dân vận, Quy chế "
                 "dân chủ, Quy tắc ứng xử của cán bộ y tế hướng tới sự hài lòng của người bệnh, người dân năm 2023",
        "introduction": "Sở Y tế xây dựng Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, "
                        "thực hiện công tác dân vận, Quy chế dân chủ, Quy tắc ứng xử của cán bộ y tế hướng tới sự hài "
                        "lòng của người bệnh, người dân năm 2023 với các nội dung như sau:",
        "signer_authority": SignerAuthority.KT,
        "signer_position": "PHÓ GIÁM ĐỐC",
        "signer_name": "Trần Quang Hào",
    },
    legal_bases=[
        basis("Nghị định", "04/2015/NĐ-CP", dt.date(2015, 1, 9), "Chính phủ",
              "về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập",
              lead_in="Thực hiện"),
        basis("Chỉ thị", "05-CT/TW", dt.date(2016, 5, 15), "Bộ Chính trị", lead_in="Thực hiện"),
        basis("Chỉ thị", "27/CT-TTg", dt.date(2016, 9, 8), "Thủ tướng Chính phủ", lead_in="Thực hiện"),
        basis("Thông tư", "05/2021/TT-BYT", None, "",
              "quy định về thực hiện dân chủ trong hoạt động của cơ sở khám bệnh, chữa bệnh công lập",
              lead_in="Thực hiện"),
        basis("Chương trình", "11-CTr/TU", dt.date(2021, 6, 11), "Ban Thường vụ Tỉnh ủy", lead_in="Thực hiện"),
        basis("Chương trình", "10-CTr/ĐUK", dt.date(2021, 8, 10), "Ban Thường vụ Đảng ủy Khối",
              "về “thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Đắk Nông lần thứ XII về tiếp tục tạo sự chuyển biến "
              "mạnh mẽ trong nhận thức, hành động về công tác dân vận của các cấp ủy đảng, hệ thống chính trị trong "
              "tình hình mới”", lead_in="Thực hiện"),
    ],
    sections=[
        sec(
            "Mục đích, yêu cầu",
            num(
                "",
                num("Tiếp tục nâng cao nhận thức của toàn thể đảng viên, công chức, viên chức, người lao động trong "
                    "ngành Y tế về những giá trị to lớn của tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
                num("Tuyên truyền, quán triệt, bồi dưỡng, nâng cao trình độ chuyên môn, đạo đức nghề nghiệp để mỗi "
                    "công chức, viên chức và người lao động toàn ngành Y tế phát huy những giá trị cao đẹp, tiếp tục "
                    "đổi mới, sáng tạo, góp phần thực hiện mục tiêu, khát vọng phát triển đất nước Việt Nam phồn vinh, "
                    "hạnh phúc."),
                num("Nâng cao chất lượng học tập, đưa nội dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
                    "Chí Minh trở thành nề nếp, gắn với thực hiện Nghị quyết của Đảng, chủ trương phát triển của ngành "
                    "Y tế."),
                num(f"Tiếp tục tổ chức triển khai {ND_04}; {CT_05_27}. Tổ chức thực hiện Thông tư số 05/2021/TT-BYT "
                    "nhằm thực hiện đầy đủ những nội dung quy định về thực hiện dân chủ trong hoạt động cơ sở khám "
                    "bệnh, chữa bệnh công lập, đảm bảo công khai, dân chủ, minh bạch trong hoạt động của đơn vị đối "
                    "với viên chức, người lao động và người bệnh; trách nhiệm tổ chức thực hiện của tổ chức, cá nhân; "
                    "góp phần nâng cao chất lượng khám bệnh, chữa bệnh; củng cố, xây dựng niềm tin của người bệnh, "
                    "người dân, xây dựng cơ sở khám bệnh, chữa bệnh ngày càng phát triển."),
                num("Phổ biến đầy đủ những nội dung của Quy chế dân chủ đến toàn thể công chức viên chức, người lao "
                    "động trong cơ quan, đơn vị tạo sự chuyển biến mạnh mẽ về nhận thức trong thực hiện nhiệm vụ, công "
                    "vụ; góp phần nâng cao chất lượng bảo vệ, chăm sóc sức khỏe nhân dân."),
                num("Phát huy quyền làm chủ của công chức viên chức, người lao động và nâng cao trách nhiệm của người "
                    "đứng đầu cơ quan, đơn vị."),
                num("Phòng ngừa, ngăn chặn và chống các hành vi tham nhũng, lãng phí, quan liêu, phiền hà, sách nhiễu "
                    "nhân dân."),
                num("Góp phần triển khai thực hiện hoàn thành các chỉ tiêu, nhiệm vụ, giải pháp về công tác dân vận "
                    "Nghị quyết Đại hội XIII của Đảng, Nghị quyết Đại hội Đảng bộ tỉnh Đắk Nông lần thứ XII, Chương "
                    "trình số 11-CTr/TU, ngày 11/6/2021 của Ban Thường vụ Tỉnh ủy về “thực hiện Nghị quyết Đại hội "
                    "Đảng bộ tỉnh Đắk Nông lần thứ XII về tiếp tục tạo sự chuyển biến mạnh mẽ trong nhận thức, hành "
                    "động về công tác dân vận của các cấp ủy đảng, hệ thống chính trị trong tình hình mới”;"),
                heading="Mục đích",
            ),
            num(
                "",
                num("Phải đổi mới, nâng cao hiệu quả công tác tuyên truyền, phát hiện, biểu dương những điển hình "
                    "tiên tiến trong đảng viên, công chức, viên chức, người lao động ngành Y tế về học tập và làm theo "
                    "tư tưởng, đạo đức, phong cách Hồ Chí Minh; củng cố, tăng cường công tác đoàn kết nội bộ, xây "
                    "dựng tổ chức Đảng, hệ thống Y tế trong sạch, vững mạnh, hoạt động hiệu lực, hiệu quả."),
                num("Đẩy mạnh công tác kiểm tra, giám sát việc tổ chức quán triệt, học tập chuyên đề và tổ chức triển "
                    "khai thực hiện tại các cơ quan, đơn vị."),
                num("Việc tổ chức triển khai thực hiện kế hoạch phải được duy trì thành nền nếp, thường xuyên, liên "
                    "tục; cách thức tổ chức triển khai phải phù hợp với tình hình thực tế của từng đơn vị."),
                num("Thực hiện dân chủ trong hoạt động của cơ quan phải gắn liền với việc bảo đảm sự lãnh đạo của tổ "
                    "chức Đảng ở cơ quan; chấp hành nguyên tắc tập trung dân chủ; phát huy vai trò của người đứng đầu "
                    "cơ quan và của các tổ chức đoàn thể quần chúng của cơ quan."),
                num("Dân chủ trong khuôn khổ của Hiến pháp và pháp luật; kiên quyết xử lý những hành vi lợi dụng dân "
                    "chủ vi phạm pháp luật, xâm hại quyền, lợi ích hợp pháp của đảng viên, công chức, viên chức, người "
                    "lao động và quyền làm chủ của nhân dân, cản trở việc thực hiện nhiệm vụ của cơ quan, đơn vị."),
                num("Phát huy quyền làm chủ của đảng viên, công chức, viên chức, người lao động gắn liền với việc đảm "
                    "bảo sự lãnh đạo của Đảng ở cơ quan, chấp hành nguyên tắc tập trung dân chủ, thực hiện chế độ Thủ "
                    "trưởng trong khuôn khổ Hiến pháp, pháp luật. Đồng thời, xử lý nghiêm các hành vi lợi dụng dân chủ "
                    "vi phạm pháp luật, cản trở việc thi hành công vụ, gây mất đoàn kết nội bộ Cơ quan."),
                num("100% đảng viên, công chức, viên chức, người lao động trong cơ quan được quán triệt, học tập Quy "
                    "chế dân chủ, chấp hành các chủ trương, chính sách, pháp luật của Nhà nước, có phẩm chất đạo đức, "
                    "ý thức tổ chức kỷ luật, tính trung thực trong công việc."),
                num("Triển khai có hiệu quả việc thực hiện quy chế dân chủ trong tất cả các hoạt động cơ quan, hoạt "
                    "động quản lý; hướng vào các tiêu chí thực hiện: Xây dựng nội bộ đoàn kết, thống nhất; nâng cao sự "
                    "đồng thuận xã hội và hoàn thành tốt các chỉ tiêu đề ra."),
                num(f"100% các đơn vị triển khai thực hiện {ND_04}; {CT_05_27}. 100% các cơ sở khám bệnh, chữa bệnh "
                    "công lập (sau đây gọi tắt là đơn vị) triển khai thực hiện Thông tư số 05/2021/TT-BYT; 100% viên "
                    "chức, người lao động tại đơn vị được quán triệt, học tập và thực hiện nghiêm những quy định trong "
                    "Thông tư, nhất là với người đứng đầu đơn vị."),
                num("Công tác dân vận phải theo hướng đổi mới, thiết thực, gắn với cuộc sống của cán bộ, đảng viên, "
                    "công chức, viên chức, người lao động và các tầng lớp Nhân dân. Cụ thể hóa và thực hiện tốt cơ chế "
                    "“Đảng lãnh đạo, Nhà nước quản lý, Nhân dân làm chủ”, gắn với phương châm “Dân biết, dân bàn, dân "
                    "làm, dân kiểm tra, dân giám sát, dân thụ hưởng”."),
                heading="Yêu cầu",
            ),
        ),
        sec(
            "Nội dung kế hoạch",
            num(
                "",
                dash("Các đơn vị trong toàn ngành báo cáo Cấp ủy cấp trên trực tiếp tại đơn vị để kiện toàn Ban Chỉ "
                     "đạo, ban hành quy chế hoạt động; phân công nhiệm vụ các thành viên, xây dựng quy chế làm việc "
                     "của Ban Chỉ đạo.",
                     duty=Duty(lead_text=UNITS, output="Quyết định kiện toàn Ban Chỉ đạo và quy chế hoạt động")),
                dash("Tiếp tục lãnh đạo, chỉ đạo công tác dân vận, gắn công tác dân vận với nhiệm vụ chuyên môn của "
                     "từng cơ quan, đơn vị."),
                dash("Căn cứ kết quả công tác năm 2022, trên cơ sở rà soát những nội dung còn tồn tại, hạn chế cần "
                     "khắc phục, xây dựng, ban hành kế hoạch công tác năm 2023 phù hợp đặc thù đơn vị.",
                     duty=Duty(lead_text=UNITS, output="Kế hoạch công tác năm 2023 của đơn vị")),
                heading="Công tác tổ chức",
            ),
            num(
                "",
                dash("Lãnh đạo đơn vị chủ động tham mưu cho cấp ủy xây dựng kế hoạch tổ chức quán triệt, nghiên cứu, "
                     "học tập và triển khai, tuyên truyền kịp thời, sâu rộng các văn kiện Đại hội đại biểu toàn quốc "
                     "lần thứ XIII của Đảng và các nghị quyết Hội nghị Trung ương khóa XIII trong năm 2023, văn kiện "
                     "đại hội đảng bộ các cấp ở địa phương, cơ quan, đơn vị."),
                dash("Tổ chức thông tin, truyền thông, quán triệt những nội dung liên quan đến nhiệm vụ chính trị của "
                     "đơn vị. Chú trọng thông tin những thành tựu qua 35 năm đổi mới; đánh giá 10 năm thực hiện Cương "
                     "lĩnh (bổ sung, phát triển năm 2011), 30 năm thực hiện Cương lĩnh năm 1991 của Đảng; những vấn đề "
                     "thực tiễn đang đặt ra đối với ngành Y tế cũng như với địa phương, cơ quan, đơn vị."),
                dash("Từng tổ chức, cá nhân ngành Y tế xây dựng kế hoạch, đăng ký làm theo tư tưởng, đạo đức, phong "
                     "cách Hồ Chí Minh để tổ chức Đảng, các tổ chức chính trị - xã hội giám sát việc thực hiện và làm "
                     "cơ sở để đánh giá kết quả công tác hằng năm của đảng viên, công chức, viên chức, người lao động, "
                     "nhất là người đứng đầu đơn vị.",
                     duty=Duty(lead_text="Từng tổ chức, cá nhân ngành Y tế",
                               output="Bản đăng ký làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")),
                heading="Công tác học tập, quán triệt và liên hệ",
            ),
            num(
                "",
                dash("Tổ chức thực hiện các nhiệm vụ, giải pháp về xây dựng và thực hiện dân chủ cơ sở theo hướng dẫn "
                     "của Ban Chỉ đạo tỉnh, của Ban Dân vận tỉnh, của Bộ Y tế. Tập trung triển khai các nội dung:",
                     plus("Quán triệt, tuyên truyền, phổ biến, triển khai Chỉ thị số 30-CT/TW, ngày 18/02/1998 của Bộ "
                          "Chính trị (khóa VIII) về xây dựng và thực hiện quy chế dân chủ ở cơ sở, Kết luận số "
                          "120-KL/TW ngày 07/01/2016 của Bộ Chính trị (khóa XI) về “Tiếp tục đẩy mạnh, nâng cao chất "
                          "lượng, hiệu quả việc xây dựng và thực hiện quy chế dân chủ cơ sở”, Kết luận số 114-KL/TW "
                          "ngày 14/7/2015 của Ban Bí thư về “Nâng cao hiệu quả công tác dân vận của cơ quan nhà nước "
                          "các cấp”, Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường và đổi "
                          "mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp, Nghị định số "
                          "04/2015/NĐ-CP của Chính phủ gắn với chỉ thị, nghị quyết của Đảng và Nhà nước về công tác "
                          "dân vận, Nghị quyết Trung ương 4, 6, 7 (Khóa XII). Nâng cao nhận thức, trách nhiệm về thực "
                          "hiện dân chủ của cấp ủy, chính quyền, người đứng đầu các đơn vị y tế, phát huy quyền làm "
                          "chủ của đội ngũ đảng viên, công chức, viên chức trong ngành Y tế."),
                     plus("Triển khai, tổ chức thực hiện Chỉ thị số 10/CT-TTg ngày 22/4/2019 của Thủ tướng Chính phủ "
                          "“Về việc tăng cường xử lý, ngăn chặn có hiệu quả tình trạng nhũng nhiễu, gây phiền hà cho "
                          "người dân và doanh nghiệp trong giải quyết công việc”, Quyết định số 4078/QĐ-BYT ngày "
                          "06/9/2019 của Bộ trưởng Bộ Y tế về việc ban hành Kế hoạch thực hiện Chỉ thị 10/CT-TTg ngày "
                          "22/4/2019 của Thủ tướng Chính phủ, Chỉ thị số 17-CT-BCSĐ ngày 07/5/2019 của Bí thư Ban Cán "
                          "sự Đảng Bộ Y tế về việc tăng cường các giải pháp thực hiện tốt Quy chế dân chủ cơ sở, giữ "
                          "vững mối đoàn kết nội bộ tại các cơ quan, đơn vị thuộc, trực thuộc Bộ Y tế."),
                     para(f"Triển khai, tổ chức thực hiện {CTR_11_10};")),
                dash("100% đơn vị trong toàn ngành tiếp tục xây dựng, sửa đổi, bổ sung các quy chế, quy định về thực "
                     "hiện dân chủ trong hoạt động cơ quan, đơn vị sau khi có sự đóng góp, thảo luận công khai của "
                     "toàn thể công chức, viên chức, người lao động với những nội dung được quy định tại Nghị định số "
                     "04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ trong hoạt động của cơ quan "
                     "hành chính nhà nước và các đơn vị sự nghiệp công lập; tổ chức hội nghị cán bộ công chức, viên "
                     "chức theo quy định tại Thông tư số 01/2016/TT-BNV ngày 13/01/2016 của Bộ Nội vụ hướng dẫn một số "
                     "nội dung của Nghị định số 04/2015/NĐ-CP.",
                     duty=Duty(lead_text=UNITS, output="Quy chế thực hiện dân chủ của đơn vị; hội nghị cán bộ, "
                                                       "công chức, viên chức")),
                dash("Người đứng đầu các cơ sở y tế phải triển khai các nội dung công khai, dân chủ, minh bạch trên cơ "
                     "sở quy định của pháp luật; xây dựng các quy chế điều chỉnh nội bộ, đảm bảo thực hiện dân chủ tại "
                     "cơ quan, đơn vị như: Quy chế chi tiêu nội bộ, Quy chế thi đua, khen thưởng, Quy chế xử lý vi "
                     "phạm, Quy chế đào tạo, bồi dưỡng, Quy chế nâng lương trước thời hạn, Quy chế phát ngôn và cung "
                     "cấp thông tin cho báo chí; nội quy, quy định của cơ quan, đơn vị…Đối với các cơ sở khám bệnh, "
                     "chữa bệnh xây dựng kế hoạch, tổ chức triển khai thực hiện Thông tư quy định về thực hiện dân chủ "
                     "trong hoạt động của cơ sở khám bệnh, chữa bệnh công lập."),
                dash("Tổ chức tiếp công dân theo quy định của Luật tiếp công dân, giải quyết kịp thời đơn thư tố cáo, "
                     "khiếu nại của công chức, viên chức, người lao động và của người bệnh, người dân không để tình "
                     "trạng kiến nghị, khiếu nại kéo dài."),
                dash("Công tác dân vận tập trung vào các nội dung mà người dân, công chức, viên chức, người lao động "
                     "đang có nhiều bức xúc theo từng lĩnh vực y tế, tạo sự đồng thuận cao trong cơ quan, đơn vị."),
                heading="Triển khai thực hiện Quy chế dân chủ cơ sở và công tác dân vận",
            ),
            num(
                "",
                para("Căn cứ các nội dung trong Thông tư số 05/2021/TT-BYT, từng đơn vị rà soát, tổ chức triển khai "
                     "các nội dung quy định như:"),
                dash("Dân chủ trong nội bộ đơn vị: Những nội dung người đứng đầu đơn vị phải công khai (Điều 4), nội "
                     "dung viên chức, người lao động tham gia ý kiến (Điều 6), những việc viên chức, người lao động "
                     "được quyền giám sát (Điều 8) và hình thức triển khai thực hiện (Điều 5, Điều 7, Điều 9)."),
                dash("Dân chủ đối với người bệnh và người đại diện hợp pháp của người bệnh: những việc phải thông tin "
                     "kịp thời và công khai (Điều 10), những việc người bệnh và người đại diện hợp pháp của người bệnh "
                     "tham gia ý kiến, giám sát (Điều 12) và hình thức tổ chức thực hiện (Điều 11, Điều 13)."),
                dash("Kết hợp triển khai thực hiện các nội dung quy định trong Thông tư số 05/2021/TT-BYT với việc "
                     "triển khai kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, quy tắc ứng "
                     "xử, đổi mới phong cách, thái độ phục vụ của cán bộ y tế, xây dựng cơ sở y tế “Xanh - Sạch - Đẹp” "
                     "hướng tới sự hài lòng của người bệnh, từng đơn vị tiếp tục thực hiện các văn bản: (1)Thông tư số "
                     "07/2014/TT-BYT ngày 25/02/2014 định về Quy tắc ứng xử của công chức, viên chức, người lao động "
                     "làm việc tại các cơ sở y tế; (2)Thông tư số 43/2015/TT-BYT ngày 26/11/2015 quy định về nhiệm vụ "
                     "và hình thức tổ chức thực hiện nhiệm vụ công tác xã hội của bệnh viện; (3)Thông tư số 45/TT-BYT "
                     "ngày 30/11/2015 quy định về trang phục y tế; (4) Thông tư số 25/2015/TT-BYT ngày 01/10/2015 quy "
                     "định về hòm thư góp ý tại các cơ sở y tế; (5) Chỉ thị 09/CT-BYT ngày 22/11/2013 về việc tăng "
                     "cường tiếp nhận và xử lý ý kiến phản ánh của người dân về chất lượng dịch vụ khám, chữa bệnh "
                     "thông qua đường dây nóng… Xây dựng các quy chế điều chỉnh nội bộ, đảm bảo thực hiện dân chủ tại "
                     "cơ quan, đơn vị như: Quy chế chi tiêu nội bộ, Quy chế thi đua, khen thưởng, Quy chế xử lý vi "
                     "phạm, Quy chế đào tạo, bồi dưỡng, Quy chế nâng lương trước thời hạn, Quy chế phát ngôn và cung "
                     "cấp thông tin cho báo chí; nội quy, quy định của cơ quan, đơn vị…"),
                heading="Rà soát, củng cố, duy trì các nội dung liên quan đến công khai, dân chủ, minh bạch tại đơn vị",
                duty=Duty(lead_text=UNITS, output="Bảng rà soát các nội dung của Thông tư số 05/2021/TT-BYT"),
            ),
            num(
                "",
                dash("Rà soát, triển khai đầy đủ các nội dung của Quyết định 2151/QĐ-BYT ngày 04/6/2015 của Bộ trưởng "
                     "Bộ Y tế."),
                dash("100% viên chức y tế được tập huấn nâng cao kỹ năng giao tiếp, ứng xử cho cán bộ y tế và tăng "
                     "cường xây dựng phong cách, thái độ phục vụ văn minh, thân thiện, không có tiêu cực. Từng đơn vị "
                     "phân loại đối tượng (điều dưỡng, hộ lỹ, hành chính, bảo vệ…), xây dựng kế hoạch, chuẩn bị nội "
                     "dung, chương trình, giảng viên tập huấn.",
                     duty=Duty(lead_text=UNITS, output="100% viên chức y tế được tập huấn kỹ năng giao tiếp, ứng xử")),
                dash("Thực hiện tốt khẩu hiệu “Người bệnh đến đón tiếp niềm nở, người bệnh ở chăm sóc tận tình, người "
                     "bệnh về dặn dò chu đáo”, “Rèn luyện y đức, tinh luyện y thuật”."),
                dash("Từng đơn vị ban hành quy chế, chế tài xử lý vi phạm cụ thể, đưa vào quy chế hoạt động của cơ "
                     "quan, đơn vị cho phù hợp."),
                dash("Triển khai các biện pháp kiểm tra, giám sát hàng năm theo kế hoạch và đột xuất, gắn với chất "
                     "lượng hoạt động của các bệnh viện; thường xuyên khảo sát, đánh giá sự hài lòng của người bệnh, "
                     "người dân với dịch vụ khám, chữa bệnh và dịch vụ y tế theo quy định của Bộ Y tế (Quyết định số "
                     "3869/QĐ-BYT ngày 28/8/2019 ban hành các mẫu phiếu và hướng dẫn khảo sát hài lòng người bệnh và "
                     "nhân viên y tế; Quyết định số 4448/QĐ-BYT ngày 06/11/2013 phê duyệt Đề án “Xác định phương pháp "
                     "đo lường sự hài lòng của người dân đối với dịch vụ y tế công”).",
                     duty=Duty(lead="bvdk", recurrence=Recurrence.REGULAR,
                               output="Kết quả khảo sát sự hài lòng của người bệnh, người dân")),
                dash("Toàn ngành tiếp tục triển khai đồng bộ các giải pháp khác, như: Xây dựng cơ sở y tế “Xanh - Sạch "
                     "- Đẹp”, giảm thiểu chất thải nhựa theo hướng dẫn của Bộ Y tế; công tác cải cách thủ tục hành "
                     "chính, áp dụng công nghệ thông tin, sửa đổi lề lối, tác phong làm việc hiệu quả; rà soát, thay "
                     "đổi quy cách, quy trình giải quyết công việc, tạo thuận lợi, giảm phiền hà cho nhân dân; thực "
                     "hành tiết kiệm, phòng chống tham nhũng, lãng phí…. Các cơ sở khám bệnh, chữa bệnh tập trung rà "
                     "soát, kiểm tra, cải cách quy trình xét nghiệm, thăm dò chức năng, thủ tục vào viện, chuyển viện, "
                     "ra viện, phát lĩnh thuốc, thanh toán viện phí, bảo hiểm y tế; ứng dụng phát số khám tự động, "
                     "bảng số điện tử, các bảng chỉ dẫn, hướng dẫn phải to, rõ ràng, khoa học; lắp đặt hệ thống "
                     "camera tự động để kiểm tra, giám sát các hoạt động khám bệnh, chữa bệnh…, nhằm tiếp tục "
                     "tạo sự chuyển biến mạnh mẽ về chất lượng khám bệnh, chữa bệnh, phục vụ người bệnh, người dân."),
                heading="Thực hiện Quy tắc ứng xử, đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự "
                        "hài lòng của người bệnh, người dân",
            ),
            num(
                "",
                dash("Các đơn vị y tế tổ chức kiểm tra theo hướng dẫn của Bộ Y tế, Sở Y tế theo từng lĩnh vực quản "
                     "lý."),
                dash("Sở Y tế tiếp tục kiểm tra theo kế hoạch và kiểm tra đột xuất các địa phương, đơn vị về nội dung "
                     "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, thực hiện Quy chế dân "
                     "chủ, Quy tắc ứng xử, đổi mới phong cách, thái độ phục vụ của cán bộ y tế, xây dựng cơ sở y tế "
                     "“Xanh - Sạch - Đẹp”, nâng cao chất lượng dịch vụ y tế hướng tới sự hài lòng của người bệnh, "
                     "người dân.",
                     duty=Duty(lead="syt", support=("tccb", "ttra"))),
                dash("Triển khai kế hoạch tự kiểm tra tại đơn vị; kiểm tra, giám sát thường xuyên việc tổ chức thực "
                     "hiện dân chủ cơ sở, Quy tắc ứng xử, đổi mới phong cách thái độ phục vụ của cán bộ y tế và xây "
                     "dựng cơ sở y tế “Xanh - Sạch - Đẹp”, chất lượng dịch vụ y tế hướng tới sự hài lòng của người "
                     "bệnh, người dân."),
                heading="Công tác kiểm tra, giám sát việc tổ chức thực hiện",
            ),
            num(
                "",
                dash("Nâng cao hiệu quả công tác tiếp dân, giải quyết 100% đơn thư khiếu nại, tố cáo, không để tồn "
                     "đọng. Thực hiện nghiêm việc tiếp nhận, xử lý phản ánh kiến nghị của cá nhân, tổ chức về quy "
                     "định.",
                     duty=Duty(lead="ttra", recurrence=Recurrence.REGULAR,
                               output="100% đơn thư khiếu nại, tố cáo được giải quyết, không tồn đọng")),
                dash("Giải quyết đơn thư, khiếu nại của nhân dân kịp thời, dứt điểm không để tồn đọng kéo dài, quyền "
                     "lợi đi đôi với yêu cầu và nghĩa vụ công tác của từng đảng viên, công thức, viên chức và người "
                     "lao động"),
                heading="Việc giải quyết đơn thư khiếu nại, tố cáo của công dân, doanh nghiệp",
            ),
        ),
        sec(
            "Tổ chức thực hiện",
            num("Phòng Tổ chức cán bộ - Sở Y tế là cơ quan đầu mối có trách nhiệm hướng dẫn, kiểm tra việc triển khai "
                "thực hiện kế hoạch.",
                duty=Duty(lead="tccb", recurrence=Recurrence.REGULAR)),
            num("Trung tâm Kiểm soát bệnh tật làm đầu mối triển khai tốt công tác tuyên truyền thực hiện công tác dân "
                "vận, Quy chế dân chủ cơ sở, Quy tắc ứng xử ngành Y tế, học tập và làm theo tư tưởng, đạo đức, phong "
                "cách Hồ Chí Minh trong ngành Y tế.",
                duty=Duty(lead="ttkscb", recurrence=Recurrence.REGULAR)),
            num("Các phòng chức năng Sở Y tế căn cứ chức năng, nhiệm vụ có trách nhiệm triển khai tại đơn vị và thường "
                "xuyên đôn đốc, giám sát việc tổ chức thực hiện kế hoạch tại các đơn vị theo từng lĩnh vực công tác "
                "thuộc thẩm quyền quản lý.",
                duty=Duty(lead_text="Các phòng chức năng Sở Y tế", recurrence=Recurrence.REGULAR)),
            num("Các đơn vị trực thuộc Sở Y tế báo cáo Cấp uỷ cấp trên trực tiếp, tổ chức triển khai thực hiện các nội "
                "dung trong kế hoạch theo chức năng, nhiệm vụ từng lĩnh vực chuyên môn của đơn vị.",
                duty=Duty(lead_text=UNITS)),
            num("Sở Y tế phối hợp với Công đoàn Y tế Đắk Nông tổ chức, hướng dẫn công đoàn các đơn vị cùng với chính "
                "quyền triển khai thực hiện nghiêm túc công tác dân vận, Quy chế dân chủ cơ sở, Quy tắc ứng xử ngành Y "
                "tế, học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
                duty=Duty(lead="syt", support=("cdyt",))),
            num("Ban Chỉ đạo các cấp tổ chức sơ kết 6 tháng, tổng kết một năm, đánh giá kết quả đạt được; xây dựng nội "
                "dung chương trình kế hoạch báo cáo về Sở Y tế trước ngày 15 tháng 6 và 15/12 hàng năm.",
                duty=[
                    Duty(lead_text="Ban Chỉ đạo các cấp", due=dt.date(2023, 6, 15), recurrence=Recurrence.ANNUAL,
                         output="Báo cáo sơ kết 6 tháng gửi Sở Y tế (Phòng Tổ chức cán bộ)"),
                    Duty(lead_text="Ban Chỉ đạo các cấp", due=dt.date(2023, 12, 15), recurrence=Recurrence.ANNUAL,
                         output="Báo cáo tổng kết năm gửi Sở Y tế (Phòng Tổ chức cán bộ)"),
                ]),
            para("Trong quá trình triển khai thực hiện Kế hoạch này nếu có khó khăn, vướng mắc liên hệ về Sở Y tế "
                 "(Phòng Tổ chức cán bộ) để báo cáo Ban Chỉ đạo nghiên cứu giải quyết./."),
        ),
    ],
    recipients=[
        ("Bộ Y tế", REPORT),
        ("BCĐ thực hiện QCDCCS tỉnh", REPORT),
        ("BCĐ thực hiện QCDCCS ĐUKCCQ và DN tỉnh", REPORT),
        ("Ban Dân vận Tỉnh ủy", "", "bdvtu"),
        ("Ban Tuyên Giáo Tỉnh ủy", ""),
        ("Sở Nội vụ", ""),
        ("BCĐ thực hiện QCDCCS Sở Y tế", ""),
        ("Đảng ủy Sở Y tế", ""),
        ("Ban Giám đốc Sở Y tế", ""),
        ("Công đoàn ngành Y tế Đắk Nông", "", "cdyt"),
        ("Các đơn vị trực thuộc Sở Y tế", ""),
        ("VT, TCCB (Sang)", RecipientPurpose.ARCHIVE),
    ],
    steps=[
        Step("submit", "tccb.chuyenvien"),
        Step("approve", "phogiamdoc"),
        Step("issue", "phogiamdoc", on=dt.date(2023, 2, 16)),
        Step("start", "tccb.chuyenvien"),
    ],
)
