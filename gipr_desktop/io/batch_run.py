"""A whole batch at once: last year's reports read first, this year's read, checked, paired and
summed as they arrive, then the batch reviewed (``core.batch.review_batch``).

Memory stays flat however many files there are: each report's cells are added to the running sums
(``core.aggregate.Accumulator``) and dropped, unless the caller (the window, with a district's
hundred bodies) asks to keep them for summing a selection later. A body whose report arrives
twice is summed once, the first time, and the review says which file was left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from gipr_desktop.core.aggregate import Accumulator, Aggregate, default_unit
from gipr_desktop.core.batch import BatchIssue, BodyRow, body_key, pair_previous, previous_paths, review_batch
from gipr_desktop.io.batch_read import Progress, ReadingPool, Stop, report_files

STOPPED = "已停止，未读取"


@dataclass
class BatchResult:
    rows: list[BodyRow]
    previous: list[BodyRow] = field(default_factory=list)
    issues: list[BatchIssue] = field(default_factory=list)
    aggregate: Aggregate | None = None
    aggregate_refused: str = ""  # why there is no aggregate
    excluded: list[str] = field(default_factory=list)  # reports left out of the sum, and why

    @property
    def unreadable(self) -> list[BodyRow]:
        return [row for row in self.rows if not row.readable]


def _read_all(pool: ReadingPool, paths: list[Path], on_row, previous: Mapping[str, str] | None,
              progress: Progress | None, should_stop: Stop | None, offset: int, total: int) -> list[BodyRow]:
    rows: list[BodyRow | None] = [None] * len(paths)
    report = None if progress is None else (lambda done, _: progress(offset + done, total))
    for index, row in pool.rows(paths, previous, keep_cells=True, progress=report, should_stop=should_stop):
        on_row(row)
        rows[index] = row
    return [row if row is not None else BodyRow(str(paths[i]), message=STOPPED) for i, row in enumerate(rows)]


def run_batch(names: Iterable[str | Path], previous: Iterable[str | Path] = (),
              pairings: Mapping[str, str] | None = None, unit: str = "", keep_cells: bool = False,
              progress: Progress | None = None, should_stop: Stop | None = None,
              pool: ReadingPool | None = None) -> BatchResult:
    """Read, check, pair, review and sum the reports in ``names`` (files or folders); ``previous``
    are last year's (files or folders); ``pairings`` maps a report's path to last year's file
    where the reviewer corrected the pairing. ``unit`` names the aggregate (by default from the
    bodies' common place name)."""
    paths, previous_files = report_files(names), report_files(previous)
    total = len(paths) + len(previous_files)
    own_pool = pool is None
    pool = pool or ReadingPool()
    accumulator, summed, excluded = Accumulator(), {}, []

    def add(row: BodyRow) -> None:
        if row.readable:
            key = body_key(row.unit)
            if key and key in summed:
                excluded.append(f"{row.name}的「{row.file_name}」未计入汇总（已计入「{summed[key]}」）")
            else:
                summed[key or row.path] = row.file_name
                accumulator.add(row.name, row.format, row.cells, row.year, row.file_name)
        if not keep_cells:
            row.cells = {}

    def drop(row: BodyRow) -> None:
        row.cells = {}

    try:
        last_year = _read_all(pool, previous_files, drop, None, progress, should_stop, 0, total)
        pool.set_pairing(previous_paths(last_year))
        rows = _read_all(pool, paths, add, pairings, progress, should_stop, len(previous_files), total)
    finally:
        if own_pool:
            pool.close()
    pair_previous(rows, last_year)
    result = BatchResult(rows, last_year, review_batch(rows, last_year), excluded=excluded)
    try:
        result.aggregate = accumulator.result(unit or default_unit(row.unit for row in rows if row.readable))
    except ValueError as exc:  # MixedFormats, or nothing to sum
        result.aggregate_refused = str(exc)
    return result
