"""Trade figures: DataFrame -> plotly Figure, pure (graph_objects only)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import PALETTE, base_layout, build_empty_figure
from components.settings import CENTRAL_ASIA
from components.trade import REPORTER_TYPE_LABELS, format_usd

BILLION = 1e9
_SYMBOLS = {"statistics": "circle", "official-statement": "diamond", "international-organization": "square",
            "media-or-analysis": "triangle-up"}


def _hover_text(row: pd.Series) -> str:
    year = f"{row['year']}" + (" (year implied)" if row.get("year_inferred") else "")
    period = "" if row["period"] == "full year" else f", {row['period']}"
    return (f"<b>{format_usd(row['value_usd'], row['value_qualifier'])}</b> ({year}{period})<br>"
            f"As stated: {_escape(row['value_as_stated'])}<br>"
            f"Reported by: {_escape(row['reporter'])}<br>"
            f"Statement: {row['statement_date_text'] if isinstance(row['statement_date_text'], str) else 'date not given'}<br>"
            f"Source: {_escape(row.get('source_label', ''))}<br>"
            f"Record: {row['id']}")


def _escape(text: str) -> str:
    """Plotly hover text is HTML-like: show data text as text."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _points_trace(points: pd.DataFrame, reporter_type: str, color: str) -> go.Scatter:
    rows = points[points["reporter_type"] == reporter_type]
    return go.Scatter(
        x=rows["year"].astype(float), y=rows["value_usd"] / BILLION, mode="markers",
        name=REPORTER_TYPE_LABELS[reporter_type],
        marker={"symbol": _SYMBOLS[reporter_type], "size": 11, "color": color,
                "line": {"width": 1, "color": "white"}},
        hovertext=[_hover_text(row) for _, row in rows.iterrows()], hoverinfo="text",
        customdata=rows["id"],
    )


def _target_traces(targets: pd.DataFrame, x_range: tuple[float, float]) -> list[go.Scatter]:
    traces = []
    for _, target in targets.iterrows():
        when = f"by {target['year']}" if pd.notna(target["year"]) else "no year named"
        speaker = str(target["reporter"]).split(" (")[0]  # two targets of the same size are told apart by who set them
        label = f"Target {format_usd(target['value_usd'])} ({when}), {_escape(speaker)}"
        traces.append(go.Scatter(
            x=list(x_range), y=[target["value_usd"] / BILLION] * 2, mode="lines", name=label,
            line={"dash": "dash", "width": 1.5, "color": "#999999"},
            hovertext=f"{label}<br>Said by: {_escape(target['reporter'])}<br>Record: {target['id']}",
            hoverinfo="text", customdata=[target["id"]] * 2,
        ))
    return traces


def build_intraregional_figure(points: pd.DataFrame, targets: pd.DataFrame,
                               series: pd.DataFrame | None = None) -> go.Figure:
    """Every intraregional-total figure as a point, by kind of reporter; targets as dashed lines;
    one reporter's series as a line when chosen."""
    title = "Trade among the five Central Asian states, as reported"
    if points.empty:
        return build_empty_figure("No intraregional trade figures match.", title=title)
    figure = go.Figure()
    for index, reporter_type in enumerate(REPORTER_TYPE_LABELS):
        if (points["reporter_type"] == reporter_type).any():
            figure.add_trace(_points_trace(points, reporter_type, PALETTE[index]))
    if series is not None and not series.empty:
        figure.add_trace(go.Scatter(
            x=series["year"].astype(float), y=series["value_usd"] / BILLION, mode="lines+markers",
            name=f"Series: {series['reporter'].iloc[0]}", line={"color": PALETTE[5], "width": 2},
            hovertext=[_hover_text(row) for _, row in series.iterrows()], hoverinfo="text",
            customdata=series["id"]))
    years = points["year"].astype(float)
    for trace in _target_traces(targets, (years.min() - 0.5, years.max() + 0.5)):
        figure.add_trace(trace)
    figure.update_xaxes(dtick=1)
    return base_layout(figure, title=title, x_title="Year the figure refers to", y_title="US$ billion")


def build_pair_matrix_figure(matrix: pd.DataFrame, year: int) -> go.Figure:
    """Heatmap: row = reporting country, column = partner; blank cells say 'no data'."""
    title = f"Bilateral trade in {year}: each side's own figure"
    if matrix.isna().all().all():
        return build_empty_figure(f"No full-year bilateral figures for {year}.", title=title)
    values = matrix.to_numpy(dtype="float64") / BILLION
    text = [[("" if row == column else "no data") if pd.isna(value) else f"{value:.2f}"
             for column, value in zip(matrix.columns, values_row)]
            for row, values_row in zip(matrix.index, values)]
    figure = go.Figure(go.Heatmap(
        z=values, x=list(matrix.columns), y=list(matrix.index), text=text, texttemplate="%{text}",
        colorscale="Blues", hoverongaps=False, colorbar={"title": {"text": "US$ bn"}},
        hovertemplate="%{y}'s figure for trade with %{x}: US$ %{z:.3f} bn<extra></extra>",
    ))
    figure.update_yaxes(autorange="reversed")
    return base_layout(figure, title=title, x_title="Partner", y_title="Reported by", height=460)


def build_pair_series_figure(observations: pd.DataFrame, pair: str) -> go.Figure:
    """One line per reporter for a pair, so the mirror gap shows."""
    title = f"Bilateral trade {pair}, by reporter"
    if observations.empty:
        return build_empty_figure(f"No figures for {pair} are in the data.", title=title)
    figure = go.Figure()
    for index, (reporter, rows) in enumerate(observations.groupby("reporter", sort=True)):
        figure.add_trace(go.Scatter(
            x=rows["year"].astype(float), y=rows["value_usd"] / BILLION, mode="lines+markers",
            name=str(reporter), line={"color": PALETTE[index % len(PALETTE)]},
            marker={"symbol": ["circle" if full else "circle-open" for full in rows["full_year"]], "size": 9},
            hovertext=[_hover_text(row) for _, row in rows.iterrows()], hoverinfo="text", customdata=rows["id"]))
    figure.update_xaxes(dtick=1)
    return base_layout(figure, title=title, x_title="Year (open marker: part of the year)", y_title="US$ billion")


def build_country_region_figure(observations: pd.DataFrame) -> go.Figure:
    """Each state's reported trade with the other four, one colour per state."""
    title = "Each state's trade with the rest of Central Asia, as reported"
    if observations.empty:
        return build_empty_figure("No figures of a state's trade with the region match.", title=title)
    figure = go.Figure()
    for index, country in enumerate(CENTRAL_ASIA):
        rows = observations[observations["country"] == country]
        if rows.empty:
            continue
        figure.add_trace(go.Scatter(
            x=rows["year"].astype(float), y=rows["value_usd"] / BILLION, mode="lines+markers", name=country,
            line={"color": PALETTE[index]}, hovertext=[_hover_text(row) for _, row in rows.iterrows()],
            hoverinfo="text", customdata=rows["id"]))
    figure.update_xaxes(dtick=1)
    return base_layout(figure, title=title, x_title="Year", y_title="US$ billion")


def build_external_figure(external: pd.DataFrame, intraregional: pd.DataFrame) -> go.Figure:
    """Trade with outside partners, one colour per partner, beside the intraregional figures."""
    title = "Central Asia's trade with outside partners, beside trade within the region"
    if external.empty and intraregional.empty:
        return build_empty_figure("No figures match.", title=title)
    figure = go.Figure()
    for index, (partner, rows) in enumerate(external.groupby("partner", sort=True)):
        figure.add_trace(go.Scatter(
            x=rows["year"].astype(float), y=rows["value_usd"] / BILLION, mode="markers", name=f"With {partner}",
            marker={"size": 10, "color": PALETTE[index % len(PALETTE)]},
            hovertext=[_hover_text(row) for _, row in rows.iterrows()], hoverinfo="text", customdata=rows["id"]))
    if not intraregional.empty:
        figure.add_trace(go.Scatter(
            x=intraregional["year"].astype(float), y=intraregional["value_usd"] / BILLION, mode="markers",
            name="Within Central Asia", marker={"size": 9, "color": "#222222", "symbol": "x"},
            hovertext=[_hover_text(row) for _, row in intraregional.iterrows()], hoverinfo="text",
            customdata=intraregional["id"]))
    figure.update_xaxes(dtick=1)
    return base_layout(figure, title=title, x_title="Year", y_title="US$ billion")
