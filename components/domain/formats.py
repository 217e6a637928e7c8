"""Format transforms: the format x year grid of the highest level met, and each format's record."""

from __future__ import annotations

import pandas as pd

from components.domain.meetings import LEVELS

# Grid tiers: what a cell shows for the highest level met in a year.
TIERS = {"heads-of-state": (3, "Summit"), "ministers": (2, "Ministers"), "deputy-ministers": (1, "Officials"),
         "officials": (1, "Officials"), "parliament": (1, "Officials"), "other": (1, "Officials")}
TIER_NAMES = {3: "Summit", 2: "Ministers", 1: "Officials"}


def build_level_grid(meetings: pd.DataFrame, formats: pd.DataFrame) -> pd.DataFrame:
    """Rows: format names (five-party first); columns: years; cell: highest tier met (NaN: none held)."""
    held = meetings[(meetings["status"] == "held") & meetings["year"].notna()]
    tiers = held.assign(tier=held["level"].astype(str).map(lambda level: TIERS[level][0]),
                        year=held["year"].astype(int))
    grid = tiers.pivot_table(index="format_name", columns="year", values="tier", aggfunc="max")
    if grid.empty:
        return grid
    years = range(int(grid.columns.min()), int(grid.columns.max()) + 1)
    order = [name for name in _format_order(formats) if name in grid.index]
    return grid.reindex(index=order, columns=list(years))


def _format_order(formats: pd.DataFrame) -> list[str]:
    ordered = formats.assign(kind_order=(formats["kind"] != "five-party").astype(int))
    return list(ordered.sort_values(["kind_order", "launched", "name"], na_position="last")["name"])


def first_summits(meetings: pd.DataFrame) -> pd.DataFrame:
    """For each Central Asia Plus format, its first held heads-of-state meeting."""
    summits = meetings[(meetings["format_kind"] == "central-asia-plus") & (meetings["status"] == "held")
                       & (meetings["level"] == "heads-of-state")].sort_values("start")
    first = summits.groupby("format", observed=True).head(1)
    return pd.DataFrame({"format": first["format_name"], "partner": first["partner"].astype(str),
                         "first summit": first["start_text"], "title": first["title"], "id": first["id"]}
                        ).reset_index(drop=True)


def summarize_format(format_row: pd.Series, meetings: pd.DataFrame, today: pd.Timestamp) -> dict:
    """Partner, launch, levels, meeting count, last and next meeting of one format."""
    own = meetings[meetings["format"] == format_row["id"]]
    held = own[own["status"] == "held"].sort_values("start")
    upcoming = own[own["upcoming"]].sort_values("start", na_position="last")
    return {
        "meetings": len(own), "held": len(held),
        "last": held.iloc[-1] if len(held) else None,
        "next": upcoming.iloc[0] if len(upcoming) else None,
        "levels": [level for level in LEVELS if level in format_row["levels"]],
    }
