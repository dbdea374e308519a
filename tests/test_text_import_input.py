"""Text and web-page import of what users really have: other encodings, saved pages, tables
given by another importer, odd numbers — and hostile input, which ends in a report or a clear
error, never a crash or a hang."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gipr_desktop.cli import main
from gipr_desktop.core.schema import CellRef, get_format
from gipr_desktop.io import project
from gipr_desktop.io.errors import ImportResult, ReadError
from gipr_desktop.io.registry import read_report
from gipr_desktop.io.text_import import parse_report_text
from gipr_desktop.io.text_import.recognise import MAX_CHARS

SEED_2021 = "001_39a3bb303739f26f.txt"
SEED_NONZERO = "003_3b6d8eb9ad11ab1a.txt"
NEW_TOTAL = CellRef("applications", "new", "total")
APPLICANT_COLUMNS = [c.id for c in get_format("2021").table("applications").row("new").columns]


def _seed(seeds_dir, name=SEED_NONZERO) -> str:
    return (seeds_dir / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16"])
def test_encodings_are_detected(seeds_dir, tmp_path, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(_seed(seeds_dir).encode(encoding))
    result = read_report(path)
    assert result.report.unit == "岭东区人民政府"
    assert result.report.get(NEW_TOTAL) == 2


def test_binary_junk_and_huge_files_are_refused_clearly(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ReadError, match="不是文本文件"):
        read_report(junk)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (5 * 1024 * 1024))
    with pytest.raises(ReadError, match="太大"):
        read_report(huge)
    with pytest.raises(ReadError, match="太长"):
        parse_report_text("字" * (MAX_CHARS + 1))


def test_empty_text_gives_an_empty_report_that_says_so():
    result = parse_report_text("")
    assert result.report.cells == {}
    messages = " ".join(note.message for note in result.notes)
    assert "未找到标题中的机关名称" in messages and "未找到表「收到和处理政府信息公开申请情况」" in messages


def _html_page(seed_text: str) -> str:
    """A saved web page as government sites publish it: the text in paragraphs, the tables as
    <table>s, built here from a seed's tab-separated tables."""
    parts = ["<html><head><meta charset='utf-8'><style>p{}</style><script>var x='一、总体情况';</script></head><body>"]
    table: list[str] = []
    for line in seed_text.splitlines():
        if "\t" in line:
            table.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in line.split("\t")) + "</tr>")
            continue
        if table:
            parts.append("<table border=1>" + "".join(table) + "</table>")
            table = []
        if line.strip():
            parts.append(f"<p>{line}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def test_a_saved_web_page_reads_text_and_tables(seeds_dir, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(_html_page(_seed(seeds_dir, SEED_2021)), encoding="utf-8")
    result = read_report(path)
    report = result.report
    assert (report.format, report.unit, report.year) == ("2021", "荷花路街道办事处", 2023)
    assert report.get(CellRef("applications", "handled_total", "total")) == 0
    assert report.get(CellRef("review_litigation", "suit_after_review", "total")) == 0
    assert report.get(CellRef("active", "fees", "amount")) == Decimal(0)
    assert all(report.sections[s].strip() for s in "156")
    assert "var x" not in report.sections["1"] and "<td>" not in report.sections["1"]


def test_a_gbk_web_page_with_its_charset_declared(tmp_path):
    page = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body><p>某某街道办事处2023年政府信息公开工作年度报告</p></body></html>"
    path = tmp_path / "report.htm"
    path.write_bytes(page.encode("gb18030"))
    assert read_report(path).report.unit == "某某街道办事处"


def test_given_tables_are_preferred_to_the_text():
    """What the Word and PDF importers pass: the text, and tables whose cells are known."""
    row = ["一、本年新收政府信息公开申请数量", "5", "1", "", "0", "0", "0", "6"]
    text = "某局2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 9 9 9 9 9 9 54\n"
    result = parse_report_text(text, tables=[[["申请人情况"], row]], source="某局.docx")
    values = [result.report.get(CellRef("applications", "new", c)) for c in APPLICANT_COLUMNS]
    assert values == [5, 1, None, 0, 0, 0, 6]
    assert any("原文空白 1 栏（科研机构）" in note.message and note.row == "new" for note in result.notes)


def test_placeholders_read_as_zero_and_said():
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t—\t-\t/\t无\t0\t０\t—\n"
    result = parse_report_text(text)
    assert [result.report.get(CellRef("applications", "new", c)) for c in APPLICANT_COLUMNS] == [0] * 7
    assert any("按 0 读取" in note.message for note in result.notes)


def test_fullwidth_digits_and_thousands_separators():
    text = "二、主动公开政府信息情况\n行政许可\t５１７,６４５\n行政事业性收费\t4,068.208\n"
    report = parse_report_text(text).report
    assert report.get(CellRef("active", "licensing", "decisions")) == 517645
    assert report.get(CellRef("active", "fees", "amount")) == Decimal("4068.208")


def test_a_missing_number_leaves_its_row_empty_and_never_shifts_the_next():
    text = ("三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 3 0 0 0 0 3\n"  # one number missing
            "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n")
    result = parse_report_text(text)
    assert result.report.get(NEW_TOTAL) is None
    assert [result.report.get(CellRef("applications", "carried_over", c)) for c in APPLICANT_COLUMNS] == [1, 0, 0, 0, 0, 0, 1]
    assert any("本年新收" in note.message and "本行留空" in note.message for note in result.notes)


def test_an_unsplittable_glued_run_is_refused_not_guessed():
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量12345\n"
    result = parse_report_text(text)
    assert result.report.get(NEW_TOTAL) is None
    assert any("12345" in note.message and "留空" in note.message for note in result.notes)


def test_a_glued_row_of_one_digit_a_cell_that_does_not_add_up_is_read_as_printed_and_said():
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量2000001\n"
    result = parse_report_text(text)
    assert [result.report.get(CellRef("applications", "new", c)) for c in APPLICANT_COLUMNS] == [2, 0, 0, 0, 0, 0, 1]
    assert any("2000001" in note.message and "与总计不符" in note.message for note in result.notes)


@pytest.mark.parametrize("run", ["5500010", "1000010"])
def test_a_glued_row_that_adds_up_with_cells_printed_blank_is_not_read_one_digit_a_cell(run):
    """「5500010」 is 5 5 0 0 0 1 0, which does not add up, or 5 5 (blank) 0 0 0 10, which does;
    「1000010」 adds up as 10 (blank) (blank) 0 0 0 10: the page may have dropped blank cells, so
    the row stays empty and is named."""
    text = f"三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量{run}\n"
    result = parse_report_text(text)
    assert all(result.report.get(CellRef("applications", "new", c)) is None for c in APPLICANT_COLUMNS)
    assert any(run in note.message and "留空" in note.message for note in result.notes)


@pytest.mark.parametrize("closed, read", [(" |", True), ("｜", True), ("", False)])
def test_a_row_of_cells_each_closed_by_a_bar_is_read_as_printed_though_it_does_not_add_up(closed, read):
    """Some copies of a web page print each table cell on a line of its own closed by 「|」
    (「5 |」), a row opening with a line of 「|」: every number then stands in a cell of its own,
    and 平潭 海坛片区 2024's 总计 of 0 beside 5 and 1 is read as printed (the checks say it is
    wrong). Without the bars a number alone on its line may be any cell, and the row stays empty."""
    cells = "\n".join(f"{n}{closed}" for n in (5, 1, 0, 0, 0, 0, 0))
    text = f"三、收到和处理政府信息公开申请情况\n|\n一、本年新收政府信息公开申请数量{closed}\n{cells}\n|\n"
    values = [parse_report_text(text).report.get(CellRef("applications", "new", c)) for c in APPLICANT_COLUMNS]
    assert values == ([5, 1, 0, 0, 0, 0, 0] if read else [None] * 7)


@pytest.mark.parametrize("blank", ["|", "\xa0|", "\u3000 ｜"])
@pytest.mark.parametrize("blank_at", range(7))
def test_a_cell_printed_blank_as_a_bare_bar_stays_empty_and_the_others_keep_their_columns(blank_at, blank):
    """A copy that prints each cell on a line closed by 「|」 prints an empty cell as a bare 「|」
    (after the page's &nbsp; as a browser copies it, U+00A0), and pads a row to the table's width
    with a line of bars (the 003 seed's 「||」): the bare bar is the blank cell, named, and no
    number moves into its column."""
    numbers = [3, 1, 2, 4, 5, 6]
    numbers.insert(blank_at, None)
    if blank_at != 6:
        numbers[6] = sum(n for n in numbers[:6] if n is not None)
    cells = "\n".join(blank if n is None else f"{n} |" for n in numbers)
    text = f"三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 |\n{cells}\n||\n二、上年结转政府信息公开申请数量 |\n"
    result = parse_report_text(text)
    assert [result.report.get(CellRef("applications", "new", c)) for c in APPLICANT_COLUMNS] == numbers
    assert any("原文空白 1 栏" in note.message for note in result.notes)


def test_character_references_a_page_copy_kept_are_read_as_their_characters(seeds_dir):
    """A page turned into text by a tool that leaves HTML's character references in (「&nbsp;」 in a
    blank cell, 「&ldquo;」 around a quoted label, 「&#48;」): each is read as the character it stands
    for, and said; a bare 「&」 and a reference without its 「;」 stay as printed."""
    text = _seed(seeds_dir)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "上年结转" in line)
    lines[at + 3] = "&nbsp; |"  # 科研机构 printed blank
    lines[at + 2] = "&#48; |"
    text = "\n".join(lines).replace("“三安全一稳定”", "&ldquo;三安全一稳定&rdquo;")
    text = text.replace("一、总体情况", "一、总体情况\nR&D 与 &copy 照原样", 1)
    result = parse_report_text(text)
    values = [result.report.get(CellRef("applications", "carried_over", c)) for c in APPLICANT_COLUMNS]
    assert values == [0, 0, None, 0, 0, 0, 0]
    assert result.report.get(CellRef("applications", "withheld_security", "total")) == 0
    assert "R&D 与 &copy 照原样" in result.report.sections["1"]
    assert any("&nbsp;" in note.message and "字符" in note.message for note in result.notes)


def test_a_bar_padding_a_barred_row_is_no_cell():
    """The 003 seed's rows end in a line of as many bars as the row has fewer cells than the
    table's grid (「|」 after （一）予以公开, whose group label spans the row): all seven numbers are read."""
    cells = "\n".join(f"{n} |" for n in (5, 1, 0, 0, 0, 0, 6))
    text = f"三、收到和处理政府信息公开申请情况\n三、本年度办理结果 |\n（一）予以公开 |\n{cells}\n|\n（二）部分公开 |\n"
    values = [parse_report_text(text).report.get(CellRef("applications", "disclosed", c)) for c in APPLICANT_COLUMNS]
    assert values == [5, 1, 0, 0, 0, 0, 6]


def test_convert_prints_the_import_notes(seeds_dir, tmp_path, capsys):
    out = tmp_path / "out.gipr"
    assert main(["convert", str(seeds_dir / SEED_NONZERO), str(out)]) == 0
    printed = capsys.readouterr().out
    assert "导入说明" in printed and "未找到表「主动公开政府信息情况」" in printed
    assert project.read(out).report.get(NEW_TOTAL) == 2


_MANGLERS = st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate"])


def _mangle(text: str, data) -> str:
    for _ in range(data.draw(st.integers(1, 6))):
        if not text:
            break
        kind = data.draw(_MANGLERS)
        at = data.draw(st.integers(0, len(text) - 1))
        size = data.draw(st.integers(1, 400))
        if kind == "delete":
            text = text[:at] + text[at + size:]
        elif kind == "duplicate":
            text = text[:at] + text[at:at + size] * data.draw(st.integers(2, 30)) + text[at:]
        elif kind == "insert":
            junk = data.draw(st.text(alphabet=st.sampled_from("0123456789０１２\t|| \n—-/无.,（）一二三四五六、总计其他"), max_size=80))
            text = text[:at] + junk + text[at:]
        elif kind == "swap":
            other = data.draw(st.integers(0, len(text) - 1))
            text = text[:at] + text[other:other + size] + text[at + size:]
        else:
            text = text[:at]
    return text


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_mangled_seeds_never_crash_or_hang(seeds_dir, data):
    name = data.draw(st.sampled_from(sorted(p.name for p in seeds_dir.glob("*.txt"))))
    text = _mangle(_seed(seeds_dir, name), data)
    if data.draw(st.booleans()):
        text = text.replace("\n", "")  # flattened onto one line, as some pages are
    result = parse_report_text(text)
    assert isinstance(result, ImportResult)
    for ref, value in result.report.cells.items():
        assert result.report.schema.has_cell(ref)
        assert value >= 0 or result.report.schema.column(ref).kind == "signed"


@settings(max_examples=40, deadline=2000)
@given(raw=st.binary(max_size=3000))
def test_random_bytes_end_in_a_report_or_a_clear_error(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("junk") / "x.txt"
    path.write_bytes(raw)
    try:
        assert isinstance(read_report(path), ImportResult)
    except ReadError as exc:
        assert str(exc)


@settings(max_examples=40, deadline=2000)
@given(markup=st.text(alphabet=st.sampled_from(list("<>/=\"' tabler dh colspan 0123456789三、总计行政许可\n")), max_size=600))
def test_broken_markup_never_crashes(tmp_path_factory, markup):
    path = tmp_path_factory.mktemp("page") / "x.html"
    path.write_text(markup, encoding="utf-8")
    assert isinstance(read_report(path), ImportResult)


def test_a_grid_column_that_only_merged_cells_cover_is_no_blank_cell():
    """Word tables (and .doc files converted to .docx) can have a grid column no printed cell
    starts in (here under 行政复议·总计, which spans two); its empty strings are not blanks and
    must not push the numbers aside."""
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    grid = [
        ["行政复议", "", "", "", "", "", "行政诉讼"] + [""] * 9,
        ["", "", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        results + [""] + results + results,
        ["2", "1", "0", "0", "3", "", "1", "0", "0", "0", "1", "0", "0", "0", "4", "4"],
    ]
    text = "某局2024年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
    result = parse_report_text(text, tables=[grid])
    got = [[result.report.get(CellRef("review_litigation", row, c)) for c in ("upheld", "corrected", "other", "pending", "total")]
           for row in ("review", "direct_suit", "suit_after_review")]
    assert got == [[2, 1, 0, 0, 3], [1, 0, 0, 0, 1], [0, 0, 0, 4, 4]]
    assert not any("原文空白" in note.message for note in result.notes)
