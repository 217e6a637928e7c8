"""Trade figures: DataFrame -> plotly Figure, pure (graph_objects from plain dicts, validated once)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.data.rows import records
from components.data.vocabulary import REPORTER_TYPES
from components.domain.trade import format_usd
from components.figures.base import (
    PALETTE,
    build_empty_figure,
    escape_text,
    layout,
    make_figure,
)
from components.i18n.formats import format_number, is_source_language
from components.i18n.texts import N_, _, ngettext
from components.settings import CENTRAL_ASIA

BILLION = 1e9
US_BILLION = N_("US$ billion")  # the y axis of every trade chart
US_BN = N_("US$ bn")  # a heatmap's colour bar


def cell_text(value: float, estimated: bool = False) -> str:
    """A heatmap cell: US$ billion with two decimals, ' e' after an IMF estimate ('1,23 оц.' in Russian)."""
    number = f"{value:.2f}" if is_source_language() else format_number(value, 2)
    return _("{value} e").format(value=number) if estimated else number


def source_text(label: str, count: int) -> str:
    """The row's `source_label` ('Publisher, date (+2 more)', built in English when the data loads), its
    '(+N more)' in the reader's language."""
    if is_source_language() or count <= 1:
        return label
    more = count - 1
    return ngettext("{source} (+{count} more)", "{source} (+{count} more)", more).format(
        source=label.rsplit(" (+", 1)[0], count=more)


def year_axis(years: list[float]) -> dict:
    """A year axis with readable ticks: every year over a short span, every 2nd or 5th over longer ones."""
    span = (max(years) - min(years)) if years else 0
    return {"dtick": 1 if span <= 12 else 2 if span <= 24 else 5, "tickformat": "d"}


def _trace_years(traces: list[dict]) -> list[float]:
    return [float(year) for trace in traces for year in (trace.get("x") if trace.get("x") is not None else [])
            if year is not None]


def _hover_text(row: dict) -> str:
    year = _("{year} (year implied)").format(year=row["year"]) if row.get("year_inferred") else f"{row['year']}"
    period = "" if row["period"] == "full year" else f", {row['period']}"  # the period as the data gives it
    sources = row.get("sources")
    source = source_text(row.get("source_label", ""), len(sources) if isinstance(sources, (list, tuple)) else 1)
    return _("<b>{value}</b> ({year}{period})<br>As stated: {stated}<br>Reported by: {reporter}<br>"
             "Statement: {statement}<br>Source: {source}<br>Record: {record}").format(
        value=format_usd(row["value_usd"], row["value_qualifier"]), year=year, period=period,
        stated=escape_text(row["value_as_stated"]), reporter=escape_text(row["reporter"]),
        statement=row["statement_date_text"] if isinstance(row["statement_date_text"], str) else _("date not given"),
        source=escape_text(source), record=row["id"])


_HOVER_COLUMNS = ["year", "year_inferred", "period", "value_usd", "value_qualifier", "value_as_stated", "reporter",
                  "statement_date_text", "source_label", "id", "sources"]


def _hovers(rows: pd.DataFrame) -> list[str]:
    return [_hover_text(row) for row in records(rows, _HOVER_COLUMNS)]


def _observations_trace(rows: pd.DataFrame, **style) -> dict:
    """One trace of observations: year on x, US$ billion on y, hover naming value, reporter and source."""
    return {"type": "scatter", "x": rows["year"].to_numpy(dtype="float64"),
            "y": rows["value_usd"].to_numpy(dtype="float64") / BILLION,
            "hovertext": _hovers(rows), "hoverinfo": "text", "customdata": rows["id"].tolist(), **style}


def _points_trace(points: pd.DataFrame, reporter_type: str) -> dict:
    rows, term = points[points["reporter_type"] == reporter_type], REPORTER_TYPES[reporter_type]
    return _observations_trace(
        rows, mode="markers", name=_(term.label),
        marker={"symbol": term.symbol, "size": 11, "color": term.colour, "line": {"width": 1, "color": "white"}})


def _target_traces(targets: pd.DataFrame, x_range: tuple[float, float]) -> list[dict]:
    traces = []
    for target in records(targets, ["year", "reporter", "value_usd", "id"]):
        when = _("by {year}").format(year=target["year"]) if pd.notna(target["year"]) else _("no year named")
        speaker = str(target["reporter"]).split(" (")[0]  # two targets of the same size are told apart by who set them
        label = _("Target {value} ({when}), {speaker}").format(value=format_usd(target["value_usd"]), when=when,
                                                               speaker=escape_text(speaker))
        traces.append({
            "type": "scatter", "x": list(x_range), "y": [target["value_usd"] / BILLION] * 2, "mode": "lines",
            "name": label, "line": {"dash": "dash", "width": 1.5, "color": "#999999"},
            "hovertext": _("{target}<br>Said by: {reporter}<br>Record: {record}").format(
                target=label, reporter=escape_text(target["reporter"]), record=target["id"]),
            "hoverinfo": "text", "customdata": [target["id"]] * 2,
        })
    return traces


def build_intraregional_figure(points: pd.DataFrame, targets: pd.DataFrame, series: pd.DataFrame | None = None,
                               statistics: list[dict] | None = None) -> go.Figure:
    """The statistical totals as lines (when given); every stated intraregional figure as a point, by kind
    of reporter, never joined to them; targets as dashed lines; one reporter's series as a line when chosen."""
    title = _("Trade among the five Central Asian states: the statistics and what was said")
    if points.empty and not statistics:
        return build_empty_figure(_("No intraregional trade figures match."), title=title)
    present = set(points["reporter_type"].astype(str).tolist())
    traces = list(statistics or [])
    traces += [_points_trace(points, reporter_type) for reporter_type in REPORTER_TYPES if reporter_type in present]
    if series is not None and not series.empty:
        name = _("Series: {reporter}").format(reporter=escape_text(series["reporter"].iloc[0]))
        traces.append(_observations_trace(series, mode="lines+markers", name=name,
                                          line={"color": PALETTE[5], "width": 2}))
    years = [*points["year"].astype(float).tolist(), *(year for trace in statistics or [] for year in trace["x"])]
    traces += _target_traces(targets, (min(years) - 0.5, max(years) + 0.5))
    return make_figure(traces, layout(title=title, x_title=_("Year the figure refers to"), y_title=_(US_BILLION),
                                      xaxis=year_axis(_trace_years(traces))))


def build_pair_matrix_figure(matrix: pd.DataFrame, year: int) -> go.Figure:
    """Heatmap: row = reporting country, column = partner; blank cells say 'no data'."""
    title = _("Bilateral trade in {year}: each side's own figure").format(year=year)
    if matrix.isna().all().all():
        return build_empty_figure(_("No full-year bilateral figures for {year}.").format(year=year), title=title)
    values = matrix.to_numpy(dtype="float64") / BILLION
    text = [[("" if row == column else _("no data")) if pd.isna(value) else cell_text(value)
             for column, value in zip(matrix.columns, values_row)]
            for row, values_row in zip(matrix.index, values)]
    heatmap = {"type": "heatmap", "z": values, "x": list(matrix.columns), "y": list(matrix.index), "text": text,
               "texttemplate": "%{text}", "colorscale": "Blues", "hoverongaps": False,
               "colorbar": {"title": {"text": _(US_BN)}},
               "hovertemplate": _("%{y}'s figure for trade with %{x}: US$ %{z:.3f} bn<extra></extra>")}
    return make_figure([heatmap], layout(title=title, x_title=_("Partner"), y_title=_("Reported by"), height=460,
                                         yaxis={"autorange": "reversed"}))


LINE_REPORTER_TYPES = ("statistics", "government")  # official series are joined; statements stay single points


def build_pair_series_figure(observations: pd.DataFrame, pair: str, statistics: list[dict] | None = None) -> go.Figure:
    """Both sides' statistical series (when given), one line per national statistical or ministerial reporter,
    and every statement as a point, so the mirror gap shows."""
    title = _("Bilateral trade {pair}, by reporter").format(pair=pair)
    if observations.empty and not statistics:
        return build_empty_figure(_("No figures for {pair} are in the data.").format(pair=pair), title=title)
    traces = list(statistics or [])
    traces += [_observations_trace(
        rows, mode="lines+markers" if str(rows["reporter_type"].iloc[0]) in LINE_REPORTER_TYPES else "markers",
        name=escape_text(reporter), line={"color": PALETTE[index % len(PALETTE)]},
        marker={"symbol": ["circle" if full else "circle-open" for full in rows["full_year"].tolist()], "size": 9})
        for index, (reporter, rows) in enumerate(observations.groupby("reporter", sort=True))]
    return make_figure(traces, layout(title=title, x_title=_("Year (open marker: part of the year)"),
                                      y_title=_(US_BILLION), xaxis=year_axis(_trace_years(traces))))


def build_country_region_figure(observations: pd.DataFrame) -> go.Figure:
    """Each state's reported trade with the other four, one colour per state."""
    title = _("Each state's trade with the rest of Central Asia, as reported")
    if observations.empty:
        return build_empty_figure(_("No figures of a state's trade with the region match."), title=title)
    traces = []
    for index, country in enumerate(CENTRAL_ASIA):
        rows = observations[observations["country"] == country]
        if not rows.empty:
            traces.append(_observations_trace(rows, mode="lines+markers", name=country,
                                              line={"color": PALETTE[index]}))
    return make_figure(traces, layout(title=title, x_title=_("Year"), y_title=_(US_BILLION),
                                      xaxis=year_axis(_trace_years(traces))))


def build_external_figure(external: pd.DataFrame, intraregional: pd.DataFrame) -> go.Figure:
    """Trade with outside partners, one colour per partner, beside the intraregional figures."""
    title = _("Central Asia's trade with outside partners, beside trade within the region")
    if external.empty and intraregional.empty:
        return build_empty_figure(_("No figures match."), title=title)
    # Translators: {partner} is a code or codes of the data (CHN, EU+CHN), or "unknown".
    traces = [_observations_trace(rows, mode="markers", name=_("With {partner}").format(
                                      partner=escape_text(partner if partner != "unknown" else _("unknown"))),
                                  marker={"size": 10, "color": PALETTE[index % len(PALETTE)]})
              for index, (partner, rows) in enumerate(external.groupby("partner", sort=True))]
    if not intraregional.empty:
        traces.append(_observations_trace(intraregional, mode="markers", name=_("Within Central Asia"),
                                          marker={"size": 9, "color": "#222222", "symbol": "x"}))
    return make_figure(traces, layout(title=title, x_title=_("Year"), y_title=_(US_BILLION),
                                      xaxis=year_axis(_trace_years(traces))))
