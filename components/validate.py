r"""Command line: `python -m components.validate [DATA_DIR]`.

Prints the records per table and exits 0, or prints every problem and exits 1. Text from the data
is printed with control characters escaped (`\x1b`, `\x00`), so a data file cannot drive the
terminal that prints it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from components.data.dataset import CheckedData, check_dataset
from components.data.freshness import scheduled_but_passed
from components.settings import data_dir


def terminal_safe(text: str) -> str:
    r"""The text with every character that is not printable (escape sequences, NUL, line breaks,
    bidirectional overrides) written as its Python escape, e.g. `\x1b`; other text is unchanged."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def main(arguments: list[str]) -> int:
    if len(arguments) > 1 or (arguments and arguments[0] in ("-h", "--help")):
        print(__doc__.strip())
        return 0 if arguments and arguments[0] in ("-h", "--help") else 2
    directory = Path(arguments[0]) if arguments else data_dir()
    checked = check_dataset(directory)
    if checked.problems:
        for problem in sorted(checked.problems, key=lambda p: (p.file, p.line or 0)):
            print(terminal_safe(str(problem)))
        print(f"\n{len(checked.problems)} problem(s) in {directory}; nothing was loaded.")
        return 1
    print(terminal_safe(f"{directory}: valid. {checked.info.title}, updated {checked.info.updated}."))
    for table, models in checked.models.items():
        print(f"  {table:<12} {len(models):>5} records")
    _print_to_update(checked, dt.date.today())
    return 0


def _print_to_update(checked: CheckedData, today: dt.date) -> None:
    """What time has made out of date: not a problem (the data loads), but a maintainer's to-do."""
    passed = scheduled_but_passed(checked.models.get("meetings", []), today)
    if not passed:
        return
    print(f"\nTo update: {len(passed)} meeting(s) still `scheduled` after their date (shown as \"date passed, "
          "no report of it recorded\"); record what happened: held, postponed, cancelled or new dates.")
    for meeting in passed:
        print(terminal_safe(f"  {meeting.id}: {meeting.start}{' to ' + meeting.end if meeting.end else ''}"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
