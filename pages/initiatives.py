"""Initiatives: each initiative's status history, filters, and a detail view."""

import streamlit as st

from components import initiatives as ini
from components.charts import chart_config
from components.initiative_charts import build_history_figure
from components.text import escape_markdown
from components.ui import render_sources, require_dataset

dataset = require_dataset()
initiatives, steps = dataset.initiatives, dataset.initiative_steps
names = dict(zip(dataset.countries["id"], dataset.countries["name"]))
st.title("Initiatives")
st.caption("Regional concepts, treaties, declarations and institutions, each with its dated status history.")

with st.container(border=True):
    text = st.text_input("Search names and descriptions", key="q")
    left, middle, right, far = st.columns(4)
    types = left.multiselect("Type", sorted(initiatives["type"].astype(str).unique()), key="type")
    statuses = middle.multiselect("Current status", [s for s in ini.STATUS_ORDER
                                                     if s in set(initiatives["status"].astype(str))],
                                  format_func=ini.STATUS_LABELS.get, key="status")
    proposers = right.multiselect("Proposed by", sorted({c for codes in initiatives["proposed_by"] for c in codes}),
                                  format_func=lambda code: names.get(code, code), key="proposer")
    parties = far.multiselect("Party", sorted({c for codes in initiatives["parties"] for c in codes}),
                              format_func=lambda code: names.get(code, code), key="party")

shown = ini.filter_initiatives(initiatives, ini.InitiativeFilter(tuple(types), tuple(statuses), tuple(proposers),
                                                                 tuple(parties), text))
if shown.empty:
    st.info("No initiative matches these filters. Clear the search or remove a filter.", icon=":material/search_off:")
    st.stop()

st.write(f"{len(shown)} initiative(s) match.")
shown_steps = ini.steps_of(steps, shown)
st.plotly_chart(build_history_figure(shown_steps, list(shown["name"])), key="history",
                config=chart_config("central-asia-initiatives-status"))
st.dataframe(ini.build_status_table(shown), hide_index=True, key="status_table")

titles = dict(zip(shown["id"], shown["name"]))
if st.session_state.get("initiative") not in titles:
    st.session_state.pop("initiative", None)
selected = st.selectbox("Initiative", list(titles), format_func=titles.get, index=None,
                        placeholder="Choose an initiative to see its history", key="initiative")
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
        render_sources(list(own_steps["sources"]) + [row["sources"]], dataset.sources)
