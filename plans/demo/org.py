"""The demo department: Sở Y tế Quảng Ngãi, its rooms, facilities, partner bodies and users."""

from plans.choices import Role, UnitKind

PASSWORD = "Syt@2026"
PROVINCE_BODY = "UBND TỈNH QUẢNG NGÃI"
SYT_BODY = "SỞ Y TẾ QUẢNG NGÃI"

# code, name, short name, abbreviation, kind, parent code, governing body, is party body
UNITS = [
    ("syt", "Sở Y tế", "Sở Y tế", "SYT", UnitKind.DEPARTMENT, None, PROVINCE_BODY, False),
    ("vps", "Văn phòng Sở", "Văn phòng Sở", "VPS", UnitKind.ROOM, "syt", "", False),
    ("ttra", "Thanh tra Sở", "Thanh tra Sở", "TTr", UnitKind.ROOM, "syt", "", False),
    ("tccb", "Phòng Tổ chức cán bộ", "Phòng TCCB", "TCCB", UnitKind.ROOM, "syt", "", False),
    ("nvy", "Phòng Nghiệp vụ Y", "Phòng NVY", "NVY", UnitKind.ROOM, "syt", "", False),
    ("khtc", "Phòng Kế hoạch - Tài chính", "Phòng KH-TC", "KHTC", UnitKind.ROOM, "syt", "", False),
    ("nvd", "Phòng Nghiệp vụ Dược", "Phòng NVD", "NVD", UnitKind.ROOM, "syt", "", False),
    ("ttkscb", "Trung tâm Kiểm soát bệnh tật", "CDC", "TTKSBT", UnitKind.FACILITY, "syt", SYT_BODY, False),
    ("bvdk", "Bệnh viện Đa khoa tỉnh", "BVĐK tỉnh", "BVĐK", UnitKind.FACILITY, "syt", SYT_BODY, False),
    ("ttyt-binhson", "Trung tâm Y tế huyện Bình Sơn", "TTYT Bình Sơn", "TTYTBS", UnitKind.FACILITY, "syt",
     SYT_BODY, False),
    ("ttyt-sontinh", "Trung tâm Y tế huyện Sơn Tịnh", "TTYT Sơn Tịnh", "TTYTST", UnitKind.FACILITY, "syt",
     SYT_BODY, False),
    ("ttyt-lyson", "Trung tâm Y tế huyện Lý Sơn", "TTYT Lý Sơn", "TTYTLS", UnitKind.FACILITY, "syt",
     SYT_BODY, False),
    ("tyt-binhhiep", "Trạm Y tế xã Bình Hiệp", "TYT Bình Hiệp", "TYTBH", UnitKind.FACILITY, "ttyt-binhson",
     "TRUNG TÂM Y TẾ HUYỆN BÌNH SƠN", False),
    ("tyt-binhchanh", "Trạm Y tế xã Bình Chánh", "TYT Bình Chánh", "TYTBC", UnitKind.FACILITY, "ttyt-binhson",
     "TRUNG TÂM Y TẾ HUYỆN BÌNH SƠN", False),
    ("bdvtu", "Ban Dân vận Tỉnh ủy", "BDVTU", "BDVTU", UnitKind.PARTNER, None, "TỈNH ỦY QUẢNG NGÃI", True),
    ("cdyt", "Công đoàn ngành Y tế", "Công đoàn ngành Y tế", "CĐYT", UnitKind.PARTNER, None,
     "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI", False),
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ tỉnh", "MTTQ", UnitKind.PARTNER, None, "", False),
]

# username, full name (family name first, as Vietnamese write it), unit code, roles, position
USERS = [
    ("nvy.chuyenvien", "Nguyễn Thị Lan", "nvy", [Role.AUTHOR], "Chuyên viên Phòng Nghiệp vụ Y"),
    ("nvy.truongphong", "Trần Văn Hùng", "nvy", [Role.REVIEWER], "Trưởng phòng Nghiệp vụ Y"),
    ("tccb.chuyenvien", "Lê Thị Hoa", "tccb", [Role.AUTHOR], "Chuyên viên Phòng Tổ chức cán bộ"),
    ("tccb.truongphong", "Phạm Minh Tuấn", "tccb", [Role.REVIEWER], "Trưởng phòng Tổ chức cán bộ"),
    ("ttra.chuyenvien", "Võ Thị Thu Hà", "ttra", [Role.AUTHOR], "Thanh tra viên"),
    ("ttra.chanhthanhtra", "Đỗ Ngọc Sơn", "ttra", [Role.REVIEWER], "Chánh Thanh tra Sở"),
    ("giamdoc", "Đặng Văn Bình", "syt", [Role.APPROVER], "Giám đốc Sở Y tế"),
    ("phogiamdoc", "Huỳnh Thị Mai", "syt", [Role.APPROVER], "Phó Giám đốc Sở Y tế"),
    ("cdc.giamdoc", "Nguyễn Văn Phúc", "ttkscb", [Role.UNIT_HEAD], "Giám đốc Trung tâm Kiểm soát bệnh tật"),
    ("bvdk.giamdoc", "Bùi Quốc Khánh", "bvdk", [Role.UNIT_HEAD], "Giám đốc Bệnh viện Đa khoa tỉnh"),
    ("ttyt-binhson.giamdoc", "Trương Công Dũng", "ttyt-binhson", [Role.UNIT_HEAD],
     "Giám đốc Trung tâm Y tế huyện Bình Sơn"),
    ("bdv.chuyenvien", "Phan Thị Nga", "bdvtu", [Role.AUTHOR],
     "Chuyên viên Phòng Dân vận Chính quyền và Đoàn thể"),
    ("quantri", "Lý Minh Quang", "syt", [Role.ADMIN], "Quản trị hệ thống"),
]
ADMINS = {"quantri"}
