"""Statistics blocks: the partner view's two ways of seeing the same trade, summed or per state."""

from __future__ import annotations

from components.blocks.trade_statistics import build_partner_block
from components.domain import trade_statistics as ts
from components.settings import CENTRAL_ASIA
from tests.builders import make_sources
from tests.domain.test_trade_statistics import _series

ROWS = [(state, "CHN", flow, 2019, value, False) for state in CENTRAL_ASIA for flow, value in
        (("exports", 10), ("imports", 5))]
ROWS += [("CHN", state, flow, 2019, value, False) for state in CENTRAL_ASIA for flow, value in
         (("exports", 7), ("imports", 3))]
SERIES = _series(*ROWS)


def _lines(block) -> dict[str, float]:
    return {trace.name: trace.y[0] for trace in block.figure.data}


def test_the_partner_view_sums_each_side_over_the_five_each_state_once():
    block = build_partner_block(ts.partner_trade(SERIES, "CHN", "China"), "CHN", "China", make_sources("src-a"))
    assert _lines(block) == {"as the five report it": 5 * 15e6 / 1e9, "as China reports it": 5 * 10e6 / 1e9}
    assert len(block.table) == 10  # every state's figure behind the two sums
    assert block.summary == "2019: as China reports it $50 million; as the five report it $75 million."


def test_chosen_states_get_their_own_two_lines():
    block = build_partner_block(ts.partner_trade(SERIES, "CHN", "China"), "CHN", "China", make_sources("src-a"),
                                states=("KAZ",))
    assert _lines(block) == {"KAZ, as KAZ reports it": 15e6 / 1e9, "KAZ, as China reports it": 10e6 / 1e9}
    assert set(block.table["state"]) == {"KAZ"}
