"""The items of Thông tư 05/2021/TT-BYT a unit checks each year (seed 004, II.4), in the circular's order.

Internal democracy: what the head must make public (Art. 4) and how (Art. 5); what staff give opinions on
(Art. 6) and how (Art. 7); what staff supervise (Art. 8) and how (Art. 9). Democracy towards patients and
their legal representatives: what they are informed of in time and publicly (Art. 10) and how (Art. 11);
what they give opinions on and supervise (Art. 12) and how (Art. 13).
"""

from __future__ import annotations

ITEMS: list[tuple[str, str, str]] = [
    ("d4", "Điều 4", "Những nội dung người đứng đầu đơn vị phải công khai"),
    ("d5", "Điều 5", "Hình thức công khai trong nội bộ đơn vị"),
    ("d6", "Điều 6", "Những nội dung viên chức, người lao động tham gia ý kiến"),
    ("d7", "Điều 7", "Hình thức viên chức, người lao động tham gia ý kiến"),
    ("d8", "Điều 8", "Những việc viên chức, người lao động được quyền giám sát"),
    ("d9", "Điều 9", "Hình thức viên chức, người lao động giám sát"),
    ("d10", "Điều 10", "Những việc phải thông tin kịp thời và công khai cho người bệnh, người đại diện hợp pháp"),
    ("d11", "Điều 11", "Hình thức thông tin, công khai cho người bệnh"),
    ("d12", "Điều 12", "Những việc người bệnh, người đại diện hợp pháp tham gia ý kiến, giám sát"),
    ("d13", "Điều 13", "Hình thức người bệnh, người đại diện hợp pháp tham gia ý kiến, giám sát"),
]
LABELS = {code: f"{article}: {text}" for code, article, text in ITEMS}
