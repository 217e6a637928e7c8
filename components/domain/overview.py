"""What the overview page shows, computed from the dataset (no numbers typed into code)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data.dataset import Dataset
from components.data.memo import once_per_object
from components.data.vocabulary import INITIATIVE_STATUSES, MEETING_LEVELS
from components.domain.choices import country_names
from components.domain.names import id_to_name, localize_meetings
from components.domain.trade import latest_observation, select_measure
from components.i18n.formats import is_source_language
from components.i18n.texts import N_
from components.settings import SUMMIT_FORMAT

# Table → the label of its count (English; shown as _(label)).
COUNT_LABELS = {
    "meetings": N_("Meetings"),
    "formats": N_("Formats"),
    "initiatives": N_("Initiatives"),
    "trade": N_("Trade figures"),
    "sources": N_("Sources"),
}
ADOPTION_STATUSES = ("adopted", "signed", "ratified", "in-force")


@dataclass(frozen=True)
class DatasetSummary:
    updated: str
    counts: dict[str, int]
    held_by_level: pd.DataFrame
    latest_trade: pd.Series | None
    growth_claim: pd.Series | None
    last_summit: pd.Series | None
    next_summit: pd.Series | None
    latest_adoptions: pd.DataFrame


def count_held_by_level(meetings: pd.DataFrame) -> pd.DataFrame:
    """Held meetings per level, in the order of the levels."""
    counts = meetings.loc[meetings["status"] == "held", "level"].astype(str).value_counts()
    levels = [level for level in MEETING_LEVELS if level in counts.index]
    return pd.DataFrame({"Level": [MEETING_LEVELS.label(level) for level in levels],
                         "Meetings held": [int(counts[level]) for level in levels]})


def find_growth_claim(trade: pd.DataFrame) -> pd.Series | None:
    """The latest intraregional figure stated together with a growth claim."""
    claims = select_measure(trade, "intraregional-total")
    return latest_observation(claims[claims["growth_as_stated"].notna()])


def find_last_and_next(meetings: pd.DataFrame, format_id: str) -> tuple[pd.Series | None, pd.Series | None]:
    """The last held meeting of a format and the next announced one."""
    own = meetings[meetings["format"] == format_id]
    held = own[own["status"] == "held"].sort_values("start")
    upcoming = own[own["upcoming"]].sort_values("start", na_position="last")
    return (held.iloc[-1] if len(held) else None), (upcoming.iloc[0] if len(upcoming) else None)


def list_latest_adoptions(dataset: Dataset, count: int = 5) -> pd.DataFrame:
    """The most recent steps at which an initiative was adopted, signed, ratified or entered into force."""
    steps = dataset.initiative_steps
    chosen = steps[steps["status"].astype(str).isin(ADOPTION_STATUSES)].sort_values("date", ascending=False)
    names = id_to_name(dataset.initiatives)  # in the current language
    chosen = chosen.head(count)
    codes = chosen["status"].astype(str)  # the step: its code in English, its label in other languages
    return pd.DataFrame({"date": chosen["date_text"], "initiative": chosen["initiative"].astype(str).map(names),
                         "step": codes if is_source_language() else codes.map(INITIATIVE_STATUSES.label),
                         "what happened": chosen["description"],
                         "id": chosen["initiative"].astype(str), "sources": chosen["sources"]}).reset_index(drop=True)


@once_per_object  # the overview shows the whole dataset: the same summary for every visitor (of one language)
def summarize_dataset(dataset: Dataset) -> DatasetSummary:
    counts = dataset.counts()
    meetings = localize_meetings(dataset.meetings, dataset.formats, dataset.places, country_names(dataset))
    last_summit, next_summit = find_last_and_next(meetings, SUMMIT_FORMAT)
    return DatasetSummary(
        updated=dataset.info.updated,
        counts={label: counts[table] for table, label in COUNT_LABELS.items()},
        held_by_level=count_held_by_level(dataset.meetings),
        latest_trade=latest_observation(select_measure(dataset.trade, "intraregional-total")),
        growth_claim=find_growth_claim(dataset.trade),
        last_summit=last_summit, next_summit=next_summit,
        latest_adoptions=list_latest_adoptions(dataset),
    )
