"""Figures of the statistical series (IMF DOTS): lines drawn from one dataset by one stated method.

Statements (leaders' and ministers' figures) are drawn by components/figures/trade.py as markers and
are never joined to these lines. A year whose total holds IMF estimates, or not all of its flows, is
drawn with an open marker and says so in its hover text.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.domain import trade_statistics as ts
from components.domain.trade import format_percent, format_usd
from components.figures.base import (
    PALETTE,
    build_empty_figure,
    escape_text,
    layout,
    make_figure,
)
from components.figures.trade import US_BILLION, US_BN, cell_text, year_axis
from components.i18n.texts import _, ngettext

BILLION = 1e9
STATISTICS_COLOURS = {"exports": "#1f6f8b", "imports": "#5a9e4b"}


def _total_hover(row: dict, label: str) -> str:
    caveats = []
    if row["flows"] < ts.INTRAREGIONAL_FLOWS:
        caveats.append(_("only {flows} of {total} flows reported").format(flows=row["flows"],
                                                                         total=ts.INTRAREGIONAL_FLOWS))
    if row["estimated_flows"]:
        caveats.append(ngettext("{count} flow(s) IMF estimates", "{count} flow(s) IMF estimates",
                                row["estimated_flows"]).format(count=row["estimated_flows"]))
    return _("<b>{method}, {year}: {value}</b><br>{dataset}<br>{caveats}").format(
        method=label, year=row["year"], value=format_usd(row["value_usd"]), dataset=_(ts.DATASET_NAME),
        caveats="; ".join(caveats) if caveats else _("all {total} flows reported by the five").format(
            total=ts.INTRAREGIONAL_FLOWS))


def statistics_total_traces(totals: pd.DataFrame) -> list[dict]:
    """One line per method; open markers where a year holds estimates or misses flows."""
    traces = []
    for code, method in ts.METHODS.items():
        rows = totals[totals["method"] == code].sort_values("year").to_dict("records")
        if not rows:
            continue
        colour, label = STATISTICS_COLOURS[code], _(method.label)
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": _("{method} (IMF DOTS)").format(method=label),
            "x": [row["year"] for row in rows], "y": [row["value_usd"] / BILLION for row in rows],
            "line": {"color": colour, "width": 2.5},
            "marker": {"size": 7, "color": colour, "symbol": [
                "circle-open" if row["estimated_flows"] or row["flows"] < ts.INTRAREGIONAL_FLOWS else "circle"
                for row in rows]},
            "hovertext": [_total_hover(row, label) for row in rows], "hoverinfo": "text",
            "customdata": [f"{code}-{row['year']}" for row in rows]})
    return traces


def build_share_figure(shares: pd.DataFrame) -> go.Figure:
    """Trade with the other four as a share of trade with the world, per state and for the region."""
    title = _("Share of intraregional trade in each state's total trade (IMF DOTS, each state's own report)")
    if shares.empty:
        return build_empty_figure(_("No years with figures for the four neighbours and the world."), title=title)
    traces = []
    for index, (reporter, rows) in enumerate(shares.groupby("reporter", sort=True)):
        region = reporter == ts.REGION
        name = escape_text(ts.region_name() if region else reporter)
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": name,
            "x": rows["year"].tolist(), "y": (rows["share"] * 100).tolist(),
            "line": {"color": "#222222" if region else PALETTE[index % len(PALETTE)], "width": 3.5 if region else 1.5},
            "marker": {"size": 6, "symbol": ["circle-open" if flag else "circle" for flag in rows["estimated"]]},
            "hovertext": [_("<b>{reporter}, {year}: {share}</b><br>with the other four {intra} of {world} with "
                            "the world").format(reporter=name, year=year, share=format_percent(share, 1),
                                                intra=format_usd(intra), world=format_usd(world))
                          + ("<br>" + _("includes IMF estimates") if flag else "")
                          for year, share, intra, world, flag in zip(rows["year"], rows["share"], rows["intra"],
                                                                     rows["world"], rows["estimated"])],
            "hoverinfo": "text"})
    return make_figure(traces, layout(title=title, x_title=_("Year (open marker: includes IMF estimates)"),
                                      y_title=_("% of total trade"), xaxis=year_axis([float(year) for trace in traces for year in trace["x"]])))


def build_statistics_matrix_figure(cells: pd.DataFrame, estimated: pd.DataFrame, year: int) -> go.Figure:
    """Heatmap of one year's turnover as each side reports it; 'e' marks an IMF estimate."""
    title = _("Bilateral trade in {year}: each side's own report (IMF DOTS)").format(year=year)
    if cells.isna().all().all():
        return build_empty_figure(_("No statistics for {year}.").format(year=year), title=title)
    values = cells.to_numpy(dtype="float64") / BILLION
    text = [[("" if row == column else _("no data")) if pd.isna(value) else
             cell_text(value, bool(estimated.loc[row, column]))
             for column, value in zip(cells.columns, values_row)] for row, values_row in zip(cells.index, values)]
    heatmap = {"type": "heatmap", "z": values, "x": list(cells.columns), "y": list(cells.index), "text": text,
               "texttemplate": "%{text}", "colorscale": "Blues", "hoverongaps": False,
               "colorbar": {"title": {"text": _(US_BN)}},
               "hovertemplate": _("%{y}'s report of its trade with %{x}: US$ %{z:.3f} bn (%{text})<extra></extra>")}
    return make_figure([heatmap], layout(title=title, x_title=_("Partner (e: IMF estimate)"), y_title=_("Reported by"),
                                         height=460, yaxis={"autorange": "reversed"}))


def statistics_pair_traces(turnover: pd.DataFrame) -> list[dict]:
    """Each side's turnover with the other over the years, one line per reporter."""
    traces = []
    for index, (reporter, rows) in enumerate(turnover.groupby("reporter", sort=True)):
        traces.append({
            "type": "scatter", "mode": "lines+markers",
            # Translators: {reporter} is a country code (KAZ).
            "name": _("IMF DOTS, as {reporter} reports it").format(reporter=reporter),
            "x": rows["year"].tolist(), "y": (rows["value_usd"] / BILLION).tolist(),
            "line": {"color": PALETTE[(index + 4) % len(PALETTE)], "width": 2, "dash": "dot"},
            "marker": {"size": 6, "symbol": ["circle-open" if flag else "circle" for flag in rows["estimated"]]},
            "hovertext": [_("<b>{reporter}'s report, {year}: {value}</b><br>{dataset}").format(
                              reporter=reporter, year=year, value=format_usd(value), dataset=_(ts.DATASET_NAME))
                          + ("<br>" + _("IMF estimate") if flag else "")
                          for year, value, flag in zip(rows["year"], rows["value_usd"], rows["estimated"])],
            "hoverinfo": "text"})
    return traces


def build_partner_figure(totals: pd.DataFrame, partner_name: str) -> go.Figure:
    """The five's trade with one partner over the years: as the five report it, and as the partner does."""
    title = _("Central Asia's trade with {partner}: as the five report it and as {partner} reports it").format(
        partner=partner_name)
    if totals.empty:
        return build_empty_figure(_("No years with figures for {partner}.").format(partner=partner_name), title=title)
    traces = [{"type": "scatter", "mode": "lines+markers", "name": escape_text(view),
               "x": rows["year"].tolist(), "y": (rows["value_usd"] / BILLION).tolist(),
               "line": {"color": PALETTE[index % len(PALETTE)], "width": 2.5},
               "marker": {"size": 6, "symbol": ["circle-open" if flag else "circle" for flag in rows["estimated"]]},
               "hovertext": [_("<b>{view}, {year}: {value}</b><br>{dataset}").format(
                                 view=escape_text(view), year=year, value=format_usd(value), dataset=_(ts.DATASET_NAME))
                             + ("<br>" + _("includes IMF estimates") if flag else "")
                             for year, value, flag in zip(rows["year"], rows["value_usd"], rows["estimated"])],
               "hoverinfo": "text"}
              for index, (view, rows) in enumerate(totals.groupby("view", sort=False))]
    return make_figure(traces, layout(title=title, x_title=_("Year (open marker: includes IMF estimates)"),
                                      y_title=_(US_BILLION), xaxis=year_axis([float(year) for trace in traces for year in trace["x"]])))
