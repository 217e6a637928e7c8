"""Build DataFrames for unit tests through the real schema and frame builders (made-up values)."""

from __future__ import annotations

import pandas as pd

from components.data import frames
from components.data.schema import TradeObservation

CA5 = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]


def trade_record(id: str, measure: str, value: float | None, year: int | None, **fields) -> dict:
    record = {"id": id, "measure": measure, "reporter": fields.pop("reporter", "Agency A"),
              "reporter_type": fields.pop("reporter_type", "statistics"),
              "partners": fields.pop("partners", CA5), "year": year, "value_usd": value,
              "value_qualifier": fields.pop("value_qualifier", "exact"),
              "value_as_stated": fields.pop("value_as_stated", f"{value}"),
              "statement_date": fields.pop("statement_date", None), "confidence": "high", "sources": ["src-a"]}
    return {**record, **fields}


def make_trade(*records: dict) -> pd.DataFrame:
    from components.data.labels import label_trade

    models = [TradeObservation.model_validate(record) for record in records]
    return label_trade(frames.build_trade_frame(frames.records_frame(models, TradeObservation)), make_sources("src-a"))


def make_sources(*ids: str) -> pd.DataFrame:
    """Sources `ids`, each read from its page and published by its own publisher `Publisher <id>`."""
    from components.data.schema import Publisher, Source

    publishers = [Publisher(id=f"pub-{i}", name=f"Publisher {i}", kind="independent-media", domains=["example.org"])
                  for i in ids]
    sources = [Source(id=i, url=f"https://example.org/{i}", publisher=f"pub-{i}", title=f"Title {i}", page_read=True,
                      title_from_page=True, published="2024-01-01", accessed="2026-12-02", language="en") for i in ids]
    return frames.build_sources_frame(frames.records_frame(sources, Source),
                                      frames.records_frame(publishers, Publisher))


def make_dataset(today=None, **extra: list[dict]):
    """The valid fixture's records plus extra records per table (made-up), as a Dataset."""
    import datetime as dt

    from components.data.dataset import build_dataset, check_dataset
    from components.data.schema import RECORD_MODELS
    from tests.conftest import VALID

    checked = check_dataset(VALID)
    models = {table: list(rows) for table, rows in checked.models.items()}
    for table, records in extra.items():
        models[table] += [RECORD_MODELS[table].model_validate(record) for record in records]
    return build_dataset(checked.info, models, today or dt.date(2025, 1, 31))


def meeting_record(id: str, format: str, start: str | None, **fields) -> dict:
    record = {"id": id, "format": format, "title": fields.pop("title", id), "start": start,
              "level": fields.pop("level", "ministers"), "status": fields.pop("status", "held"),
              "confidence": "high", "sources": ["src-example"]}
    return {**record, **fields}
