"""The reference tables cite original publishers, in bibliographic form (issue 13 §2).

Every row of every table in ``sources/reference`` carries a ``source`` column (citations separated by
" ; ") and an ``uncertain`` column. A citation names its publisher and title, not just a link; mirrors,
document dumps, wiki mirrors and content farms are not sources; a row resting only on citations marked
"original not checked" must be flagged uncertain. The built ``data/`` tables carry both columns.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT / "sources" / "reference"
TABLES = ["sco_membership", "sco_events", "infrastructure", "water_energy_facts", "seed_figures"]
DATA = {"membership": "source", "events": "source", "infrastructure": "source", "water_facts": "source",
        "seed_figures": "source"}

# Mirrors, document dumps, wiki mirrors and content farms: never a source.
BANNED = [
    "fayllar.org", "elexue.com", "movatter.jp", "photius.com", "wiki.x.io", "riteme.site", "owiki.org",
    "kiwix", "iiab.live", "warmhandsnow.com", "hrondas.ru", "sivil.az", "pubt.io", "conven.org", "nytimespost.com",
    "azkurs.org", "webjosh.com", "bywedr.asia", "nbnewpower.cn", "nsh-em.com", "kebev.com", "ohmylovin.com",
    "news-pravda.com", "dayfr.com", "libyannewswire.com", "lucaturilli.net", "panography.com", "openbuildings.com",
    "docslib.org", "scribd.com", "vdocuments", "studfile", "newsghana", "massispost", "turkmenistanlive",
    "shafaqna", "yenisafak", "urdupoint", "timesofaddu", "uaetimes.ae", "oilandgasadvancement.com",
    "wenewsenglish.com", "harakat.net", "earth.com/image",
]
URL = re.compile(r"(?:https?://|www\.)\S+")
SEP = " ; "


def _rows(name: str) -> list[dict]:
    with open(REF / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _citations(text: str) -> list[str]:
    return [c.strip() for c in text.split(SEP) if c.strip()]


def is_url_only(citation: str) -> bool:
    """True when a citation is a bare link (or a file path) with no publisher/title text around it."""
    rest = URL.sub("", citation)
    rest = re.sub(r"^seed:\S+", "", rest.strip())
    words = re.findall(r"[^\W\d_]{2,}", rest)
    return len(words) < 3


def banned_domain(citation: str) -> str | None:
    low = citation.lower()
    return next((d for d in BANNED if d in low), None)


def test_helpers_reject_bare_links_and_mirrors():
    assert is_url_only("https://photius.com/shanghai_cooperation_organization/")
    assert is_url_only("http://example.org/a ; ")
    assert is_url_only("seed:002_7164e360f252ac40.txt")
    assert not is_url_only('TASS, "India and Pakistan join SCO", 9 June 2017. http://tass.com/world/950697')
    assert not is_url_only("reported by Wikipedia (\"North Aral Sea\"); original not checked")
    assert banned_domain("Wikipedia via movatter.jp mirror http://movatter.jp/x") == "movatter.jp"
    assert banned_domain('TASS, "x", 2017. http://tass.com/world/950697') is None


@pytest.mark.parametrize("name", TABLES)
def test_table_has_source_and_uncertain_columns(name):
    rows = _rows(name)
    assert rows, name
    assert {"source", "uncertain"} <= set(rows[0]), f"{name}: needs 'source' and 'uncertain' columns"
    assert "source_url" not in rows[0], f"{name}: 'source_url' was replaced by bibliographic 'source'"
    bad = [i for i, r in enumerate(rows, 2) if r["uncertain"].strip().lower() not in ("true", "false")]
    assert not bad, f"{name}: 'uncertain' must be true/false on lines {bad[:10]}"


@pytest.mark.parametrize("name", TABLES)
def test_every_row_is_cited_or_flagged(name):
    missing = [i for i, r in enumerate(_rows(name), 2)
               if not _citations(r["source"]) and r["uncertain"].strip().lower() != "true"]
    assert not missing, f"{name}: rows without a citation and not flagged uncertain (lines {missing[:10]})"


@pytest.mark.parametrize("name", TABLES)
def test_no_citation_is_only_a_url(name):
    bare = [(i, c) for i, r in enumerate(_rows(name), 2) for c in _citations(r["source"]) if is_url_only(c)]
    assert not bare, f"{name}: citations without publisher/title text: {bare[:5]}"


@pytest.mark.parametrize("name", TABLES)
def test_no_mirror_or_content_farm_is_cited(name):
    hits = [(i, banned_domain(c)) for i, r in enumerate(_rows(name), 2) for c in _citations(r["source"])
            if banned_domain(c)]
    assert not hits, f"{name}: mirrors/dumps/content farms cited: {hits[:10]}"


@pytest.mark.parametrize("name", TABLES)
def test_rows_resting_only_on_unchecked_reports_are_uncertain(name):
    weak = [i for i, r in enumerate(_rows(name), 2)
            if _citations(r["source"])
            and all("original not checked" in c or "not located" in c for c in _citations(r["source"]))
            and r["uncertain"].strip().lower() != "true"
            and name != "seed_figures"]  # the seed texts themselves are the publications being quoted
    assert not weak, f"{name}: rows whose only sources are unchecked reports must be uncertain (lines {weak})"


@pytest.mark.parametrize("resource", sorted(DATA))
def test_built_data_carries_source_and_uncertain(resource):
    path = ROOT / "data" / f"{resource}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert "source" in header and "uncertain" in header, f"data/{resource}.csv: {header}"


def test_section4_corrections_are_in_the_tables():
    infra = {r["name"]: r for r in _rows("infrastructure")}
    kk = infra["Korpeje-Kurt Kui gas pipeline"]
    assert kk["year_opened_or_planned"].startswith("1997") and "Iran" in kk["countries"]
    assert infra["Kambarata-2 HPP"]["year_opened_or_planned"].startswith("2010")
    events = {r["event"]: r for r in _rows("sco_events")}
    assert events["Peace Mission 2018 exercise"]["date"].startswith("2018-08")
    assert events["First Consultative Meeting of Central Asian heads of state"]["date"] == "2018-03-15"
    assert "not among the signatories" in events["Memorandum on the establishment of the SCO Energy Club"]["summary"]
    assert any(e.startswith("Uzbekistan declines to renew the Collective Security Treaty") for e in events)
    assert any("Tajik-Afghan border" in e for e in events)
