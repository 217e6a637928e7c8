"""Overview: where regional cooperation stands, from the data."""

import streamlit as st

from components.blocks.trade_views import build_overview_total_block
from components.data.dates import format_data_date
from components.domain import trade_aggregates
from components.domain.meetings import format_date_range, place_label
from components.domain.overview import summarize_dataset
from components.domain.trade import format_usd
from components.i18n.formats import format_number
from components.i18n.texts import N_, _
from components.ui.chart import render_chart_block
from components.ui.markdown import escape_markdown
from components.ui.panels import render_page_link, render_record_sources
from components.ui.view import begin_page, finish_page
from components.ui.tables import render_table

# The summits' lines: (none in the data, the meeting's line), translated where shown.
LAST_SUMMIT = (N_("**Last:** none in the data"), N_("**Last:** {title}, {dates}, {place} ({status})"))
NEXT_SUMMIT = (N_("**Next:** none in the data"), N_("**Next:** {title}, {dates}, {place} ({status})"))
# A summit's status as the line names it (the data's code in English).
SUMMIT_STATUSES = {"held": N_("held"), "scheduled": N_("scheduled"), "postponed": N_("postponed"),
                   "cancelled": N_("cancelled")}

dataset = begin_page()
summary = summarize_dataset(dataset)
finish_page(_("Where regional cooperation stands"))
st.write(_("Regional cooperation of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan: "
           "meetings, formats, initiatives and trade, every record traced to public sources."))
st.caption(_("Data last changed {updated}.").format(updated=format_data_date(summary.updated)))

render_chart_block(build_overview_total_block(dataset))  # built once per data version and language

columns = st.columns(len(summary.counts))
for column, (label, count) in zip(columns, summary.counts.items()):
    column.metric(_(label), format_number(count))

left, right = st.columns(2)
with left.container(border=True):
    st.subheader(_("Intraregional trade"))
    latest = summary.latest_trade
    if latest is None:
        st.info(_("No intraregional trade figure is in the data."))
    else:
        st.metric(_("Latest figure (for {year})").format(year=latest["year"]),
                  format_usd(latest["value_usd"], latest["value_qualifier"]))
        st.caption(_("Reported by {reporter}, {date}. Other reporters give other figures: see the trade page.").format(
            reporter=escape_markdown(latest["reporter"]),
            date=format_data_date(latest["statement_date_text"]) or _("undated")))
    claim = summary.growth_claim
    if claim is not None:
        st.markdown(_("**Growth claim:** “{growth}” ({value}), said by {reporter}, {date}.").format(
            growth=escape_markdown(claim["growth_as_stated"]), value=escape_markdown(claim["value_as_stated"]),
            reporter=escape_markdown(claim["reporter"]),
            date=format_data_date(claim["statement_date_text"]) or _("undated")))
        for row in trade_aggregates.claim_comparisons(dataset, claim["id"]):
            parts = {"claim": escape_markdown(row["claim"]), "statistics": escape_markdown(row["statistics (IMF DOTS)"])}
            if row["arithmetic"]:
                st.markdown(_("**The statistics for {claim}:** {statistics} ({arithmetic})").format(
                    **parts, arithmetic=escape_markdown(row["arithmetic"])))
            else:
                st.markdown(_("**The statistics for {claim}:** {statistics}").format(**parts))
    cited = [row["sources"] for row in (latest, claim) if row is not None]
    render_record_sources(cited, dataset.sources)
    render_page_link("trade")

with right.container(border=True):
    st.subheader(_("Consultative Meetings of the Heads of State"))
    for (none_text, line), meeting in ((LAST_SUMMIT, summary.last_summit), (NEXT_SUMMIT, summary.next_summit)):
        if meeting is None:
            st.markdown(_(none_text))
        else:
            status = str(meeting["status"])
            st.markdown(_(line).format(
                title=escape_markdown(meeting["title"]),
                dates=format_date_range(meeting["start_text"], meeting["end_text"]),
                place=escape_markdown(place_label(meeting)),
                status=_(SUMMIT_STATUSES[status]) if status in SUMMIT_STATUSES else status))
    render_table(summary.held_by_level, key="held_by_level")
    render_page_link("meetings")
    render_page_link("formats")

with st.container(border=True):
    st.subheader(_("Latest initiatives adopted or signed"))
    adoptions = summary.latest_adoptions
    if adoptions.empty:
        st.info(_("No initiative has been adopted or signed in the data."))
    else:
        render_table(adoptions.drop(columns=["id", "sources"]), key="adoptions")
        render_record_sources(adoptions["sources"], dataset.sources)
    render_page_link("initiatives")

st.caption(_("Every record cites its sources; all of them are on the Sources page."))
render_page_link("sources", label=_("All sources"))
