"""A batch of real files: the seeds in every format this program exports, the 淮安 PDF and a damaged
file, read on worker processes, reviewed, written as the review workbook and the per-body 审核意见,
and the two commands as a script would use them."""

import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from gipr_desktop.cli import main
from gipr_desktop.core.aggregate import aggregate
from gipr_desktop.core.batch import DUPLICATE, MISSING_NOW, ODD_FORMAT, in_report_order, sort_rows
from gipr_desktop.core.checks import check
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io import isolated, project, xlsx_reader, xlsx_values
from gipr_desktop.io.batch_read import ReadingPool, read_row, report_files
from gipr_desktop.io.batch_run import run_batch
from gipr_desktop.io.feedback import feedback_text, write_feedback_files
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.io.review_workbook import (
    AGGREGATE_NOTES_SHEET, COMPARISON_SHEET, FINDINGS_SHEET, ISSUES_SHEET, LEVEL_SHEET, SUMMARY_SHEET, Review,
    aggregate_sheet_name, write,
)

from tests.batch_helpers import dying_reader, hanging_reader
from tests.helpers import zero_report

EXPORTED = (".gipr", ".xlsx", ".docx", ".txt", ".html")
DAMAGED = "损坏的报告.xlsx"


@pytest.fixture(scope="module")
def seed_reports(seeds_dir):
    return {path.stem: read_report(path).report for path in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="module")
def batch_folder(tmp_path_factory, seed_reports, shared_fixtures_dir):
    folder = tmp_path_factory.mktemp("batch")
    for stem, report in seed_reports.items():
        for ext in EXPORTED:
            write_report(report, folder / f"{stem}{ext}")
    (folder / "huaian-city-2024.pdf").symlink_to(shared_fixtures_dir / "huaian-city-2024.pdf")
    (folder / DAMAGED).write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    (folder / "说明.rtf").write_text("不是报告", encoding="utf-8")  # not a readable type: not taken from a folder
    return folder


@pytest.fixture(scope="module")
def pool():
    with ReadingPool() as shared:
        yield shared


@pytest.fixture(scope="module")
def batch(batch_folder, pool):
    return run_batch([batch_folder], keep_cells=True, pool=pool)


def _by_file(result):
    return {row.file_name: row for row in result.rows}


def test_every_report_in_the_folder_is_a_row_and_the_damaged_one_says_why(batch, seed_reports):
    rows = _by_file(batch)
    assert len(rows) == len(seed_reports) * len(EXPORTED) + 2
    assert "说明.rtf" not in rows
    damaged = rows[DAMAGED]
    assert damaged.status == "未读取" and DAMAGED in damaged.message and "Excel" in damaged.message
    huaian = rows["huaian-city-2024.pdf"]
    assert huaian.readable and huaian.unit == "淮安市人民政府" and huaian.level == "政府"


def test_a_report_reads_the_same_in_every_format_it_was_exported_to(batch, seed_reports):
    rows = _by_file(batch)
    for stem, report in seed_reports.items():
        expected = check(report)
        for ext in EXPORTED:
            row = rows[f"{stem}{ext}"]
            assert (row.unit, row.year, row.format) == (report.unit, report.year, report.format), row.file_name
            assert row.cells == report.cells, row.file_name
            assert sorted(f.rule for f in row.findings) == sorted(f.rule for f in expected), row.file_name


def test_the_batch_flags_the_bodies_reporting_in_several_files_and_the_odd_format(batch, seed_reports):
    rows = _by_file(batch)
    stem = next(iter(seed_reports))
    assert DUPLICATE in rows[f"{stem}.xlsx"].flags
    odd = [row for row in batch.rows if ODD_FORMAT in row.flags]
    assert odd and all(row.format == "2019" for row in odd)
    assert batch.aggregate is None and "格式" in batch.aggregate_refused  # the seeds mix both formats


def test_the_fast_xlsx_reading_gives_what_openpyxl_gives(batch_folder, seed_reports, monkeypatch):
    monkeypatch.setattr(isolated, "_isolated_here", True)  # as in a batch worker: calamine runs here
    for stem in seed_reports:
        path = batch_folder / f"{stem}.xlsx"
        fast, slow = xlsx_values.read(path), xlsx_reader.read(path)
        assert fast.report == slow.report, stem
        assert fast.notes == slow.notes, stem


def test_a_workbook_with_formulas_is_read_by_openpyxl(tmp_path):
    hand_filled = Path(__file__).parent / "data" / "hand-filled-libreoffice.xlsx"
    assert xlsx_values.has_formulas(hand_filled)
    assert xlsx_values.read(hand_filled).report == xlsx_reader.read(hand_filled).report


def test_a_worker_killed_by_a_file_is_replaced_and_the_batch_goes_on(tmp_path):
    report = zero_report()
    for name in ("a.gipr", "crash.gipr", "b.gipr", "crash2.gipr", "c.gipr"):
        report.unit = f"{name}街道办事处"
        project.write(report, tmp_path / name)
    with ReadingPool(workers=2, read=dying_reader) as pool:
        rows = dict(pool.rows(sorted(tmp_path.iterdir())))
    names = {Path(row.path).name: row for row in rows.values()}
    assert len(names) == 5
    for crashed in ("crash.gipr", "crash2.gipr"):
        assert names[crashed].status == "未读取" and "异常退出" in names[crashed].message
    assert all(names[n].status == "通过" for n in ("a.gipr", "b.gipr", "c.gipr"))


def test_a_file_that_hangs_its_worker_is_stopped(tmp_path):
    project.write(zero_report(), tmp_path / "slow.gipr")
    project.write(zero_report(), tmp_path / "fine.gipr")
    with ReadingPool(workers=1, timeout=2, read=hanging_reader) as pool:
        rows = {Path(row.path).name: row for _, row in pool.rows(sorted(tmp_path.iterdir()))}
    assert "超过 2 秒" in rows["slow.gipr"].message
    assert rows["fine.gipr"].status == "通过"


def test_progress_is_reported_and_a_stopped_batch_says_what_it_did_not_read(tmp_path, pool):
    for i in range(6):
        project.write(zero_report(), tmp_path / f"{i}.gipr")
    seen = []
    result = run_batch([tmp_path], progress=lambda done, total: seen.append((done, total)),
                       should_stop=lambda: len(seen) >= 2, pool=pool)
    assert seen[0] == (1, 6) and len(seen) < 6
    assert any(row.message == "已停止，未读取" for row in result.rows)
    assert len(result.rows) == 6


# --- last year -----------------------------------------------------------------------------------------


@pytest.fixture
def two_years(tmp_path):
    last, now = tmp_path / "2023", tmp_path / "2024"
    last.mkdir()
    now.mkdir()
    for unit, carry_forward in (("岭东区教育局", 5), ("岭东区中心街道办事处", 2), ("岭东区东风镇人民政府", 0)):
        report = zero_report(year=2023)
        report.unit = unit
        report.set(CellRef("applications", "carry_forward", "natural_person"), carry_forward)
        report.set(CellRef("applications", "carry_forward", "total"), carry_forward)
        report.set(CellRef("applications", "new", "natural_person"), carry_forward)
        report.set(CellRef("applications", "new", "total"), carry_forward)
        report.set(CellRef("applications", "handled_total", "natural_person"), 0)
        write_report(report, last / f"{unit}.gipr")
    education = zero_report(year=2024)
    education.unit = "岭东区 教育局"  # spaced differently this year
    education.set(CellRef("applications", "carried_over", "natural_person"), 5)
    education.set(CellRef("applications", "carried_over", "total"), 5)
    education.set(CellRef("applications", "new", "natural_person"), 5)
    education.set(CellRef("applications", "new", "total"), 5)
    education.set(CellRef("applications", "handled_total", "natural_person"), 10)
    education.set(CellRef("applications", "handled_total", "total"), 10)
    education.set(CellRef("applications", "disclosed", "natural_person"), 10)
    education.set(CellRef("applications", "disclosed", "total"), 10)
    write_report(education, now / "教育局.xlsx")
    street = zero_report(year=2024)
    street.unit = "岭东区中心街道办事处"  # carried over 0, but last year carried 2 forward: R5
    write_report(street, now / "中心街道.docx")
    return last, now


def test_last_years_reports_are_paired_by_body_checked_across_years_and_compared(two_years, pool):
    last, now = two_years
    result = run_batch([now], [last], pool=pool)
    rows = {row.file_name: row for row in result.rows}
    education, street = rows["教育局.xlsx"], rows["中心街道.docx"]
    assert education.previous_path.endswith("岭东区教育局.gipr")
    assert not [f for f in education.findings if f.rule == "R5"]
    assert education.change("new") == 0 and education.change("carried_over") == 5
    assert [f.rule for f in street.findings if f.rule == "R5"] == ["R5", "R5"]  # 自然人 and 总计
    assert street.status == "有错误"
    missing = [issue for issue in result.issues if issue.kind == MISSING_NOW]
    assert len(missing) == 1 and "东风镇" in missing[0].message


def test_a_corrected_pairing_is_used_for_the_cross_year_checks(two_years, pool):
    last, now = two_years
    wrong = last / "岭东区东风镇人民政府.gipr"  # carried forward 0: no R5 for the street with it
    assert not [f for f in read_row(now / "中心街道.docx", wrong).findings if f.rule == "R5"]
    result = run_batch([now], [last], pairings={str(now / "中心街道.docx"): str(wrong)}, pool=pool)
    street = next(row for row in result.rows if row.file_name == "中心街道.docx")
    assert street.previous_path == str(wrong) and not [f for f in street.findings if f.rule == "R5"]


# --- the review workbook and the feedback -----------------------------------------------------------------


def _sheet_rows(ws, first=4):
    return [list(row) for row in ws.iter_rows(min_row=first, values_only=True) if any(v is not None for v in row)]


def test_the_review_workbook_shows_each_body_each_finding_and_the_batch_issues(batch, tmp_path):
    path = tmp_path / "review.xlsx"
    rows = sort_rows(batch.rows)
    write(Review(rows, batch.issues, batch.aggregate, batch.aggregate_refused, excluded=batch.excluded), path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == [SUMMARY_SHEET, LEVEL_SHEET, ISSUES_SHEET, FINDINGS_SHEET]
    summary = book[SUMMARY_SHEET]
    header = [c.value for c in summary[3]]
    assert header[:10] == ["序号", "机关名称", "层级", "年度", "格式", "文件", "错误", "警告", "提示", "状态"]
    assert "本年新收" in header and "行政诉讼" in header and "收费（万元）" in header
    lines = _sheet_rows(summary)
    assert len(lines) == len(rows)
    by_file = {line[header.index("文件")]: line for line in lines}
    damaged = by_file[DAMAGED]
    assert damaged[header.index("状态")] == "未读取" and "Excel" in damaged[header.index("说明")]
    huaian = by_file["huaian-city-2024.pdf"]
    row = next(r for r in rows if r.file_name == "huaian-city-2024.pdf")
    assert huaian[header.index("机关名称")] == "淮安市人民政府"
    assert huaian[header.index("本年新收")] == row.figures["new"]
    assert huaian[header.index("警告")] == row.counts["warning"]
    assert summary.auto_filter.ref.startswith("A3:")

    findings = book[FINDINGS_SHEET]
    assert findings.auto_filter.ref and findings.auto_filter.ref.startswith("A3:")
    assert [c.value for c in findings[3]] == ["序号", "机关名称", "文件", "类别", "规则", "涉及单元格", "说明"]
    listed = _sheet_rows(findings)
    assert len(listed) == sum(len(r.findings) for r in rows) + 1  # and one line for the unreadable file
    assert any(line[2] == DAMAGED and line[3] == "无法读取" for line in listed)
    first_finding = next(r for r in rows if r.findings).findings[0]
    assert any(line[4] == first_finding.rule and line[6] == first_finding.message for line in listed)

    levels = book[LEVEL_SHEET]
    level_header = [c.value for c in levels[3]]
    by_level = {line[0]: line for line in _sheet_rows(levels)}
    governments = [r for r in rows if r.readable and r.level == "政府"]
    assert by_level["政府"][level_header.index("报告数")] == len(governments)
    assert any(r.figures["licensing"] is None for r in governments)
    assert by_level["政府"][level_header.index("行政许可")] is None  # one of them lacks it: the sum is unknown
    assert by_level["政府"][level_header.index("本年新收")] == sum(r.figures["new"] for r in governments)
    assert by_level["合计"][level_header.index("未读取")] == 1

    issues = _sheet_rows(book[ISSUES_SHEET])
    assert any(line[1] == "重复" for line in issues) and any(line[1] == "格式不符" for line in issues)
    notes = book[AGGREGATE_NOTES_SHEET]
    assert "未能汇总" in notes.cell(1, 1).value and "格式" in notes.cell(3, 2).value


def test_the_review_workbook_draws_the_aggregate_in_the_official_layout(seed_reports, tmp_path, pool):
    same_format = {stem: r for stem, r in seed_reports.items() if r.format == "2021"}
    result = run_batch([_export(tmp_path / "in", same_format)], keep_cells=True, pool=pool)
    assert result.aggregate is not None
    path = tmp_path / "review.xlsx"
    write(Review(result.rows, result.issues, result.aggregate), path)
    book = openpyxl.load_workbook(path)
    report = result.aggregate.report
    expected = aggregate([(r.unit, r) for r in same_format.values()], unit=report.unit).report
    assert report.cells == expected.cells
    for table in report.schema.tables:
        assert aggregate_sheet_name(report.schema, table) in book.sheetnames
    applications = book[aggregate_sheet_name(report.schema, report.schema.table("applications"))]
    assert report.title in applications.cell(1, 1).value
    total = expected.cells[CellRef("applications", "new", "total")]
    assert total in [c.value for row in applications.iter_rows() for c in row]  # the sum, where it belongs
    notes = book[AGGREGATE_NOTES_SHEET]
    texts = [c.value for row in notes.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(r.unit in texts for r in same_format.values())


def _export(folder, reports, ext=".gipr"):
    folder.mkdir(parents=True, exist_ok=True)
    for stem, report in reports.items():
        write_report(report, folder / f"{stem}{ext}")
    return folder


def test_the_comparison_sheet_is_written_when_last_year_is_given(two_years, tmp_path, pool):
    last, now = two_years
    result = run_batch([now], [last], pool=pool)
    path = tmp_path / "review.xlsx"
    write(Review(result.rows, result.issues, result.aggregate, compared=True), path)
    sheet = openpyxl.load_workbook(path)[COMPARISON_SHEET]
    header = [c.value for c in sheet[3]]
    line = next(l for l in _sheet_rows(sheet) if l[header.index("本年文件")] == "教育局.xlsx")
    assert line[header.index("上年文件")] == "岭东区教育局.gipr"
    assert line[header.index("上年结转·本年")] == 5 and line[header.index("上年结转·上年")] == 0
    assert line[header.index("上年结转·增减")] == 5


def test_each_body_gets_its_findings_in_the_order_of_the_report(batch, tmp_path):
    rows = sort_rows(batch.rows)
    written = write_feedback_files(rows, tmp_path / "意见", ".docx")
    assert len(written) == len(rows) == len(set(written))
    row = next(r for r in rows if len(r.findings) >= 2)
    document = docx.Document(written[rows.index(row)])
    text = "\n".join(p.text for p in document.paragraphs)
    assert row.unit in document.paragraphs[0].text and "审核意见" in document.paragraphs[0].text
    ordered = in_report_order(row.findings, row.format)
    assert [text.index(f.message) for f in ordered] == sorted(text.index(f.message) for f in ordered)
    damaged = next(r for r in rows if not r.readable)
    assert "无法读取" in feedback_text(damaged) and damaged.file_name in feedback_text(damaged)
    txt = write_feedback_files([row], tmp_path / "txt", ".txt")[0]
    assert txt.read_text(encoding="utf-8").startswith(f"关于《{row.unit}")


# --- the commands -------------------------------------------------------------------------------------


def test_gipr_batch_prints_a_line_per_body_and_exits_2_when_a_file_is_unreadable(batch_folder, tmp_path, capsys):
    out = tmp_path / "审核结果.xlsx"
    assert main(["batch", str(batch_folder), "--out", str(out), "--feedback", str(tmp_path / "fb")]) == 2
    printed = capsys.readouterr().out.splitlines()
    files = report_files([batch_folder])
    for path in files:
        assert sum(1 for line in printed if line.rstrip().endswith(path.name) or f"{path.name}  [" in line
                   or line.startswith(f"未读取  {path.name}")) == 1, path.name
    assert out.exists() and len(list((tmp_path / "fb").iterdir())) == len(files)
    assert printed[-1].startswith(f"共 {len(files)} 份报告")


def test_gipr_batch_exit_codes_0_and_1(tmp_path, capsys):
    clean = zero_report()
    project.write(clean, tmp_path / "clean.gipr")
    assert main(["batch", str(tmp_path / "clean.gipr"), "--out", str(tmp_path / "r.xlsx")]) == 0
    broken = zero_report()
    broken.unit = "另一街道办事处"
    broken.set(CellRef("review_litigation", "review", "upheld"), 2)
    project.write(broken, tmp_path / "broken.gipr")
    assert main(["batch", str(tmp_path / "clean.gipr"), str(tmp_path / "broken.gipr"), "--out", str(tmp_path / "r.xlsx")]) == 1
    assert "有错误  另一街道办事处" in capsys.readouterr().out


def test_gipr_aggregate_refuses_mixed_formats_and_writes_nothing(tmp_path, capsys):
    project.write(zero_report("2021"), tmp_path / "甲.gipr")
    other = zero_report("2019", 2020)
    other.unit = "乙街道办事处"
    write_report(other, tmp_path / "乙.xlsx")
    out = tmp_path / "district.gipr"
    assert main(["aggregate", str(tmp_path / "甲.gipr"), str(tmp_path / "乙.xlsx"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "格式" in err and "乙.xlsx" in err
    assert not out.exists()


def test_gipr_aggregate_writes_the_district_report_with_its_bodies(tmp_path, capsys):
    for unit in ("岭东区教育局", "岭东区中心街道办事处"):
        report = zero_report()
        report.unit = unit
        report.set(CellRef("applications", "new", "natural_person"), 3)
        report.set(CellRef("applications", "new", "total"), 3)
        report.set(CellRef("applications", "carry_forward", "natural_person"), 3)
        report.set(CellRef("applications", "carry_forward", "total"), 3)
        write_report(report, tmp_path / f"{unit}.docx")
    out = tmp_path / "岭东区汇总.gipr"
    assert main(["aggregate", *(str(p) for p in sorted(tmp_path.glob("*.docx"))), "--out", str(out)]) == 0
    report = read_report(out).report
    assert report.unit == "岭东区汇总" and sorted(report.aggregate_of) == ["岭东区中心街道办事处", "岭东区教育局"]
    assert report.cells[CellRef("applications", "new", "total")] == 6
    assert "汇总 2 个机关" in capsys.readouterr().out


def test_gipr_aggregate_refuses_an_unreadable_file(tmp_path, capsys):
    project.write(zero_report(), tmp_path / "甲.gipr")
    (tmp_path / "乙.gipr").write_text("{", encoding="utf-8")
    out = tmp_path / "d.gipr"
    assert main(["aggregate", str(tmp_path), "--out", str(out)]) == 2
    assert "乙.gipr" in capsys.readouterr().err and not out.exists()


def test_the_review_workbook_is_written_where_numpy_and_pandas_are_not_installed(tmp_path):
    """The installed program leaves numpy and pandas out: 导出审核工作簿 must work there too."""
    project.write(zero_report(), tmp_path / "甲.gipr")
    code = ("import sys\n"
            "sys.modules['pandas'] = None\nsys.modules['numpy'] = None  # an import of either fails\n"
            "from gipr_desktop.cli import main\n"
            f"sys.exit(main(['batch', {str(tmp_path / '甲.gipr')!r}, '--out', {str(tmp_path / 'r.xlsx')!r}]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert "汇总表" in openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames


def test_workers_replaced_after_their_share_of_files_read_on(tmp_path):
    for i in range(5):
        report = zero_report()
        report.unit = f"第{i}街道办事处"
        project.write(report, tmp_path / f"{i}.gipr")
    files = sorted(tmp_path.iterdir())
    with ReadingPool(workers=1, recycle_after=2) as pool:
        rows = [row for _, row in pool.rows(files[:1])]
        first = pool._workers[0].process.pid
        rows += [row for _, row in pool.rows(files[1:])]
        assert pool._workers[0].process.pid != first
    assert sorted(row.unit for row in rows) == [f"第{i}街道办事处" for i in range(5)]
    assert all(row.status == "通过" for row in rows)


def _outcome(read, path):
    try:
        return read(path)
    except Exception as exc:  # noqa: BLE001  compared, not raised
        return f"{type(exc).__name__}: {exc}"


def test_the_fast_docx_reading_gives_what_python_docx_gives(batch_folder, seed_reports, shared_fixtures_dir, tmp_path):
    from gipr_desktop.io import docx_reader, docx_values

    cases = [batch_folder / f"{stem}.docx" for stem in seed_reports]
    cases.append(shared_fixtures_dir / "official-template-2021.docx")
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes((batch_folder / f"{next(iter(seed_reports))}.docx").read_bytes()[:3000])
    spreadsheet = tmp_path / "spreadsheet.docx"
    spreadsheet.write_bytes((batch_folder / f"{next(iter(seed_reports))}.xlsx").read_bytes())
    cases += [damaged, spreadsheet]
    for path in cases:
        fast, slow = _outcome(docx_values.read, path), _outcome(docx_reader.read_docx, path)
        assert fast == slow, path.name
    assert "不是有效的 Word 文档" in _outcome(docx_values.read, spreadsheet)


def test_a_macro_enabled_word_file_is_refused_as_python_docx_refuses_it(batch_folder, seed_reports, tmp_path):
    import zipfile

    from gipr_desktop.io import docx_reader, docx_values

    source = batch_folder / f"{next(iter(seed_reports))}.docx"
    macro = tmp_path / "macro.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(macro, "w") as target:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            target.writestr(info, data)
    assert "不是有效的 Word 文档" in _outcome(docx_reader.read_docx, macro)
    assert _outcome(docx_values.read, macro) == _outcome(docx_reader.read_docx, macro)


def test_a_formula_without_a_stored_result_is_read_as_openpyxl_reads_it(tmp_path):
    report = zero_report()
    report.set(CellRef("applications", "new", "natural_person"), 4)
    report.set(CellRef("applications", "new", "total"), 4)
    path = tmp_path / "formula.xlsx"
    write_report(report, path)
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == 4 and cell.column > 2 and ws.cell(cell.row, 2).value != 4:
                    total = cell
    total.value = f"=SUM({ws.cell(total.row, 2).coordinate}:{ws.cell(total.row, total.column - 1).coordinate})"
    book.save(path)
    fast, slow = xlsx_values.read(path), xlsx_reader.read(path)
    assert fast.report == slow.report and fast.notes == slow.notes
    assert any("公式" in note.message for note in slow.notes)


def test_a_body_reporting_twice_is_summed_once(tmp_path, pool):
    report = zero_report()
    report.set(CellRef("applications", "new", "natural_person"), 2)
    report.set(CellRef("applications", "new", "total"), 2)
    report.set(CellRef("applications", "carry_forward", "natural_person"), 2)
    report.set(CellRef("applications", "carry_forward", "total"), 2)
    write_report(report, tmp_path / "a.gipr")
    write_report(report, tmp_path / "a（重报）.docx")
    result = run_batch([tmp_path], pool=pool)
    assert result.aggregate.report.cells[CellRef("applications", "new", "total")] == 2
    assert len(result.excluded) == 1 and "未计入汇总" in result.excluded[0]


def test_the_letter_follows_the_report_not_the_order_the_checks_found_things():
    from gipr_desktop.core.batch import BodyRow
    from gipr_desktop.core.findings import ERROR, WARNING, Finding

    late = Finding("R4", ERROR, "行政复议的合计不对", (CellRef("review_litigation", "review", "total"),))
    early = Finding("R1", ERROR, "本年新收的合计不对", (CellRef("applications", "new", "total"),))
    text_five = Finding("R10", WARNING, "第五部分与上年雷同", (), "5")
    row = BodyRow("甲.gipr", unit="甲街道办事处", year=2024, format="2021", findings=[text_five, late, early])
    text = feedback_text(row)
    assert text.index(early.message) < text.index(late.message) < text.index(text_five.message)
    assert "1.【错误，须改正】本年新收的合计不对" in text


def test_a_batch_left_half_read_does_not_answer_the_next_one(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, unit in ((first, "甲街道办事处"), (second, "乙街道办事处")):
        folder.mkdir()
        report = zero_report()
        report.unit = unit
        for i in range(4):
            project.write(report, folder / f"{i}.gipr")
    with ReadingPool(workers=2) as pool:
        rows = pool.rows(sorted(first.iterdir()))
        next(rows)
        rows.close()  # the reviewer chose another folder meanwhile
        again = [row for _, row in pool.rows(sorted(second.iterdir()))]
    assert [row.unit for row in again] == ["乙街道办事处"] * 4


def test_gipr_batch_writes_its_review_only_as_a_workbook(tmp_path, capsys):
    project.write(zero_report(), tmp_path / "a.gipr")
    assert main(["batch", str(tmp_path / "a.gipr"), "--out", str(tmp_path / "审核.gipr")]) == 2
    assert ".xlsx" in capsys.readouterr().err and not (tmp_path / "审核.gipr").exists()


def test_a_batch_splits_glued_digits_by_last_years_report_of_the_body(tmp_path):
    """平潭 自然资源局 2024 prints 「行政规范性文件2433」 on a flattened page: alone it has several
    splits, with last year's report (现行有效 35) only 2 4 33 carries the stock over (R6), and the
    batch, which knows last year's report, reads it so and says why."""
    from tests.fixture_truth import REPORTS, truth_report

    last = tmp_path / "自然资源局2023.gipr"
    write_report(truth_report("058_pingtan_ziranziyuanju_2023.txt"), last)
    now = REPORTS / "059_pingtan_ziranziyuanju_2024.txt"
    refs = [CellRef("active", "normative_documents", col) for col in ("issued", "repealed", "in_force")]
    with_last = read_row(now, last)
    assert [with_last.cells.get(ref) for ref in refs] == [2, 4, 33]
    assert any("按上年报告的现行有效件数（35）" in note.message for note in with_last.notes)
    alone = read_row(now)
    assert [alone.cells.get(ref) for ref in refs] == [None, None, None]
