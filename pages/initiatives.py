"""Initiatives: each initiative's status history, filters, and a detail view."""

import streamlit as st

from components.domain import initiatives as ini
from components.figures.base import chart_config
from components.figures.initiatives import build_history_figure
from components.ui.markdown import escape_markdown
from components.ui.loader import render_sources, require_dataset
from components.ui.share import (render_share, set_view_title, shared_countries, shared_view_params, url_multiselect,
                                 url_select, url_text, view_params)
from components.links.contract import country_names, initiative_proposers, list_dataset_years

dataset = require_dataset()
initiatives, steps = dataset.initiatives, dataset.initiative_steps
names = country_names(dataset)
span = list_dataset_years(dataset)
share_slot = st.container()
st.title("Initiatives")
st.caption("Regional concepts, treaties, declarations and institutions, each with its dated status history.")

with st.container(border=True):
    text = url_text("Search names and descriptions", key="q", max_chars=200)
    left, middle, right = st.columns(3)
    types = url_multiselect("Type", sorted(initiatives["type"].astype(str).unique()), key="type", container=left)
    statuses = url_multiselect("Current status", [s for s in ini.STATUS_ORDER
                                                  if s in set(initiatives["status"].astype(str).tolist())],
                               format_func=ini.STATUS_LABELS.get, key="status", container=middle)
    proposers = url_multiselect("Proposed by", initiative_proposers(initiatives),
                                format_func=lambda code: names.get(code, code), key="proposer", container=right)
    parties = shared_countries()
    st.caption("Parties: the Countries filter in the sidebar"
               + (" (now " + ", ".join(names.get(c, c) for c in parties) + ")." if parties else "."))

shown = ini.filter_initiatives(initiatives, ini.InitiativeFilter(tuple(types), tuple(statuses), tuple(proposers),
                                                                 tuple(parties), text))
filter_params = [*shared_view_params(span, names), ("q", text, ""), ("type", types, []), ("status", statuses, []),
                 ("proposer", proposers, [])]


def _render_share(selected: str | None, title: str | None) -> None:
    view = title or ini.describe_filter(types, statuses, proposers, parties, text, names) or "All initiatives"
    set_view_title("Initiatives", view)
    with share_slot:
        render_share(page_title="Initiatives", url_path="initiatives", view=view, data_version=dataset.info.updated,
                     params=view_params([*filter_params, ("initiative", selected, None)]))


if shown.empty:
    _render_share(None, None)
    st.info("No initiative matches these filters. Clear the search or remove a filter.", icon=":material/search_off:")
    st.stop()

st.write(f"{len(shown)} initiative(s) match.")
shown_steps = ini.steps_of(steps, shown)
st.plotly_chart(build_history_figure(shown_steps, shown["name"].tolist()), key="history",
                config=chart_config("central-asia-initiatives-status"))
st.dataframe(ini.build_status_table(shown), hide_index=True, key="status_table")

titles = dict(zip(shown["id"].tolist(), shown["name"].tolist()))
linked = st.query_params.get("initiative")
if linked and linked not in titles:
    st.caption(f"The initiative in the link ({escape_markdown(linked)}) is outside these filters; clear them to open it.")
selected = url_select("Initiative", list(titles), key="initiative", format_func=titles.get,
                      placeholder="Choose an initiative to see its history")
if selected:
    row = shown.set_index("id").loc[selected]
    with st.container(border=True):
        st.subheader(escape_markdown(row["name"]))
        proposer = f" ({escape_markdown(row['proposer'])})" if isinstance(row["proposer"], str) else ""
        st.markdown(f"Proposed by: {escape_markdown(row['proposed_by_names'] or 'not recorded')}{proposer}  \n"
                    f"Parties: {escape_markdown(', '.join(names.get(c, c) for c in row['parties']) or 'not recorded')}  \n"
                    f"Status: **{ini.STATUS_LABELS[str(row['status'])]}** since {row['status_date_text']}")
        if isinstance(row["description"], str):
            st.write(escape_markdown(row["description"]))
        own_steps = shown_steps[shown_steps["initiative"] == selected]
        st.dataframe(ini.build_step_table(own_steps, dataset.meetings, dataset.sources), hide_index=True,
                     key="steps_table")
        for note in row["notes"]:
            st.caption(escape_markdown(note))
        render_sources(own_steps["sources"].tolist() + [row["sources"]], dataset.sources)

_render_share(selected, titles.get(selected))
