"""Reports to test with, built from the schema so that no test writes a cell id list by hand."""

from __future__ import annotations

from gipr_desktop.core.report import Report
from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report
from gipr_desktop.paths import resource


def sample_report() -> Report:
    """The bundled sample: a complete 2021-format report whose checks all pass."""
    return read_report(resource("sample.gipr")).report


def zero_report(format_id: str = "2021", year: int = 2023) -> Report:
    """Every required cell 0 and every section filled: a report with no findings."""
    report = Report(format=format_id, unit="测试街道办事处", year=year)
    for table in report.schema.tables:
        for row in table.rows:
            if not row.optional:
                for column in row.columns:
                    report.set(CellRef(table.id, row.id, column.id), 0)
    for key in report.sections:
        report.sections[key] = f"第{key}部分的内容。"
    report.sections["1"] = "本年度主动公开、依申请公开、政府信息管理、平台建设、监督保障各项工作有序开展。"
    report.preamble = f"本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。"
    report.sections["6"] = "本年度未收取信息处理费。"
    return report
