"""The initiatives page's chart block: each initiative's status history."""

from __future__ import annotations

import pandas as pd

from components.blocks.block import ChartBlock, build_chart_block
from components.data.vocabulary import INITIATIVE_STATUSES
from components.figures.initiatives import build_history_figure
from components.i18n.texts import N_, ngettext


def summarize_initiatives(initiatives: pd.DataFrame, steps: pd.DataFrame) -> str:
    """'38 initiative(s) match, with 95 dated steps from 2017 to 2025; 12 are in force.'"""
    count = len(initiatives)
    if steps.empty:
        return ngettext("{count} initiative(s) match.", "{count} initiative(s) match.", count).format(count=count)
    first, last = steps["date"].min().year, steps["date"].max().year
    in_force = int((initiatives["status"].astype(str) == "in-force").sum())
    # Translators: {status} is the status "In force" in lower case; the form follows {in_force} (is/are).
    return ngettext("{count} initiative(s) match, with {steps} dated step(s) from {first} to {last}; "
                    "{in_force} is {status}.",
                    "{count} initiative(s) match, with {steps} dated step(s) from {first} to {last}; "
                    "{in_force} are {status}.", in_force
                    ).format(count=count, steps=len(steps), first=first, last=last, in_force=in_force,
                             status=INITIATIVE_STATUSES.label("in-force").lower())


def build_history_block(initiatives: pd.DataFrame, steps: pd.DataFrame, meetings: pd.DataFrame,
                        sources: pd.DataFrame) -> ChartBlock:
    """The status history of the initiatives shown; the table holds every step drawn, with its sources."""
    titles = dict(zip(meetings["id"].tolist(), meetings["title"].tolist()))
    table = pd.DataFrame({
        "initiative": steps["name"], "date": steps["date_text"],
        "status": [INITIATIVE_STATUSES.label(status) for status in steps["status"].tolist()],
        "what happened": steps["description"],
        "meeting": [titles.get(meeting, "") if isinstance(meeting, str) else "" for meeting in steps["meeting"].tolist()],
        "id": steps["initiative"].astype(str), "sources": steps["sources"]})
    return build_chart_block(
        "history", build_history_figure(steps, initiatives["name"].tolist()), summarize_initiatives(initiatives, steps),
        table, sources, file_name="central-asia-initiatives-status", table_label=N_("step"))
