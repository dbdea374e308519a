"""What every reader does last: the texts and the year it found, made fit for the report.

A foreign file can hold anything in a title or a paragraph: control characters, a "unit" of a
million characters, a year of 1066. The readers that recognise a report (``sheet_tables`` for
spreadsheets, ``text_import`` for text, Word, web pages and PDF) hand their result to ``settled``:
each text is cleaned as ``core.values`` says foreign text is, a text still beyond its field's bounds
is left empty with a note naming it, and so is a year outside the schema's ``report_years``. A report read from any
file can thus be checked, saved and opened again.
"""

from __future__ import annotations

from gipr_desktop.core.schema import report_years
from gipr_desktop.core.values import clean_text, text_problem
from gipr_desktop.io.errors import ImportNote, ImportResult

_FIELDS = ("unit", "contact", "published", "preamble")


def settled(result: ImportResult, where: str) -> ImportResult:
    report, notes = result.report, result.notes
    for field in _FIELDS:
        setattr(report, field, _fit(field, getattr(report, field), where, notes))
    for key, text in report.sections.items():
        report.sections[key] = _fit("section", text, f"{where}第{key}部分", notes)
    if report.year is not None and report.year not in report_years():
        notes.append(ImportNote(f"{where}中的报告年度 {report.year} 不可能是年报的年度，已留空，请在「基本信息」中填写"))
        report.year = None
    return result


def _fit(field: str, text: object, where: str, notes: list[ImportNote]) -> str:
    text = clean_text(field, text if isinstance(text, str) else str(text or ""))
    problem = text_problem(field, text)
    if problem:
        notes.append(ImportNote(f"{where}的{problem}，未读取，已留空"))
        return ""
    return text
