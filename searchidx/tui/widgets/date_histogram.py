"""The date histogram drawn as bars: years, and the months of a chosen year.

The query layer counts (searchidx.results.facets.DateHistogram: the years with
matches, and the months of the year when every dated match falls in one);
this only draws them, with eighth-block characters so that small counts
still show a difference.
"""

from __future__ import annotations

from rich.text import Text

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"


def bar(count: int, largest: int, width: int) -> str:
    """A bar of up to width cells for count, scaled so largest fills it."""
    if largest <= 0 or width <= 0:
        return ""
    eighths = round(count / largest * width * 8)
    if count and not eighths:
        eighths = 1  # a value that exists is never drawn as nothing
    return FULL * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


def bar_row(label: str, count: int, largest: int, width: int, label_width: int, style: str) -> Text:
    """`2023 ██████▍   42`, fitted to width cells."""
    count_text = str(count)
    bar_width = max(1, width - label_width - len(count_text) - 2)
    drawn = bar(count, largest, bar_width)
    return Text.assemble(
        (f"{label:<{label_width}} ", "bold"),
        (f"{drawn:<{bar_width}}", style),
        f" {count_text}",
        no_wrap=True,
        overflow="ellipsis",
    )


def histogram_rows(histogram, width: int, undated_label: str) -> list[tuple[Text, object | None]]:
    """(row, filter it adds or None) for each year, the chosen year's months, undated."""
    rows: list[tuple[Text, object | None]] = []
    values = list(histogram.years) + list(histogram.months)
    largest = max((v.count for v in values), default=0)
    for year in histogram.years:
        rows.append((bar_row(year.value, year.count, largest, width, 8, "cyan"), year.filter))
        if histogram.year == year.value:
            for month in histogram.months:
                label = "  " + month.value[5:]  # "  10" beneath "2023"
                rows.append((bar_row(label, month.count, largest, width, 8, "bright_cyan"), month.filter))
    if histogram.undated:
        rows.append((bar_row(undated_label, histogram.undated, largest or histogram.undated, width, 8, "dim"), None))
    return rows
