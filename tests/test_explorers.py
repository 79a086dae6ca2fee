"""In-process tests of the membership-map and indicator explorers: change a control, the output changes."""
import pytest

from scocourse.explorers.indicators import build_indicator_explorer
from scocourse.explorers.membership import MembershipMapExplorer, latest_membership_date, map_date


def _texts(outputs):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in outputs]


def test_membership_map_follows_the_slider():
    ex = MembershipMapExplorer()
    first = _texts(ex.output.outputs)
    assert "Shanghai Five" in " ".join(first)
    ex.slider.value = 2017
    second = _texts(ex.output.outputs)
    assert second != first and "2017" in " ".join(second)


def test_map_date_uses_year_end_or_the_latest_data_date():
    last = latest_membership_date()
    assert map_date(2010) == "2010-12-31"
    assert map_date(last.year) == last


def test_indicator_explorer_redraws_on_a_new_indicator_and_countries():
    ex = build_indicator_explorer("gdp_per_capita", countries=["KAZ", "TJK"])
    before = ex.output.outputs
    ex.indicator.value = "SP.POP.TOTL"
    assert ex.output.outputs != before
    ex.countries.value = ()
    assert _texts(ex.output.outputs) == ["Select at least one country."]


def test_indicator_explorer_unknown_country_is_a_clear_error():
    from scocourse.errors import CourseError

    with pytest.raises(CourseError, match="Kyrgyzstan"):
        build_indicator_explorer("gdp", countries=["Kyrgystan"])


# --------------------------------------------------------------------------- $ is never typeset as LaTeX
_BARE_DOLLAR = __import__("re").compile(r"(?<!\\)\$")


def _bare_dollars(outputs) -> list[str]:
    return [f"{kind}: {text[:80]}" for o in outputs for kind, text in o["data"].items()
            if kind in ("text/markdown", "text/html") and _BARE_DOLLAR.search(text)]


def test_live_outputs_escape_dollars_indicator_explorer():
    ex = build_indicator_explorer("gdp_per_capita", countries=["KAZ", "TJK"])
    shown = [v for o in ex.output.outputs for k, v in o["data"].items() if k == "text/plain"]
    assert any("US$" in t for t in shown)  # the case that matters is there ...
    assert _bare_dollars(ex.output.outputs) == []  # ... and escaped in Markdown and HTML
    ex.indicator.value = "BX.TRF.PWKR.CD.DT"  # remittances, current US$
    assert _bare_dollars(ex.output.outputs) == []


def test_live_outputs_escape_dollars_country_profile():
    from scocourse.explorers.country_profile import build_country_profile

    ex = build_country_profile("KAZ", sections=("indicators", "trade"))
    assert any("US$" in v for o in ex.output.outputs for v in o["data"].values() if isinstance(v, str))
    assert _bare_dollars(ex.output.outputs) == []
    ex.dropdown.value = "TJK"
    assert _bare_dollars(ex.output.outputs) == []


def test_every_markdown_and_html_helper_escapes_dollars():
    from scocourse.explorers import _display
    from scocourse.explorers.base import _escaped

    assert _display.markdown_output("US$ 5 to US$ 6")["data"] == {"text/markdown": r"US\$ 5 to US\$ 6",
                                                                  "text/plain": "US$ 5 to US$ 6"}
    assert _display.text_output("US$ 5", html=True)["data"]["text/html"] == r"<p>US\$ 5</p>"
    assert _display.escape_dollars(r"already \$ and $") == r"already \$ and \$"
    raw = {"output_type": "display_data", "metadata": {}, "data": {"text/markdown": "$x$", "text/plain": "$x$"}}
    assert _escaped(raw)["data"] == {"text/markdown": r"\$x\$", "text/plain": "$x$"}

    class W:
        model_id = "m"

    bundle = _display.widget_bundle(W(), "US$ 1")
    assert bundle["text/plain"] == "US$ 1" and bundle["text/html"] == r"<p>US\$ 1</p>"
    assert bundle[_display.WIDGET_VIEW]["model_id"] == "m"
