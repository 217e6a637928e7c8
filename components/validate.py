r"""Command line: `python -m components.validate [DATA_DIR]`.

Prints the records per table and exits 0, or prints every problem and exits 1. Text from the data
is printed with control characters escaped (`\x1b`, `\x00`), so a data file cannot drive the
terminal that prints it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from components.data.dataset import check_dataset
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
