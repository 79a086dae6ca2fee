#!/usr/bin/env python3
"""Role cards and group sheets for the course's two group activities, as printable HTML (and PDF).

    python tools/role_cards.py                  # build/role_cards/*.html and index.html
    python tools/role_cards.py --pdf            # also an A4 PDF of each (headless Chromium, tools/pdf.py)
    python tools/role_cards.py --out DIR

* **The Naryn negotiation** (lesson 08, "Discussion: negotiating the Naryn"): a card for the Kyrgyz and
  the Uzbek delegation, one for an observer who runs the model, a group sheet to record the deal and a
  lecturer's sheet. Each delegation's bottom line is computed with the course's reservoir model
  (``scocourse.models.reservoir``) so that an *average* year leaves a narrow zone of agreement and a
  *dry* year leaves none: Kyrgyzstan's winter electricity need is what the model's reservoir gives in an
  average year at the winter share half-way between the shares at which a dry and an average year first
  reach the dead level; Uzbekistan's summer water need is what it sends downstream in an average year at
  the highest winter share that keeps an average year above the dead level. These are teaching settings
  derived from the model, not the two governments' stated demands, and the cards say so.
* **The five readings** (lesson 01, section 6): one card per reading of the SCO, taken from the
  lesson notebook itself (the reading, who holds it as cited, and the lesson's account of it), a
  group sheet to weigh evidence and a lecturer's sheet. Nothing is typed here that the notebook does
  not say.

Every page is self-contained (no script, nothing loaded from outside the file); each card prints on
its own A4 page.
"""
from __future__ import annotations

import argparse
import html
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

WATER_LESSON = REPO / "notebooks" / "08_water_security.ipynb"
ORIGINS_LESSON = REPO / "notebooks" / "01_origins.ipynb"
STEP = 0.01  # winter shares are searched in steps of one percentage point

CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "Source Sans Pro", "DejaVu Sans", Arial, sans-serif; font-size: 12pt; line-height: 1.4;
       color: #111; max-width: 48em; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .3em; } h2 { font-size: 15pt; margin: 1em 0 .3em; }
.card { border: 2px solid #333; border-radius: 6px; padding: 1em 1.2em; margin: 1.5em 0; break-inside: avoid; }
.card + .card, .sheet { break-before: page; }
.role { font-size: 10pt; text-transform: uppercase; letter-spacing: .08em; color: #333; margin: 0; }
.need { font-size: 14pt; border-left: 5px solid #0072B2; padding: .3em .8em; background: #eef4fa; }
table { border-collapse: collapse; margin: .5em 0; } th, td { border: 1px solid #555; padding: .3em .6em; text-align: left; vertical-align: top; }
.write td { height: 3.2em; } .write td:first-child { width: 40%; }
.note { font-size: 10pt; color: #333; }
footer { font-size: 9pt; color: #333; border-top: 1px solid #999; margin-top: 2em; padding-top: .4em; }
"""


def _esc(text) -> str:
    return html.escape(str(text), quote=True).replace("$", "&#36;")


def _inline_md(text: str) -> str:
    """Escaped text with Markdown *emphasis* and **bold** as HTML (the notebook's prose)."""
    out = _esc(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", out)
    return out


def page(title: str, body: str, source: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>\n<main>\n{body}\n</main>\n"
            f"<footer>scocourse — {_esc(title)}. From {_esc(source)}; lesson text CC BY 4.0. "
            "Built by tools/role_cards.py.</footer>\n</body></html>\n")


# --------------------------------------------------------------------------- the Naryn negotiation
@dataclass(frozen=True)
class Run:
    share: float
    winter_gwh: float
    summer_km3: float
    months_at_dead: int
    shortfall_km3: float


def _runs(year_type: str, params) -> list[Run]:
    from scocourse.models import simulate

    out = []
    for i in range(int(round(1 / STEP)) + 1):
        share = round(i * STEP, 4)
        r = simulate(share, year_type, params=params)
        out.append(Run(share, r.winter_energy_gwh, r.summer_downstream_km3, r.months_at_dead, r.shortfall_km3))
    return out


def naryn_thresholds(params=None) -> dict:
    """The negotiation's numbers, all computed with the reservoir model (see the module docstring)."""
    from scocourse.models.reservoir import default_params

    params = params or default_params()
    avg, dry = _runs("average", params), _runs("dry", params)
    first_dead = {name: next((r.share for r in runs if r.months_at_dead), None) for name, runs in (("average", avg), ("dry", dry))}
    if first_dead["average"] is None or first_dead["dry"] is None:
        raise ValueError("the model's reservoir never reaches its dead level: the negotiation has no dry-year squeeze")
    by_share = {r.share: r for r in avg}
    kgz_share = round(round((first_dead["dry"] + first_dead["average"]) / 2 / STEP) * STEP, 4)
    uzb_share = round(first_dead["average"] - STEP, 4)
    kgz_need = by_share[kgz_share].winter_gwh
    uzb_need = by_share[uzb_share].summer_km3
    tol = 1e-9

    def zone(runs):
        return [r.share for r in runs if r.winter_gwh >= kgz_need - tol and r.summer_km3 >= uzb_need - tol]

    best_dry = max(dry, key=lambda r: r.winter_gwh)
    dry_ok_for_uzb = [r for r in dry if r.summer_km3 >= uzb_need - tol]
    best_dry_for_uzb = max(dry_ok_for_uzb, key=lambda r: r.winter_gwh) if dry_ok_for_uzb else None
    dry_at_kgz = next(r for r in dry if r.share == kgz_share)
    return {
        "params": params,
        "soviet_share": params.soviet_winter_share,
        "soviet_average": by_share[round(round(params.soviet_winter_share / STEP) * STEP, 4)],
        "first_dead_average": first_dead["average"],
        "first_dead_dry": first_dead["dry"],
        "kgz_share": kgz_share, "kgz_need_gwh": kgz_need,
        "uzb_share": uzb_share, "uzb_need_km3": uzb_need,
        "zone_average": zone(avg), "zone_dry": zone(dry),
        "dry_max": best_dry,
        "dry_gap_gwh": kgz_need - best_dry.winter_gwh,
        "dry_best_for_uzb": best_dry_for_uzb,
        "dry_compensation_gwh": kgz_need - best_dry_for_uzb.winter_gwh if best_dry_for_uzb else None,
        "dry_at_kgz_share": dry_at_kgz,
        "average": avg, "dry": dry,
    }


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _gwh(x: float) -> str:
    return f"{x:,.0f} GWh"


def _km3(x: float) -> str:
    return f"{x:.1f} km³"


def _model_table(t: dict) -> str:
    shares = sorted({0.0, t["soviet_share"], t["first_dead_dry"], t["kgz_share"], t["uzb_share"],
                     t["first_dead_average"], 0.75})
    rows = []
    for share in shares:
        a = next(r for r in t["average"] if abs(r.share - share) < 1e-9)
        d = next(r for r in t["dry"] if abs(r.share - share) < 1e-9)
        rows.append(f"<tr><td>{_pct(share)}</td><td>{_gwh(a.winter_gwh)}</td><td>{_km3(a.summer_km3)}</td>"
                    f"<td>{a.months_at_dead}</td><td>{_gwh(d.winter_gwh)}</td><td>{_km3(d.summer_km3)}</td>"
                    f"<td>{d.months_at_dead}</td></tr>")
    return ("<table><caption>The course's reservoir model (scocourse.models.reservoir), Toktogul-like reservoir</caption>"
            "<thead><tr><th scope=\"col\" rowspan=\"2\">Winter share</th><th scope=\"colgroup\" colspan=\"3\">Average year</th>"
            "<th scope=\"colgroup\" colspan=\"3\">Dry year</th></tr><tr><th scope=\"col\">Winter electricity</th>"
            "<th scope=\"col\">Summer water downstream</th><th scope=\"col\">Months at dead level</th>"
            "<th scope=\"col\">Winter electricity</th><th scope=\"col\">Summer water downstream</th>"
            "<th scope=\"col\">Months at dead level</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def naryn_page(t: dict | None = None) -> str:
    t = t or naryn_thresholds()
    setting = ("<p class=\"note\">These needs are <strong>teaching settings</strong> computed from the course's "
               "reservoir model, not figures stated by the governments of Kyrgyzstan or Uzbekistan. The model is a "
               "simplification (lesson 08, “What the model leaves out”).</p>")
    zone_avg = t["zone_average"]
    kgz = f"""
<section class="card"><p class="role">Role card · Naryn negotiation · lesson 08</p>
<h1>Delegation of Kyrgyzstan</h1>
<p>You operate the Toktogul reservoir on the Naryn. Winters are cold and your power system depends on the
dam: the more of the year's water you release from October to March, the more electricity you have when
you need it — and the less is left for the summer.</p>
<p class="need">Your bottom line: at least <strong>{_gwh(t['kgz_need_gwh'])}</strong> of winter electricity
(October–March) from Toktogul. In the model that takes a winter share of {_pct(t['kgz_share'])} in an average year.</p>
<h2>What you know</h2>
<ul><li>In Soviet times about {_pct(t['soviet_share'])} of releases were made in winter; in the model that gives
{_gwh(t['soviet_average'].winter_gwh)} of winter electricity in an average year.</li>
<li>In a dry year the reservoir first reaches its dead level at a winter share of {_pct(t['first_dead_dry'])}
(in an average year at {_pct(t['first_dead_average'])}).</li></ul>
<h2>Prepare</h2>
<ol><li>What will you offer Uzbekistan for more summer water — and what do you ask in return (fuel,
electricity in winter, money)?</li><li>What will you do if the year turns out dry?</li></ol>
{setting}</section>"""
    uzb = f"""
<section class="card"><p class="role">Role card · Naryn negotiation · lesson 08</p>
<h1>Delegation of Uzbekistan</h1>
<p>Your farms downstream on the Syr Darya need water in the growing season, April to September. Every
unit of water Kyrgyzstan releases in winter for electricity is water you do not get in summer.</p>
<p class="need">Your bottom line: at least <strong>{_km3(t['uzb_need_km3'])}</strong> of water sent downstream
from April to September. In the model that allows a winter share of at most {_pct(t['uzb_share'])} in an average year.</p>
<h2>What you know</h2>
<ul><li>At the Soviet-era winter share of {_pct(t['soviet_share'])} the model sends
{_km3(t['soviet_average'].summer_km3)} downstream in summer in an average year.</li>
<li>At high winter shares the reservoir runs down to its dead level, and planned releases cannot be made.</li></ul>
<h2>Prepare</h2>
<ol><li>What can you offer Kyrgyzstan for a lower winter share (fuel, electricity in winter, money)?</li>
<li>What do you demand if the year turns out dry?</li></ol>
{setting}</section>"""
    observer = f"""
<section class="card"><p class="role">Role card · Naryn negotiation · lesson 08</p>
<h1>Observer and modeller</h1>
<p>You sit with both delegations and run the reservoir explorer in lesson 08 (or
<code>simulate(share, "average")</code> and <code>simulate(share, "dry")</code> from
<code>scocourse.models</code>). When the delegations propose a winter share, test it for an average and a dry
year and read out the winter electricity, the summer water and whether the reservoir reaches its dead level.</p>
<p>Record on the group sheet what was agreed, what each side gave, and what happens to the deal in a dry year.</p>
{setting}</section>"""
    sheet = f"""
<section class="card sheet"><p class="role">Group sheet · Naryn negotiation · lesson 08</p>
<h1>Our agreement</h1>
<table class="write"><tbody>
<tr><th scope="row">Agreed winter share for an average year</th><td></td></tr>
<tr><th scope="row">Winter electricity in the model (need: {_gwh(t['kgz_need_gwh'])})</th><td></td></tr>
<tr><th scope="row">Summer water downstream in the model (need: {_km3(t['uzb_need_km3'])})</th><td></td></tr>
<tr><th scope="row">What Kyrgyzstan gives / receives</th><td></td></tr>
<tr><th scope="row">What Uzbekistan gives / receives</th><td></td></tr>
<tr><th scope="row">The same share in a dry year: what happens?</th><td></td></tr>
<tr><th scope="row">Our rule for a dry year</th><td></td></tr>
<tr><th scope="row">Who else would have to agree (Kazakhstan, Tajikistan, the SCO)?</th><td></td></tr>
</tbody></table></section>"""
    comp = t["dry_compensation_gwh"]
    best = t["dry_best_for_uzb"]
    lecturer = f"""
<section class="card sheet"><p class="role">For the lecturer · Naryn negotiation · lesson 08</p>
<h1>How the numbers bite</h1>
<p>Both needs come from the course's reservoir model with today's data. An <strong>average</strong> year leaves a
narrow zone of agreement: winter shares from {_pct(zone_avg[0])} to {_pct(zone_avg[-1])} meet both needs.
A <strong>dry</strong> year leaves {'none' if not t['zone_dry'] else 'only ' + _pct(t['zone_dry'][0]) + '–' + _pct(t['zone_dry'][-1])}:
the most winter electricity the reservoir gives in a dry year is {_gwh(t['dry_max'].winter_gwh)} (at a winter share of
{_pct(t['dry_max'].share)}), {_gwh(t['dry_gap_gwh'])} short of Kyrgyzstan's need, because the reservoir reaches its
dead level from a share of {_pct(t['first_dead_dry'])}.</p>
<p>At {_pct(t['kgz_share'])}, the lowest share that meets Kyrgyzstan's need in an average year, a dry year gives {_gwh(t['dry_at_kgz_share'].winter_gwh)}
of winter electricity and {_km3(t['dry_at_kgz_share'].summer_km3)} of summer water, with
{t['dry_at_kgz_share'].months_at_dead} month(s) at the dead level.
{('If Uzbekistan keeps its summer water in a dry year (a winter share of at most ' + _pct(best.share) + '), Kyrgyzstan is ' + _gwh(comp) + ' short in winter: that is what a dry-year clause would have to supply (fuel or electricity from downstream, as in the Soviet-era exchange).') if best else ''}</p>
<p>How the needs are set: Kyrgyzstan's is the average year's winter electricity at the share half-way between the
shares at which a dry ({_pct(t['first_dead_dry'])}) and an average ({_pct(t['first_dead_average'])}) year first reach the
dead level; Uzbekistan's is the average year's summer water at the highest share that keeps an average year above
the dead level ({_pct(t['uzb_share'])}). Rebuild the cards after the data change and the numbers follow.</p>
{_model_table(t)}
<p>Debrief: did the groups write a dry-year rule? Who bears the risk of a dry year in their deal? Why did the
Soviet-era exchange of summer water for winter fuel break down after 1991 (lesson 08)?</p>
{setting}</section>"""
    return page("The Naryn negotiation: role cards", kgz + uzb + observer + sheet + lecturer,
                "notebooks/08_water_security.ipynb and scocourse/models/reservoir.py")


# --------------------------------------------------------------------------- the five readings
@dataclass(frozen=True)
class Reading:
    name: str
    holders: str
    argument: str


def readings(path: Path = ORIGINS_LESSON) -> list[Reading]:
    """The competing readings of the SCO as lesson 01 gives them: its table (reading, who holds it) and the
    paragraph on each in the cell that follows."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    table_at = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
                     and re.search(r"^\|\s*Reading\s*\|\s*Who holds it", c.source, re.M)), None)
    if table_at is None:
        raise ValueError(f"{path.name}: no '| Reading | Who holds it' table")
    rows = []
    for line in nb.cells[table_at].source.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and line.strip().startswith("|") and not set(cells[0]) <= set("-: ") and cells[0] != "Reading":
            rows.append(cells)
    text = "\n\n".join(c.source for c in nb.cells[table_at + 1:table_at + 4] if c.cell_type == "markdown")
    paragraphs = {}
    for m in re.finditer(r"^\*\*(.+?)\.?\*\*\s*(.+?)(?=\n\s*\n|\Z)", text, re.M | re.S):
        paragraphs[_key(m.group(1))] = " ".join(m.group(2).split())
    out = []
    for name, holders in rows:
        argument = paragraphs.get(_key(name))
        if not argument:
            raise ValueError(f"{path.name}: no paragraph on the reading {name!r}")
        out.append(Reading(name, holders, argument))
    return out


def _key(name: str) -> str:
    return re.sub(r"[^a-z]+", " ", name.lower()).strip()


def readings_page(items: list[Reading] | None = None) -> str:
    items = items or readings()
    cards = []
    for n, r in enumerate(items, 1):
        cards.append(f"""
<section class="card"><p class="role">Role card {n} of {len(items)} · five readings of the SCO · lesson 01</p>
<h1>{_inline_md(r.name)}</h1>
<p class="need">Held by (as cited in the lesson): {_inline_md(r.holders)}</p>
<h2>The reading, as the lesson presents it</h2>
<p>{_inline_md(r.argument)}</p>
<h2>Your group's task</h2>
<ol><li>Make the strongest case for this reading in three minutes, using at least two pieces of evidence from
lesson 01 (a date from the events table, the membership data, a document, a chart).</li>
<li>Say whose perspective the reading comes from and what interest the holder might have.</li>
<li>Name the one piece of evidence that most weakens your reading — before the others do.</li></ol>
</section>""")
    rows = "".join(f"<tr><th scope=\"row\">{_inline_md(r.name)}</th><td></td><td></td><td></td></tr>" for r in items)
    sheet = f"""
<section class="card sheet"><p class="role">Group sheet · five readings of the SCO · lesson 01</p>
<h1>Weighing the readings</h1>
<p>While each group presents, note the best evidence for and against its reading and whose view it is.</p>
<table class="write"><thead><tr><th scope="col">Reading</th><th scope="col">Strongest evidence for</th>
<th scope="col">Strongest evidence against</th><th scope="col">Whose perspective?</th></tr></thead>
<tbody>{rows}</tbody></table>
<p>Which reading does the evidence support best — and what evidence would change your mind?</p></section>"""
    lecturer = f"""
<section class="card sheet"><p class="role">For the lecturer · five readings of the SCO · lesson 01</p>
<h1>Running the activity</h1>
<p>Split the class into {len(items)} groups and hand each one card; the cards quote the lesson's own account of each
reading with its holders as cited there. 10 minutes to prepare, 3 minutes per group, then the whole class fills
in the group sheet's last question. Push every group to attribute (who says so?) and to name counter-evidence;
exercise 01-06 (matching readings to authors) and the reflection 01-08 follow on from it.</p>
<p>The readings and holders come from the notebook at build time ({len(items)} found); if the lesson changes,
rebuild the cards.</p></section>"""
    return page("Five readings of the SCO: role cards", "".join(cards) + sheet + lecturer, "notebooks/01_origins.ipynb")


# --------------------------------------------------------------------------- building
INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>scocourse role cards</title>
<style>body{font-family:sans-serif;max-width:44em;margin:2em auto;padding:0 1em;line-height:1.5}</style></head><body>
<h1>scocourse — role cards and group sheets</h1>
<p>Print each file (every card is on its own A4 page); the last pages are the group sheet and a sheet for the lecturer.</p>
<ul>
%s
</ul></body></html>
"""


def build(out: Path, *, pdf: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    pages = {"08_naryn_negotiation.html": ("The Naryn negotiation (lesson 08)", naryn_page()),
             "01_five_readings.html": ("Five readings of the SCO (lesson 01)", readings_page())}
    written = []
    for name, (_, body) in pages.items():
        (out / name).write_text(body, encoding="utf-8")
        written.append(out / name)
    items = "\n".join(f'<li><a href="{_esc(n)}">{_esc(t)}</a></li>' for n, (t, _) in pages.items())
    (out / "index.html").write_text(INDEX % items, encoding="utf-8")
    if pdf:
        spec = importlib.util.spec_from_file_location("scocourse_tools_pdf", Path(__file__).with_name("pdf.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        written += module.print_pdfs([(p, p.with_suffix(".pdf")) for p in list(written)])
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "role_cards", help="output folder (default build/role_cards)")
    parser.add_argument("--pdf", action="store_true", help="also print each page to an A4 PDF (headless Chromium)")
    args = parser.parse_args(argv)
    for path in build(args.out, pdf=args.pdf):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
