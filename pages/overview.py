"""Overview: where regional cooperation stands, from the data."""

import streamlit as st

from components.blocks.trade_statistics import build_total_block
from components.domain import trade_aggregates
from components.domain.meetings import format_date_range, place_label
from components.domain.overview import summarize_dataset
from components.domain.trade import format_usd
from components.ui.chart import render_chart_block
from components.ui.markdown import escape_markdown
from components.ui.panels import render_page_link, render_record_sources
from components.ui.view import begin_page, finish_page
from components.ui.tables import render_table

dataset = begin_page()
summary = summarize_dataset(dataset)
finish_page("Where regional cooperation stands")
st.write("Regional cooperation of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan: "
         "meetings, formats, initiatives and trade, every record traced to public sources.")
st.caption(f"Data last changed {summary.updated}.")

intraregional = trade_aggregates.intraregional_figures(dataset)
render_chart_block(build_total_block(intraregional, trade_aggregates.regional_targets(dataset), intraregional.iloc[0:0],
                                     trade_aggregates.regional_totals(dataset), dataset.sources))

columns = st.columns(len(summary.counts))
for column, (label, count) in zip(columns, summary.counts.items()):
    column.metric(label, f"{count:,}")

left, right = st.columns(2)
with left.container(border=True):
    st.subheader("Intraregional trade")
    latest = summary.latest_trade
    if latest is None:
        st.info("No intraregional trade figure is in the data.")
    else:
        st.metric(f"Latest figure (for {latest['year']})", format_usd(latest["value_usd"], latest["value_qualifier"]))
        st.caption(f"Reported by {escape_markdown(latest['reporter'])}, {latest['statement_date_text'] or 'undated'}. "
                   "Other reporters give other figures: see the trade page.")
    claim = summary.growth_claim
    if claim is not None:
        st.markdown(f"**Growth claim:** “{escape_markdown(claim['growth_as_stated'])}” "
                    f"({escape_markdown(claim['value_as_stated'])}), said by {escape_markdown(claim['reporter'])}, "
                    f"{claim['statement_date_text'] or 'undated'}.")
        for row in trade_aggregates.claim_comparisons(dataset, claim["id"]):
            st.markdown(f"**The statistics for {escape_markdown(row['claim'])}:** "
                        f"{escape_markdown(row['statistics (IMF DOTS)'])}"
                        + (f" ({escape_markdown(row['arithmetic'])})" if row["arithmetic"] else ""))
    cited = [row["sources"] for row in (latest, claim) if row is not None]
    render_record_sources(cited, dataset.sources)
    render_page_link("trade")

with right.container(border=True):
    st.subheader("Consultative Meetings of the Heads of State")
    for label, meeting in (("Last", summary.last_summit), ("Next", summary.next_summit)):
        if meeting is None:
            st.markdown(f"**{label}:** none in the data")
        else:
            st.markdown(f"**{label}:** {escape_markdown(meeting['title'])}, "
                        f"{format_date_range(meeting['start_text'], meeting['end_text'])}, "
                        f"{escape_markdown(place_label(meeting))} ({meeting['status']})")
    render_table(summary.held_by_level, key="held_by_level")
    render_page_link("meetings")
    render_page_link("formats")

with st.container(border=True):
    st.subheader("Latest initiatives adopted or signed")
    adoptions = summary.latest_adoptions
    if adoptions.empty:
        st.info("No initiative has been adopted or signed in the data.")
    else:
        render_table(adoptions.drop(columns=["id", "sources"]), key="adoptions")
        render_record_sources(adoptions["sources"], dataset.sources)
    render_page_link("initiatives")

st.caption("Every record cites its sources; all of them are on the Sources page.")
render_page_link("sources", label="All sources")
