"""Demo plans of the current year in every status of the workflow, so that each role's list is not empty."""

import datetime as dt

from plans.choices import PlanKind, RecipientPurpose, Recurrence

from .dsl import DemoPlan, Duty, Step, basis, dash, num, sec

YEAR = 2026


def _header(title: str, kind: str = PlanKind.GENERAL, **extra) -> dict:
    # no signer in the header: the approver who issues the plan signs it
    return {"kind": kind, "year": YEAR, "place": "Quảng Ngãi", "title": title, **extra}


def _purpose_section(*lines: str):
    return sec("Mục đích, yêu cầu", *(dash(line) for line in lines))


PLANS = [
    DemoPlan(
        key="demo-draft",
        author="nvy.chuyenvien",
        owner="nvy",
        issuers=["syt"],
        header=_header("Phòng, chống dịch bệnh truyền nhiễm mùa mưa bão năm 2026",
                       introduction="Sở Y tế xây dựng Kế hoạch phòng, chống dịch bệnh truyền nhiễm mùa mưa bão "
                                    "năm 2026 như sau:"),
        legal_bases=[basis("Kế hoạch", "25/KH-UBND", dt.date(2026, 2, 10), "UBND tỉnh Quảng Ngãi",
                           "về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026")],
        sections=[
            _purpose_section("Chủ động phòng, chống dịch bệnh trước, trong và sau mùa mưa bão.",
                             "Không để dịch bệnh lớn xảy ra sau thiên tai."),
            sec("Nội dung thực hiện",
                num("Kiện toàn đội cơ động phòng, chống dịch tại các tuyến.",
                    duty=Duty(lead="ttkscb", due=dt.date(2026, 8, 31), output="Quyết định kiện toàn đội cơ động")),
                num("Dự trữ hóa chất, vật tư khử khuẩn nguồn nước.")),
        ],
    ),
    DemoPlan(
        key="demo-submitted",
        author="nvy.chuyenvien",
        owner="nvy",
        issuers=["syt"],
        header=_header("Hưởng ứng Tháng hành động vì an toàn thực phẩm năm 2026"),
        sections=[
            _purpose_section("Nâng cao nhận thức của người sản xuất, kinh doanh và người tiêu dùng về an toàn thực "
                             "phẩm."),
            sec("Nội dung thực hiện",
                num("Tổ chức lễ phát động Tháng hành động vì an toàn thực phẩm.",
                    duty=Duty(lead="nvy", due=dt.date(2026, 4, 25))),
                num("Kiểm tra liên ngành các cơ sở sản xuất, kinh doanh thực phẩm.",
                    duty=Duty(lead="ttra", support=("nvy",), due=dt.date(2026, 5, 15),
                              output="Báo cáo kết quả kiểm tra liên ngành"))),
        ],
        steps=[Step("submit", "nvy.chuyenvien")],
    ),
    DemoPlan(
        key="demo-returned",
        author="tccb.chuyenvien",
        owner="tccb",
        issuers=["syt"],
        header=_header("Đào tạo, bồi dưỡng công chức, viên chức ngành Y tế năm 2026"),
        sections=[
            _purpose_section("Nâng cao trình độ chuyên môn, kỹ năng quản lý của công chức, viên chức."),
            sec("Nội dung thực hiện",
                num("Cử viên chức đi đào tạo chuyên khoa I, chuyên khoa II.", duty=Duty(lead="tccb")),
                num("Bồi dưỡng kiến thức quản lý bệnh viện cho lãnh đạo các đơn vị.")),
        ],
        steps=[
            Step("submit", "tccb.chuyenvien"),
            Step("return", "tccb.truongphong",
                 "Bổ sung chỉ tiêu số lượng học viên theo từng đơn vị và dự toán kinh phí."),
        ],
    ),
    DemoPlan(
        key="demo-approved",
        author="nvy.chuyenvien",
        owner="nvy",
        issuers=["syt"],
        header=_header("Tiêm chủng mở rộng năm 2026"),
        sections=[
            _purpose_section("Duy trì tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi trên 95%."),
            sec("Nội dung thực hiện",
                num("Tổ chức tiêm chủng thường xuyên hằng tháng tại các trạm y tế xã.",
                    duty=Duty(lead="ttkscb", support=("ttyt-binhson", "ttyt-sontinh", "ttyt-lyson"),
                              recurrence=Recurrence.MONTHLY, output="Tỷ lệ tiêm chủng đầy đủ trên 95%"))),
        ],
        steps=[Step("submit", "nvy.chuyenvien"), Step("approve", "giamdoc")],
    ),
    DemoPlan(
        key="demo-implementation",
        author="nvy.chuyenvien",
        owner="nvy",
        issuers=["syt"],
        header=_header("Truyền thông, giáo dục sức khỏe năm 2026"),
        legal_bases=[basis("Quyết định", "1234/QĐ-BYT", dt.date(2025, 12, 20), "Bộ trưởng Bộ Y tế",
                           "về việc ban hành Kế hoạch truyền thông y tế năm 2026")],
        sections=[
            _purpose_section("Nâng cao hiểu biết của người dân về phòng bệnh và chăm sóc sức khỏe."),
            sec("Nội dung thực hiện",
                num("Sản xuất và phát sóng chuyên mục sức khỏe trên Đài Phát thanh - Truyền hình tỉnh.",
                    duty=Duty(lead="ttkscb", recurrence=Recurrence.QUARTERLY,
                              output="Báo cáo quý kết quả truyền thông")),
                num("Truyền thông tại cộng đồng qua trạm y tế xã.",
                    duty=Duty(lead="ttyt-binhson", support=("tyt-binhhiep", "tyt-binhchanh"),
                              recurrence=Recurrence.SIX_MONTHLY)),
                num("Truyền thông trong bệnh viện về quyền và nghĩa vụ của người bệnh.",
                    duty=Duty(lead="bvdk", due=dt.date(2026, 12, 15), output="Báo cáo năm"))),
        ],
        recipients=[("Bộ Y tế", RecipientPurpose.REPORT), ("UBND tỉnh", RecipientPurpose.REPORT),
                    ("Các đơn vị trực thuộc Sở", RecipientPurpose.IMPLEMENT), ("VT, NVY", RecipientPurpose.ARCHIVE)],
        steps=[Step("submit", "nvy.chuyenvien"), Step("approve", "phogiamdoc"),
               Step("issue", "phogiamdoc", on=dt.date(2026, 1, 15)), Step("start", "nvy.chuyenvien")],
    ),
]
