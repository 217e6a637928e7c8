"""Build typed pandas DataFrames from validated records (dates as datetime64, codes as categories)."""

from __future__ import annotations

import datetime as dt
import functools
import typing

import pandas as pd
from pydantic import BaseModel

from components.data.dates import parse_partial_date
from components.data.freshness import meeting_is_past
from components.data.vocabulary import DATE_PASSED, PUBLISHER_KINDS
from components.i18n.texts import N_, _

# What a source's title or date shows when the page was not read, or shows no date (English in the frame;
# shown translated: components/domain/sources.localize_sources).
NOT_READ = N_("not read")
NO_TITLE_SHOWN = N_("no title on the page's copy")
NO_DATE_SHOWN = N_("no date shown")

_CATEGORY_COLUMNS = {
    "meetings": ["format", "city", "country", "level", "status", "confidence"],
    "formats": ["kind", "partner"],
    "initiatives": ["type", "status", "confidence"],
    "initiative_steps": ["initiative", "status"],
    "trade": ["measure", "reporter_country", "reporter_type", "value_qualifier", "covers", "confidence"],
    "sources": ["language", "publisher_kind"],
    "publishers": ["kind"],
    "countries": ["kind"],
    "places": ["country"],
}


def _date_columns(frame: pd.DataFrame, column: str, target: str | None = None) -> pd.DataFrame:
    """Keep the partial date text in `<target>_text`, the first day as datetime64 and its precision."""
    target = target or column
    texts = frame[column]
    parsed = [parse_partial_date(text) if isinstance(text, str) else (None, None) for text in texts.tolist()]
    frame[f"{target}_text"] = texts
    frame[target] = pd.to_datetime(pd.Series([first for first, _ in parsed], index=frame.index, dtype=object))
    frame[f"{target}_precision"] = [precision for _, precision in parsed]
    return frame


def categorize(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    for column in _CATEGORY_COLUMNS.get(table, []):
        if column in frame:
            frame[column] = frame[column].astype("category")
    return frame


def _holds_models(annotation: object) -> bool:
    """Whether a field's type is, or contains, a pydantic model (list[Document], ...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(argument) for argument in typing.get_args(annotation))


def _field_values(model: BaseModel) -> dict:
    """The model's field values as model_dump() gives them, read off the instance (model_dump
    serialises every value again: it was a third of building the frames)."""
    values = dict(model.__dict__)
    for name in _nested_fields(type(model)):
        value = values[name]
        values[name] = ({key: item.model_dump() for key, item in value.items()} if isinstance(value, dict)
                        else [item.model_dump() for item in value])
    return values


@functools.cache
def _nested_fields(model_type: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name, info in model_type.model_fields.items() if _holds_models(info.annotation))


def records_frame(models: list[BaseModel], model_type: type[BaseModel]) -> pd.DataFrame:
    """One row per record, one column per field (even when there are no records)."""
    return pd.DataFrame([_field_values(model) for model in models], columns=list(model_type.model_fields))


def build_meetings_frame(frame: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    frame = _date_columns(frame, "start")
    frame = _date_columns(frame, "end")
    frame["end"] = frame["end"].fillna(frame["start"])
    frame["number"] = frame["number"].astype("Int64")
    frame["year"] = frame["start"].dt.year.astype("Int64")
    # `today` is the day the page is viewed: the loader builds the frames again when the day changes.
    scheduled = frame["status"] == "scheduled"
    past = [meeting_is_past(start if isinstance(start, str) else None, end if isinstance(end, str) else None, today)
            for start, end in zip(frame["start_text"].tolist(), frame["end_text"].tolist())]
    frame["date_passed"] = scheduled & pd.Series(past, index=frame.index, dtype=bool)
    frame["upcoming"] = scheduled & ~frame["date_passed"]
    frame["shown_status"] = frame["status"].astype(str).where(~frame["date_passed"], DATE_PASSED)
    return categorize(frame.sort_values(["start", "id"], na_position="last").reset_index(drop=True), "meetings")


def build_formats_frame(frame: pd.DataFrame) -> pd.DataFrame:
    return categorize(_date_columns(frame, "launched"), "formats")


def build_initiative_frames(models: list[BaseModel]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The initiatives (with their current status) and their status steps, one row each."""
    steps = pd.DataFrame(
        [{"initiative": model.id, "order": order, **_field_values(step)}
         for model in models for order, step in enumerate(model.status_history)],
        columns=["initiative", "order", "date", "status", "description", "meeting", "sources"])
    steps = _date_columns(steps, "date").sort_values(["initiative", "date", "order"]).reset_index(drop=True)
    current = steps[steps["status"] != "update"].groupby("initiative", sort=False).tail(1)
    frame = pd.DataFrame([model.model_dump(exclude={"status_history"}) for model in models],
                         columns=[name for name in type(models[0]).model_fields if name != "status_history"]
                         if models else ["id"])
    status = current.set_index("initiative")[["status", "date", "date_text"]]
    frame = frame.join(status.rename(columns={"date": "status_date", "date_text": "status_date_text"}), on="id")
    return categorize(frame, "initiatives"), categorize(steps, "initiative_steps")


def build_trade_frame(frame: pd.DataFrame) -> pd.DataFrame:
    frame = _date_columns(frame, "statement_date")
    frame["year"] = frame["year"].astype("Int64")
    frame["value_usd"] = frame["value_usd"].astype("float64")
    frame["full_year"] = frame["period"] == "full year"
    frame["pair"] = [("–".join(sorted(partners)) if measure == "bilateral" else None)
                     for measure, partners in zip(frame["measure"].tolist(), frame["partners"].tolist(), strict=True)]
    return categorize(frame, "trade")


def build_trade_series_frame(models: list[BaseModel]) -> pd.DataFrame:
    """One row per value of every statistical series: reporter, partner, flow, year, value (US$), estimate."""
    rows = [(model.id, model.dataset, model.reporter, model.partner, model.flow, model.first_year + offset,
             value * 1e6, model.first_year + offset in model.estimated, model.file, model.sheet, model.row,
             model.sources)
            for model in models for offset, value in enumerate(model.values) if value is not None]
    frame = pd.DataFrame(rows, columns=["series", "dataset", "reporter", "partner", "flow", "year", "value_usd",
                                        "estimated", "file", "sheet", "row", "sources"])
    return frame.astype({"year": "int64", "value_usd": "float64", "estimated": "bool", "row": "int64"})


def build_sources_frame(frame: pd.DataFrame, publishers: pd.DataFrame) -> pd.DataFrame:
    """Sources with their publisher's name (`publisher`), id (`publisher_id`) and kind (`publisher_kind`)."""
    frame = _date_columns(frame, "published")
    names = dict(zip(publishers["id"].tolist(), publishers["name"].tolist()))
    kinds = dict(zip(publishers["id"].tolist(), publishers["kind"].astype(str).tolist()))
    frame = frame.rename(columns={"publisher": "publisher_id"})
    frame["publisher"] = frame["publisher_id"].map(names)
    frame["publisher_kind"] = frame["publisher_id"].map(kinds)
    frame = frame.assign(**source_labels(frame))
    return categorize(frame, "sources")


def source_labels(sources: pd.DataFrame) -> dict[str, pd.Series]:
    """What the sources show in words, in the current language (English when the frame is built; pages in
    another language derive them again): the publisher's kind, and the title and date, or what stands for
    them when the page was not read or shows none."""
    read = sources["page_read"].astype(bool)
    return {"publisher_kind_label": sources["publisher_kind"].astype(object).map(PUBLISHER_KINDS.label),
            "title_shown": sources["title"].where(sources["title"].notna(),
                                                  read.map({True: _(NO_TITLE_SHOWN), False: _(NOT_READ)})),
            "published_shown": sources["published_text"].where(sources["published_text"].notna(),
                                                                read.map({True: _(NO_DATE_SHOWN), False: _(NOT_READ)}))}
