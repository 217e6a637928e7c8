"""Format transforms: the format x year grid of the highest level met, and each format's record."""

from __future__ import annotations

import pandas as pd

from components.data.vocabulary import GRID_TIERS, MEETING_LEVELS
from components.domain.meetings import lane_order

# A level's rank in the grid: 1 for the lowest tier (GRID_TIERS), up to the summit.
TIER_RANKS = {code: list(GRID_TIERS).index(term.tier) + 1 for code, term in MEETING_LEVELS.terms.items()}


def build_level_grid(meetings: pd.DataFrame, formats: pd.DataFrame) -> pd.DataFrame:
    """Rows: format names (five-party first); columns: years; cell: highest tier met (NaN: none held)."""
    held = meetings[(meetings["status"] == "held") & meetings["year"].notna()]
    tiers = held.assign(tier=held["level"].astype(str).map(TIER_RANKS),
                        year=held["year"].astype(int))
    grid = tiers.pivot_table(index="format_name", columns="year", values="tier", aggfunc="max")
    if grid.empty:
        return grid
    years = range(int(grid.columns.min()), int(grid.columns.max()) + 1)
    order = [name for name in lane_order(formats) if name in grid.index]
    return grid.reindex(index=order, columns=list(years))


def list_grid_cells(meetings: pd.DataFrame) -> pd.DataFrame:
    """The grid as a table: one row per format and year with a held meeting, its highest level, how many
    meetings and their sources (the rows the grid draws, for its table twin and CSV)."""
    cells: dict[tuple[str, int], dict] = {}
    tiers = list(GRID_TIERS)
    held = meetings[(meetings["status"] == "held") & meetings["year"].notna()]
    for name, year, level, sources in zip(held["format_name"].tolist(), held["year"].tolist(),
                                          held["level"].astype(str).tolist(), held["sources"].tolist()):
        cell = cells.setdefault((name, int(year)), {"rank": 0, "meetings": 0, "sources": {}})
        cell["rank"] = max(cell["rank"], TIER_RANKS[level])
        cell["meetings"] += 1
        cell["sources"].update(dict.fromkeys(sources))
    rows = [{"format": name, "year": year, "highest level": tiers[cell["rank"] - 1], "meetings": cell["meetings"],
             "sources": list(cell["sources"])} for (name, year), cell in sorted(cells.items())]
    return pd.DataFrame(rows, columns=["format", "year", "highest level", "meetings", "sources"])


def first_summits(meetings: pd.DataFrame) -> pd.DataFrame:
    """For each Central Asia Plus format, its first held heads-of-state meeting."""
    summits = meetings[(meetings["format_kind"] == "central-asia-plus") & (meetings["status"] == "held")
                       & (meetings["level"] == "heads-of-state")].sort_values("start")
    first = summits.groupby("format", observed=True).head(1)
    return pd.DataFrame({"format": first["format_name"], "partner": first["partner"].astype(str),
                         "first summit": first["start_text"], "title": first["title"], "id": first["id"]}
                        ).reset_index(drop=True)


def summarize_format(format_row: pd.Series, meetings: pd.DataFrame) -> dict:
    """Partner, launch, levels, meeting count, last and next meeting of one format."""
    own = meetings[meetings["format"] == format_row["id"]]
    held = own[own["status"] == "held"].sort_values("start")
    upcoming = own[own["upcoming"]].sort_values("start", na_position="last")
    return {
        "meetings": len(own), "held": len(held),
        "last": held.iloc[-1] if len(held) else None,
        "next": upcoming.iloc[0] if len(upcoming) else None,
        "levels": [level for level in MEETING_LEVELS if level in format_row["levels"]],
    }
