"""Tests of scocourse.charts: what each chart shows (artists, data, labels, source, description), errors
from the data layer for bad input, the house style and contexts, and the notebook outputs of a figure.

The rendering regression tests are in test_charts_regression.py and the kernel/nbconvert tests in
test_charts_notebook.py.
"""
from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest

mpl = pytest.importorskip("matplotlib")

import scocourse  # noqa: E402
from scocourse import charts, datasets  # noqa: E402
from scocourse.errors import (OutOfRangeError, UnknownCountryError, UnknownIndicatorError,  # noqa: E402
                              UnknownNameError, WrongTypeError)

from matplotlib.collections import PatchCollection, PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

CA = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]


@pytest.fixture(autouse=True)
def _screen_context():
    charts.use_context("screen")
    yield
    charts.use_context("screen")


def texts(fig) -> list[str]:
    """Every text drawn in the figure (figure texts, titles, labels, tick labels, annotations, legends)."""
    out = [t.get_text() for t in fig.findobj(mpl.text.Text)]
    return [t for t in out if t]


def all_text(fig) -> str:
    return "\n".join(texts(fig))


def bars(ax) -> list[Rectangle]:
    """Bar rectangles of an axes (not the background patch)."""
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def check_common(fig, dataset_names):
    """Every chart: a CourseFigure with title, description, source drawn at the bottom, from the datapackage."""
    assert isinstance(fig, charts.CourseFigure) and isinstance(fig, Figure)
    assert fig.title and fig.description and fig.source
    assert fig.source.startswith("Source: ")
    drawn = all_text(fig)
    assert fig.source in drawn.replace("\n", " ") or fig.source.split(";")[0] in drawn
    assert fig._suptitle is not None and fig._suptitle.get_text().replace("\n", " ") == fig.title
    for name in dataset_names:
        parts = datasets.source_line(name).removeprefix("Source: ").split("; ")
        assert any(p in fig.source for p in parts), (name, fig.source)
    # 1–2 sentences, no machine-specific text
    assert fig.description.count(". ") <= 3
    assert "0x" not in fig.description and "nan" not in fig.description.lower().split()
    return fig


# --------------------------------------------------------------------------- import and style
def test_import_scocourse_does_not_import_matplotlib():
    code = ("import sys, scocourse, scocourse.charts; "
            "from scocourse.charts import use_context, COLORS, STATUS_COLORS; use_context('projector'); "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'pandas'))))")
    out = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    assert not [m for m in loaded if m.startswith("matplotlib")], loaded


def test_lazy_attributes_and_all():
    for name in charts.__all__:
        assert getattr(charts, name) is not None
    with pytest.raises(AttributeError):
        charts.no_such_chart  # noqa: B018


def test_country_colours_fixed_and_distinct():
    key = ["KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "CHN"]
    cols = [charts.COLORS[c] for c in key]
    assert len(set(cols)) == 7
    assert set(cols) <= set(charts.OKABE_ITO.values())
    course = datasets.load("countries")["iso3"].tolist()
    assert all(c in charts.COLORS and c in charts.MARKERS for c in course)
    # countries sharing a muted tone are told apart by marker
    others = [c for c in course if c not in key]
    pairs = {(charts.COLORS[c], charts.MARKERS[c]) for c in others}
    assert len(pairs) == len(others)


def test_status_colours_and_hatches():
    statuses = ["shanghai_five", "founding_member", "member", "observer", "dialogue_partner", "partner", "none"]
    assert set(charts.STATUS_COLORS) == set(statuses) == set(charts.STATUS_HATCHES) == set(charts.STATUS_LABELS)
    assert len({(charts.STATUS_COLORS[s], charts.STATUS_HATCHES[s]) for s in statuses}) == len(statuses)


def test_use_context_switches_sizes():
    from scocourse.charts import style

    charts.use_context("screen")
    small = style.context_settings()
    fig_s = charts.water_dependency()
    charts.use_context("projector")
    assert charts.get_context() == "projector"
    big = style.context_settings()
    assert big["font"] > small["font"] and big["line"] > small["line"] and big["title"] > small["title"]
    fig_p = charts.water_dependency()
    assert fig_p._suptitle.get_fontsize() > fig_s._suptitle.get_fontsize()
    assert fig_p.axes[0].get_yticklabels()[0].get_fontsize() > fig_s.axes[0].get_yticklabels()[0].get_fontsize()


def test_use_context_unknown_name():
    with pytest.raises(UnknownNameError) as err:
        charts.use_context("beamer")
    assert "'screen'" in str(err.value) and "'projector'" in str(err.value)
    assert charts.get_context() == "screen"


def test_figures_made_without_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = charts.indicator_lines("population", countries=["KAZ"])
    assert plt.get_fignums() == before
    assert type(fig.canvas).__name__ == "FigureCanvasAgg"
    assert fig.get_figwidth() == pytest.approx(8.0) and fig.dpi == 100


# --------------------------------------------------------------------------- display
def test_figure_outputs_and_png():
    fig = charts.world_shares()
    image, text = charts.figure_outputs(fig)
    assert image["output_type"] == text["output_type"] == "display_data"
    assert image["metadata"] == {"image/png": {"alt": fig.description}}
    assert image["data"]["text/plain"] == f"<Figure: {fig.title}>"
    import base64

    png = base64.b64decode(image["data"]["image/png"])
    assert png.startswith(b"\x89PNG") and png == charts.png_bytes(fig)
    assert b"Software" not in png and b"tIME" not in png
    assert text["data"]["text/plain"] == f"Figure description: {fig.description}"
    md = text["data"]["text/markdown"]
    assert md.startswith("**Figure description:** ")
    # markdown: a US$ amount must not start MathJax; specials escaped
    fig2 = charts.defence_then_now()
    md2 = charts.figure_outputs(fig2)[1]["data"]["text/markdown"]
    assert "US\\$" in md2 and "US$" not in md2.replace("US\\$", "")
    assert repr(fig) == f"<Figure: {fig.title}>"


def test_png_deterministic_and_stable_on_rerender():
    a = charts.trade_shares()
    b = charts.trade_shares()
    assert charts.png_bytes(a) == charts.png_bytes(b) == charts.png_bytes(a)


def test_ipython_display_publishes_two_outputs(monkeypatch):
    pytest.importorskip("IPython")
    import IPython.display as ipd

    published = []
    monkeypatch.setattr(ipd, "publish_display_data", lambda data, metadata=None, **kw: published.append((data, metadata)))
    fig = charts.water_dependency()
    fig._ipython_display_()
    assert len(published) == 2
    assert published[0][1] == {"image/png": {"alt": fig.description}}
    assert "text/markdown" in published[1][0]


# --------------------------------------------------------------------------- 1. membership timeline
def test_membership_timeline_shows_every_spell():
    fig = check_common(charts.membership_timeline(), ["membership"])
    ax = fig.axes[0]
    spells = datasets.load("membership")
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert len(names) == spells["iso3"].nunique()
    assert names[:5] == ["China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]
    assert names[5] == "Uzbekistan" and names[-1] == "Laos"
    # one bar per spell (broken_barh collections hold one rectangle per spell)
    n_rects = sum(len(c.get_paths()) for c in ax.collections if isinstance(c, PolyCollection))
    assert n_rects == len(spells)
    # wave markers come from the data's start dates
    labels = [t.get_text() for t in ax.texts]
    for year in ("2001", "2017", "2023", "2024", "2025"):
        assert any(l.startswith(year + ":") for l in labels), labels
    assert any("India, Pakistan" in l for l in labels)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Shanghai Five", "Founding member", "Member", "Observer", "Dialogue partner", "Partner"]
    d = fig.description
    assert "27 countries" in d and "grew to 10" in d and "India and Pakistan in 2017" in d
    assert "1 September 2025 17 countries became SCO partners" in d


def test_membership_timeline_data_override_and_range():
    import pandas as pd

    df = pd.DataFrame({"iso3": ["KAZ", "KAZ"], "status": ["shanghai_five", "founding_member"],
                       "start": ["1996-04-26", "2001-06-15"], "end": ["2001-06-15", None]})
    fig = charts.membership_timeline(data=df)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Kazakhstan"]
    fig = charts.membership_timeline(start=2010, end=2020)
    assert fig.axes[0].get_xlim() == (2010.0, 2021.0)
    with pytest.raises(OutOfRangeError):
        charts.membership_timeline(start=1980)
    with pytest.raises(OutOfRangeError):
        charts.membership_timeline(start=2010, end=2005)
    with pytest.raises(WrongTypeError):
        charts.membership_timeline(start="2001")
    bad = df.assign(status=["shanghai_5", "member"])
    with pytest.raises(UnknownNameError, match="shanghai_five"):
        charts.membership_timeline(data=bad)


# --------------------------------------------------------------------------- 2. map
def _status_collections(ax):
    return [c for c in ax.collections if isinstance(c, PatchCollection)]


def test_membership_map_colours_by_status():
    fig = check_common(charts.membership_map(), ["membership", "boundaries"])
    ax = fig.axes[0]
    members = scocourse.members()
    colls = {c.get_facecolor()[0].tobytes(): c for c in _status_collections(ax)}
    member_rgba = np.array(mpl.colors.to_rgba(charts.STATUS_COLORS["member"]))
    member_coll = colls[member_rgba.tobytes()]
    assert len(member_coll.get_paths()) == len(members) == 10
    assert "10 members" in fig.description and "17 partners" in fig.description
    assert "since 1 September 2025" in fig.title
    # small states are dots, named in the description
    assert "Bahrain" in fig.description and "Maldives" in fig.description
    dots = [l for l in ax.lines if l.get_marker() == "o"]
    assert len(dots) >= 4
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:3] == ["Member", "Partner", "No SCO status"] and "Small state" in legend[-1]


def test_membership_map_past_date_and_zoom():
    fig = charts.membership_map(on="2010-01-01")
    assert fig.title == "SCO membership on 1 January 2010"
    assert "6 members" in fig.description and "4 observers (India, Iran, Mongolia and Pakistan)" in fig.description
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "Observer" in legend and "Dialogue partner" in legend and "Partner" not in legend
    ca = charts.membership_map(extent="central_asia")
    names = {t.get_text() for t in ca.axes[0].texts}
    assert {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"} <= names
    assert "Turkmenistan has no SCO status" in ca.description
    with pytest.raises(UnknownNameError, match="central_asia"):
        charts.membership_map(extent="asia")
    with pytest.raises(OutOfRangeError):
        charts.membership_map(on="1990-01-01")
    with pytest.raises(WrongTypeError):
        charts.membership_map(on="last spring")


# --------------------------------------------------------------------------- 3. world shares
def _wdi_share(code, year, countries):
    df = datasets.load("indicators")
    df = df[(df["indicator"] == code) & (df["year"] == year)].set_index("iso3")["value"]
    return 100 * df[countries].sum() / df["WLD"]


def test_world_shares_wdi_values_match_the_data():
    fig = check_common(charts.world_shares(), ["indicators"])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Population", "Area", "GDP (US$)", "GDP (PPP)"]
    year = int(fig.title[-4:])
    assert year == 2023  # latest year with every measure for every member and the world
    members = scocourse.members(on=f"{year}-12-31")
    expected = _wdi_share("SP.POP.TOTL", year, members)
    member_color = mpl.colors.to_rgba(charts.STATUS_COLORS["member"])
    member_bars = [b for b in bars(ax) if np.allclose(b.get_facecolor(), member_color)]
    assert len(member_bars) == 4
    pop_bar = min(member_bars, key=lambda b: b.get_y())
    assert pop_bar.get_width() == pytest.approx(expected)
    assert f"{expected:.1f}%" in fig.description and "9 SCO members" in fig.description


def test_world_shares_seed_2014_has_no_gdp():
    fig = check_common(charts.world_shares("seed_2014"), ["seed_2014_tables"])
    assert "not given in the 2014 report" in all_text(fig)
    assert "21.8%" in fig.description and "19.6%" in fig.description and "no GDP" in fig.description
    with pytest.raises(WrongTypeError):
        charts.world_shares("seed_2014", year=2014)


def test_world_shares_bad_input():
    with pytest.raises(UnknownNameError, match="seed_2014"):
        charts.world_shares("seed2014")
    with pytest.raises(OutOfRangeError):
        charts.world_shares(year=1950)
    fig = charts.world_shares(year=2015)
    assert fig.title.endswith("2015")


def test_world_shares_then_now_two_panels():
    fig = check_common(charts.world_shares_then_now(), ["seed_2014_tables", "indicators"])
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in panels] == ["Valdai report, 2014", "World Bank WDI, 2023"]
    assert "not in the report" in all_text(fig)
    assert "21.8% then" in fig.description


# --------------------------------------------------------------------------- 4. indicator lines
def test_indicator_lines_gaps_stay_gaps():
    fig = check_common(charts.indicator_lines("military_pct_gdp", countries=["TJK", "UZB", "KAZ"]), ["indicators"])
    ax = fig.axes[0]
    raw = scocourse.indicator("military_pct_gdp", countries=["TJK"])
    lines = [l for l in ax.lines if l.get_linestyle() != "None" and len(l.get_xdata()) > 2]
    assert len(lines) == 3
    tjk = next(l for l in lines if l.get_color() == charts.COLORS["TJK"])
    x, y = np.asarray(tjk.get_xdata()), np.asarray(tjk.get_ydata(), dtype=float)
    assert list(x) == list(range(int(x[0]), int(x[-1]) + 1))  # every year present...
    missing = set(range(int(x[0]), int(x[-1]) + 1)) - set(raw["year"])
    assert missing and all(math.isnan(y[list(x).index(m)]) for m in missing)  # ...missing years are NaN gaps
    assert ax.get_ylabel() == "% of GDP"
    labels = [t.get_text() for t in ax.texts]
    assert any(l.startswith("Uzbekistan (to ") for l in labels) and "Tajikistan" in labels
    assert "Gaps are years without data" in all_text(fig)


def test_indicator_lines_description_and_units():
    fig = charts.indicator_lines("gdp_per_capita")
    last = scocourse.indicator("gdp_per_capita", countries=CA)
    top = last.sort_values("year").groupby("iso3").tail(1).sort_values("value").iloc[-1]
    assert top["country"] in fig.description and f"in {top['year']}" in fig.description
    assert fig.axes[0].get_ylabel() == "Current US$"
    assert fig.title.startswith("GDP per capita (current US$)")


def test_indicator_lines_small_multiples_and_data_override():
    fig = charts.indicator_lines("population", small_multiples=True)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]
    import pandas as pd

    df = pd.DataFrame({"iso3": ["KAZ"] * 3, "year": [2000, 2001, 2003], "value": [1.0, 2.0, 4.0]})
    fig = charts.indicator_lines("population", countries="KAZ", data=df)
    line = next(l for l in fig.axes[0].lines if len(l.get_xdata()) == 4)
    assert math.isnan(line.get_ydata()[2])


def test_indicator_lines_errors_come_from_the_data_layer():
    with pytest.raises(UnknownIndicatorError, match="population"):
        charts.indicator_lines("populaton")
    with pytest.raises(UnknownCountryError, match="Kazakhstan"):
        charts.indicator_lines("population", countries=["Kazakstn"])
    with pytest.raises(OutOfRangeError):
        charts.indicator_lines("population", years=(1800, 1850))
    with pytest.raises(WrongTypeError):
        charts.indicator_lines("population", years="2000")


# --------------------------------------------------------------------------- 5. energy
def test_electricity_mix_bars_and_years():
    fig = check_common(charts.electricity_mix(CA), ["energy"])
    ax = fig.axes[0]
    e = datasets.load("energy")
    e = e[e["measure"] == "electricity_generation"]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    for iso3, label in zip(CA, labels):
        sub = e[e["iso3"] == iso3]
        latest = int(sub.groupby("year")["value"].sum().loc[lambda s: s > 0].index.max())
        assert label == f"{scocourse.country_name(iso3)} ({latest})"
    n_segments = sum(((e["iso3"] == c) & (e["year"] == int(l[-5:-1])) & (e["value"] > 0)).sum()
                     for c, l in zip(CA, labels))
    assert len(bars(ax)) == n_segments
    assert "coal for Kazakhstan" in fig.description and "Years differ" in fig.description
    # each bar sums to 100%
    for i in range(len(CA)):
        row = [b for b in bars(ax) if abs(b.get_y() + b.get_height() / 2 - i) < 1e-6]
        assert sum(b.get_width() for b in row) == pytest.approx(100)


def test_electricity_mix_errors():
    with pytest.raises(OutOfRangeError, match="Kazakhstan"):
        charts.electricity_mix(["KAZ"], year=1900)
    with pytest.raises(UnknownCountryError):
        charts.electricity_mix(["Atlantis"])


def test_electricity_mix_over_time_and_fossil():
    fig = check_common(charts.electricity_mix_over_time("Kyrgyzstan"), ["energy"])
    ax = fig.axes[0]
    fuels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Hydro" in fuels and len(ax.collections) == len(fuels)
    assert "hydro is the largest source" in fig.description
    with pytest.raises(OutOfRangeError):
        charts.electricity_mix_over_time("KGZ", years=(1950, 1960))
    fig = check_common(charts.fossil_production(), ["energy"])
    assert [ax.get_title(loc="left") for ax in fig.axes if ax.get_title(loc="left")] == [scocourse.country_name(c) for c in CA]
    assert "Kazakhstan was the largest producer" in fig.description and "Turkmenistan mostly gas" in fig.description
    assert "OWID energy (2022)" in fig.source and "Ember" not in fig.source


# --------------------------------------------------------------------------- 6. water
def test_water_dependency_values():
    fig = check_common(charts.water_dependency(), ["water"])
    ax = fig.axes[0]
    w = datasets.load("water")
    w = w[(w["variable"] == "dependency_ratio") & w["iso3"].isin(CA)]
    latest = w.sort_values("year").groupby("iso3").tail(1).set_index("iso3")["value"].sort_values(ascending=False)
    assert [t.get_text() for t in ax.get_yticklabels()] == [scocourse.country_name(c) for c in latest.index]
    assert [b.get_width() for b in bars(ax)] == pytest.approx(list(latest.values))
    assert "Turkmenistan depends most" in fig.description and "97%" in fig.description
    assert "period label" in fig.description


def test_water_withdrawals_stack_to_100():
    fig = check_common(charts.water_withdrawals(), ["water"])
    ax = fig.axes[0]
    for i in range(5):
        row = [b for b in bars(ax) if abs(b.get_y() + b.get_height() / 2 - i) < 1e-6]
        assert len(row) == 3 and sum(b.get_width() for b in row) == pytest.approx(100)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Agriculture", "Industry", "Municipal"]
    assert "Agriculture takes most" in fig.description
    with pytest.raises(UnknownCountryError):
        charts.water_withdrawals(["Narnia"])


def test_basin_flows_marks_uncertain_rows():
    fig = check_common(charts.basin_flows(), ["water_facts"])
    ax = fig.axes[0]
    hatched = [b for b in bars(ax) if b.get_hatch() == "///"]
    assert len(hatched) == 4  # three alternative-estimate shares and the '~17' upstream use
    shown = all_text(fig)
    assert "≈43%" in shown and "≈17%" in shown and "48.6%" in shown
    assert "73% of the Aral Sea basin's flow" in fig.description and "≈67%" in fig.description
    assert "55.7 km3/yr of the Amu Darya" in fig.description
    assert "Dukhovny" in shown and "Water Unites" in shown and "http" not in shown  # short names; full citations in the table


# --------------------------------------------------------------------------- 7. trade
def test_trade_shares_values_match_the_data():
    fig = check_common(charts.trade_shares(), ["trade"])
    t = datasets.load("trade")
    sub = t[(t["reporter"] == "KAZ") & (t["year"] == 2020)]
    chn = sub[sub["partner"] == "CHN"]["value"].sum()
    wld = sub[sub["partner"] == "WLD"]["value"].sum()
    panel = next(ax for ax in fig.axes if ax.get_title(loc="left") == "Kazakhstan")
    line = next(l for l in panel.lines if l.get_color() == charts.COLORS["CHN"] and len(l.get_xdata()) > 5)
    x = list(line.get_xdata())
    assert line.get_ydata()[x.index(2020)] == pytest.approx(100 * chn / wld)
    assert len([ax for ax in fig.axes if ax.get_title(loc="left")]) == 5
    assert "Turkmenistan and Uzbekistan" in fig.description and "50% of Turkmenistan's trade" in fig.description
    assert "IMF estimate" in all_text(fig)
    with pytest.raises(UnknownCountryError):
        charts.trade_shares(partners=("RUS", "Chinaa"))
    with pytest.raises(OutOfRangeError):
        charts.trade_shares(years=(2030, 2040))


# --------------------------------------------------------------------------- 8. population
def test_population_projection_solid_and_dashed():
    fig = check_common(charts.population_projection(), ["population_projections"])
    ax = fig.axes[0]
    series = [l for l in ax.lines if len(l.get_xdata()) > 10]
    dashed = [l for l in series if l.get_linestyle() == "--"]
    solid = [l for l in series if l.get_linestyle() == "-"]
    assert len(dashed) == len(solid) == 5
    spans = [p for p in ax.patches if isinstance(p, Rectangle) or type(p).__name__ == "Polygon"]
    assert spans, "projection zone is shaded"
    assert "Projection" in all_text(fig)
    p = datasets.load("population_projections")
    uzb_2050 = p[(p["iso3"] == "UZB") & (p["year"] == 2050)]["population"].iloc[0]
    assert f"{uzb_2050 / 1e6:.1f} million" in fig.description
    assert "projections, not data" in fig.description
    with pytest.raises(UnknownCountryError):
        charts.population_projection(["Uzbekstan!"])


# --------------------------------------------------------------------------- 9. defence
def test_defence_then_now_flags_and_panels():
    fig = check_common(charts.defence_then_now(), ["seed_2014_tables", "indicators"])
    left = next(ax for ax in fig.axes if ax.get_title(loc="left").startswith("2014 report"))
    right = next(ax for ax in fig.axes if "WDI" in ax.get_title(loc="left"))
    assert left.get_xscale() == right.get_xscale() == "log"
    labels = [t.get_text() for t in left.get_yticklabels()]
    assert "Uzbekistan*" in labels and labels[0] == "China"
    shown = all_text(fig).replace("\n", " ")
    assert "* Uzbekistan 2011, 2012: no data in the report." in shown
    assert "military_usd = MS.MIL.XPND.GD.ZS / 100 * NY.GDP.MKTP.CD" in shown
    seed = datasets.load("seed_2014_tables")
    n_values = int(((seed["measure"] == "defence_spending") & seed["value"].notna()).sum())
    assert len(bars(left)) == n_values
    assert "China spent the most in 2012 (US$ 102 billion)" in fig.description
    assert "(derived)" in right.get_title(loc="left")
