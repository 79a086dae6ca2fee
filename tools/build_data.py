"""Build every file in ``data/`` from the repository's source base, ``sources/raw`` and ``sources/reference``.

Usage::

    python tools/build_data.py                 # reads sources/, writes data/
    python tools/build_data.py --sources PATH --out DIR

``sources/raw/<source>/`` holds the upstream extracts the build reads, each with its
``PROVENANCE.md``; ``sources/reference/`` holds the course's own hand-checked fact tables
(CC BY 4.0). The build reads nothing outside the repository: to correct a fact, edit a
reference table and run this script again.

The build is deterministic: the same inputs give byte-identical outputs (sorted rows,
fixed float formatting, ``\\n`` line endings, no timestamps). It also writes
``data/datapackage.json`` (a Frictionless Data Package) with every resource's title,
description, sources, licence, schema (type and unit per field) and sha256 hash.

Nothing here types a number that reaches a lesson: every value comes from the raw
extracts or the hand-checked reference tables, whose provenance is recorded per
resource. The few hand-written things are *names* (aliases, regions, short names of
indicators) and the rules for derived series, each documented in the package.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------
# Licences and sources (from each folder's PROVENANCE.md)
# ---------------------------------------------------------------------------
LIC_CC_BY = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
             "path": "https://creativecommons.org/licenses/by/4.0/"}
LIC_AQUASTAT = {"name": "CC-BY-NC-SA-3.0-IGO",
                "title": "Creative Commons Attribution-NonCommercial-ShareAlike 3.0 IGO (FAO database terms)",
                "path": "https://creativecommons.org/licenses/by-nc-sa/3.0/igo/"}
LIC_IMF = {"name": "IMF-terms-attribution",
           "title": "IMF Copyright and Usage terms (2 Jan 2020): statistical data may be reused and redistributed with attribution",
           "path": "https://www.imf.org/external/terms.htm"}
LIC_PD = {"name": "PDDL-1.0", "title": "Public domain (Natural Earth); world-atlas packaging ISC",
          "path": "https://www.naturalearthdata.com/about/terms-of-use/"}
LIC_WPP = {"name": "CC-BY-3.0-IGO", "title": "CC BY 3.0 IGO (UN WPP) / CC BY 4.0 (OWID processing)",
           "path": "https://creativecommons.org/licenses/by/3.0/igo/"}
LIC_UNDESA = {"name": "CC-BY-3.0-IGO", "title": "Creative Commons Attribution 3.0 IGO (UN DESA International Migrant Stock 2019)",
              "path": "https://creativecommons.org/licenses/by/3.0/igo/"}
LIC_COURSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 (compilation by the scocourse authors; "
              "facts from the cited public sources)", "path": "https://creativecommons.org/licenses/by/4.0/"}
LIC_UCDP = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0, as stated on UCDP's download page (no licence "
            "text travels with the mirrors used; verify at https://ucdp.uu.se/downloads/ before republishing)",
            "path": "https://creativecommons.org/licenses/by/4.0/"}

SRC_WDI = {"title": "World Bank, World Development Indicators (July 2026 update)", "publisher": "The World Bank",
           "path": "https://github.com/datasets/world-development-indicators",
           "repository": "datasets/world-development-indicators",
           "files": "indicators/<code>/data.csv", "commit": "4ebec5a2273f531ba238a34dbe440394dc5a6c4b",
           "short": "World Bank WDI"}
SRC_WDI_ELEC = {"title": "World Bank WDI DataBank export, electricity production by source (IEA-based, to 2015)",
                "publisher": "The World Bank (IEA Statistics)",
                "path": "https://github.com/ElenaRossetto/Access-to-electricity",
                "repository": "ElenaRossetto/Access-to-electricity", "files": "WDICSV.csv",
                "commit": "eebe1054a5d985f262a7ad47dcabba8b02414aa1", "short": "World Bank WDI (IEA)"}
SRC_OWID_2022 = {"title": "Our World in Data energy dataset components (spring 2022: BP, Ember, EIA, Shift Project)",
                 "publisher": "Our World in Data", "path": "https://github.com/owid/energy-data",
                 "repository": "owid/energy-data", "files": "scripts/grapher/*.csv",
                 "commit": "e34747aefaaffe613130e79b4a52870e51471d10", "short": "OWID energy (2022)"}
SRC_OWID_ELEC = {"title": "Our World in Data, chart 'Electricity production by source' (Ember, Energy Institute), download of 2024",
                 "publisher": "Our World in Data", "path": "https://github.com/mbasaran96/Electricity_Mix",
                 "repository": "mbasaran96/Electricity_Mix", "files": "electricity-prod-source-stacked.csv",
                 "commit": "bed56c90a07b53dba72f6492fd3f8558daabd54c", "short": "OWID/Ember"}
SRC_OWID_PC = {"title": "Our World in Data, chart 'Energy use per person' (EIA, Energy Institute), download of March 2026",
               "publisher": "Our World in Data", "path": "https://github.com/sudip70/stats",
               "repository": "sudip70/stats", "files": "data/per-capita-energy-use.csv",
               "commit": "a009be989e038568e4698a3fe659d3e8ec7ac3dd", "short": "OWID/EIA"}
SRC_OWID_ELEC_2025 = {"title": "Our World in Data, chart 'Electricity production by source' (Ember (2025) Yearly Electricity "
                               "Data; Energy Institute - Statistical Review of World Energy (2025); with major processing by "
                               "Our World in Data), indicator update 2025-06-27, downloaded 2025-11-18",
                      "publisher": "Our World in Data (Ember; Energy Institute)",
                      "path": "https://ourworldindata.org/grapher/electricity-prod-source-stacked",
                      "repository": "Oubaid-Beldi/BI",
                      "files": "cleaned_data/electricity_production_cleaned.csv (the nine OWID source columns only)",
                      "commit": "3e84e76d94de8fe4c04c062bbc8e8e5a2d88e7ff", "short": "OWID/Ember (2025)"}
LIC_WGMS = {"name": "WGMS-data-policy",
            "title": "WGMS Data Policy: all data and information is freely available; use requires acknowledgement to the "
                     "WGMS and/or the original investigators and sponsoring agencies",
            "path": "https://wgms.ch/data-policy/"}
SRC_WGMS = {"title": "WGMS (2021): Fluctuations of Glaciers Database. World Glacier Monitoring Service, Zurich, Switzerland, "
                     "version WGMS-FoG-2021-05, doi:10.5904/wgms-fog-2021-05 (glacier-wide mass balance, as extracted by "
                     "OGGM). Cite: WGMS (2021) Global Glacier Change Bulletin No. 4 (2018-2019)",
            "publisher": "World Glacier Monitoring Service (WGMS)", "path": "https://doi.org/10.5904/wgms-fog-2021-05",
            "repository": "OGGM/oggm-sample-data", "files": "wgms/mbdata/mbdata_WGMS-<id>.csv",
            "commit": "f15dcbc2da31b313680232ed80aad3b194d378e1", "short": "WGMS FoG 2021-05"}
SRC_ZEMP = {"title": "WGMS regional mass-balance estimates (ad-hoc, method of Zemp et al. 2019) updated to 2016-2020, "
                     "supplied by M. Zemp in January 2022. Cite: M. Zemp et al. (2019), 'Global glacier mass changes and "
                     "their contributions to sea-level rise from 1961 to 2016', Nature 568, 382-386, "
                     "doi:10.1038/s41586-019-1071-0; the yearly updates: M. Zemp et al. (2020), 'Brief communication: "
                     "Ad hoc estimates of glacier contributions to sea-level rise from latest glaciological "
                     "observations', The Cryosphere 14, 1043-1050, doi:10.5194/tc-14-1043-2020",
            "publisher": "World Glacier Monitoring Service (WGMS); Zemp et al. (2019), Nature",
            "path": "https://doi.org/10.1038/s41586-019-1071-0", "repository": "adehecq/ragmac_xdem",
            "files": "data/raw/regional_mb_series/regional_adhoc_estimates_*_mwe.csv",
            "commit": "c6ad10e04621f623ea48a669db9836fb454d6573", "short": "WGMS / Zemp et al. 2019"}
SRC_WPP = {"title": "UN, World Population Prospects 2024 (medium variant), processed by Our World in Data",
           "publisher": "United Nations DESA Population Division; Our World in Data",
           "path": "https://github.com/sudip70/stats", "repository": "sudip70/stats",
           "files": "data/population-with-un-projections.csv",
           "commit": "a009be989e038568e4698a3fe659d3e8ec7ac3dd", "short": "UN WPP 2024"}
SRC_AQUASTAT = {"title": "FAO AQUASTAT main database (download of November 2021)",
                "publisher": "Food and Agriculture Organization of the United Nations",
                "path": "https://github.com/open-numbers/ddf--unfao--aquastat",
                "repository": "open-numbers/ddf--unfao--aquastat", "files": "etl/source/<variable_id>.csv",
                "commit": "3360c0d8a0c1690749e23b9f90e39719af8c8710", "short": "FAO AQUASTAT"}
SRC_DOTS = {"title": "IMF, Direction of Trade Statistics (DOTS), download of early 2022",
            "publisher": "International Monetary Fund", "path": "https://github.com/SamLeBlanc/Direction-of-Trade-Map",
            "repository": "SamLeBlanc/Direction-of-Trade-Map", "files": "data/DOTS/DOTS_<n>.xlsx",
            "commit": "a769819d9b25a21a362d6cabfb10f150903f834d", "short": "IMF DOTS"}
SRC_NE = {"title": "Natural Earth 4.1.0 admin-0 countries 1:110m (1:50m for Maldives and Bahrain), via npm world-atlas@2.0.2",
          "publisher": "Natural Earth", "path": "https://github.com/topojson/world-atlas",
          "repository": "topojson/world-atlas", "files": "countries-110m.json, countries-50m.json",
          "commit": "world-atlas@2.0.2 (npm tarball sha256 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97)",
          "short": "Natural Earth"}
SRC_UNDESA = {"title": "United Nations, Department of Economic and Social Affairs, Population Division (2019). International "
                       "Migrant Stock 2019 (POP/DB/MIG/Stock/Rev.2019), table by destination and origin",
              "publisher": "United Nations, Department of Economic and Social Affairs, Population Division",
              "path": "https://www.un.org/en/development/desa/population/migration/data/estimates2/estimates19.asp",
              "repository": "guyabel/stepladderChapter",
              "files": "archive/UN_MigrantStockByOriginAndDestination_2019_clean.csv",
              "commit": "dfa46c6512b0242bd3c82b822ed21a06eb2d7fcf", "short": "UN DESA International Migrant Stock 2019"}
SRC_REF = {"title": "scocourse reference tables (hand-checked; every row cites its original publishers)",
           "publisher": "scocourse authors", "path": "sources/reference/SOURCES.md",
           "repository": "scocourse sources/reference", "files": "", "commit": "", "short": "scocourse reference tables"}
SRC_VALDAI = {"title": "E. Koldunova and N. Das Kundu, Russia's Role in the SCO and Central Asia: Challenges and "
                       "Opportunities, Valdai Discussion Club grantees report, Moscow, December 2014 (tables transcribed "
                       "in sources/reference/seed_figures.csv)",
              "publisher": "Valdai Discussion Club",
              "path": "https://valdaiclub.com/a/reports/russia_s_role_in_the_sco_and_central_asia_challenges_and_opportunities/",
              "repository": "scocourse sources/reference", "files": "seed_figures.csv", "commit": "",
              "short": "Valdai report 2014"}
SRC_UCDP_CY = {"title": "Uppsala Conflict Data Program (UCDP), Country-Year Dataset on Organized Violence within Country "
                        "Borders, v25.1 (1989-2024). Cite: S. Davies, T. Pettersson, M. Sollenberg and M. Oberg (2025), "
                        "'Organized violence 1989-2024, and the challenges of identifying civilian victims', Journal of "
                        "Peace Research 62(4)",
               "publisher": "Uppsala Conflict Data Program, Department of Peace and Conflict Research, Uppsala University",
               "path": "https://ucdp.uu.se/downloads/", "repository": "sonalimoorthy/data_science_project-",
               "files": "data/raw/organizedviolencecy-251-csv/organizedviolencecy_v25_1.csv",
               "commit": "cff42488f8d5faf44662cdd4cc73fa108413960c", "short": "UCDP organized violence v25.1"}
SRC_UCDP_ACD = {"title": "UCDP/PRIO Armed Conflict Dataset, v25.1 (conflict-years 1946-2024). Cite: S. Davies, T. Pettersson, "
                         "M. Sollenberg and M. Oberg (2025), Journal of Peace Research 62(4); N. P. Gleditsch, P. Wallensteen, "
                         "M. Eriksson, M. Sollenberg and H. Strand (2002), 'Armed Conflict 1946-2001: A New Dataset', Journal "
                         "of Peace Research 39(5)",
                "publisher": "Uppsala Conflict Data Program (Uppsala University) and Peace Research Institute Oslo (PRIO)",
                "path": "https://ucdp.uu.se/downloads/", "repository": "Jenssah86/bit_academy_analytics_project",
                "files": "UcdpPrioConflict_v25_1.csv", "commit": "93901c43a6c810cf3f5d5972404c9f85337f5ebe",
                "short": "UCDP/PRIO Armed Conflict Dataset v25.1"}

COURSE_ISO3 = ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB", "IND", "PAK", "IRN", "BLR", "AFG", "MNG", "TUR", "LKA",
               "AZE", "ARM", "KHM", "NPL", "EGY", "QAT", "SAU", "KWT", "MDV", "MMR", "ARE", "BHR", "LAO", "TKM"]

# Display names and regions (names, not numbers). Aliases are collected from the raw files
# below and extended with spellings students type, Russian names included (the region's classrooms
# often teach in Russian).
COUNTRY_INFO = {
    "AFG": ("Afghanistan", "South Asia", "Афганистан"), "ARE": ("United Arab Emirates", "Middle East", "UAE;Emirates;Объединённые Арабские Эмираты;ОАЭ"),
    "ARM": ("Armenia", "South Caucasus", "Армения"), "AZE": ("Azerbaijan", "South Caucasus", "Азербайджан"),
    "BHR": ("Bahrain", "Middle East", "Бахрейн"), "BLR": ("Belarus", "Eastern Europe", "Byelorussia;Belorussia;Беларусь;Белоруссия"),
    "CHN": ("China", "East Asia", "PRC;People's Republic of China;China, P.R.: Mainland;Китай;КНР"),
    "EGY": ("Egypt", "Middle East", "Египет"), "IND": ("India", "South Asia", "Bharat;Индия"),
    "IRN": ("Iran", "Middle East", "Persia;Islamic Republic of Iran;Иран"),
    "KAZ": ("Kazakhstan", "Central Asia", "Kazakstan;Qazaqstan;Казахстан;Қазақстан"),
    "KGZ": ("Kyrgyzstan", "Central Asia", "Kirghizia;Kirgizia;Kyrgyzia;Kirgizstan;Kirghizstan;Кыргызстан;Киргизия;Кыргызская Республика"),
    "KHM": ("Cambodia", "Southeast Asia", "Kampuchea;Камбоджа"), "KWT": ("Kuwait", "Middle East", "Кувейт"),
    "LAO": ("Laos", "Southeast Asia", "Lao People's Democratic Republic;Лаос"), "LKA": ("Sri Lanka", "South Asia", "Ceylon;Шри-Ланка"),
    "MDV": ("Maldives", "South Asia", "Мальдивы"), "MMR": ("Myanmar", "Southeast Asia", "Burma;Мьянма"),
    "MNG": ("Mongolia", "East Asia", "Монголия"), "NPL": ("Nepal", "South Asia", "Непал"),
    "PAK": ("Pakistan", "South Asia", "Пакистан"), "QAT": ("Qatar", "Middle East", "Катар"),
    "RUS": ("Russia", "Eastern Europe", "Russian Federation;USSR successor;Россия;Российская Федерация"),
    "SAU": ("Saudi Arabia", "Middle East", "KSA;Саудовская Аравия"),
    "TJK": ("Tajikistan", "Central Asia", "Tadjikistan;Tadzhikistan;Tojikiston;Таджикистан;Тоҷикистон"),
    "TKM": ("Turkmenistan", "Central Asia", "Turkmenia;Туркменистан;Туркмения"), "TUR": ("Türkiye", "Middle East", "Turkey;Turkiye;Турция"),
    "UZB": ("Uzbekistan", "Central Asia", "Ouzbekistan;O'zbekiston;Узбекистан;Oʻzbekiston"),
}
CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def _fmt_float(x: float) -> str:
    """Shortest round-trip text for a float (deterministic across platforms)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if float(x).is_integer() and abs(x) < 1e16:
        return str(int(x))
    return repr(float(x))


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write a frame as UTF-8 CSV with \\n line endings and deterministic number text."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].map(_fmt_float)
        elif pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].map(lambda b: "true" if b else "false")
    out = out.astype(object).where(out.notna(), "")
    out.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def parse_date(text: str) -> tuple[str, str]:
    """'2009-06' -> ('2009-06-01', 'month'); '2003' -> ('2003-01-01', 'year'); '' -> ('', '')."""
    text = (text or "").strip()
    if not text:
        return "", ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text, "day"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return text + "-01", "month"
    if re.fullmatch(r"\d{4}", text):
        return text + "-01-01", "year"
    raise ValueError(f"unparseable date {text!r}")


# ---------------------------------------------------------------------------
# resources
# ---------------------------------------------------------------------------
def build_countries(raw: Path, ref: Path) -> pd.DataFrame:
    names: dict[str, set[str]] = {k: set() for k in COURSE_ISO3}

    def collect(df, code_col, name_col):
        for code, name in df[[code_col, name_col]].drop_duplicates().itertuples(index=False):
            if code in names and isinstance(name, str):
                names[code].add(name.strip())

    collect(pd.read_csv(raw / "wdi/wdi_sco_long.csv", usecols=["iso3", "country_name"]), "iso3", "country_name")
    collect(pd.read_csv(raw / "fao_aquastat/aquastat_sco_long.csv", usecols=["iso3", "aquastat_area"]), "iso3", "aquastat_area")
    dots = pd.read_csv(raw / "imf_dots/imf_dots_sco_bilateral_long.csv", usecols=["reporter_iso3", "reporter_name"])
    collect(dots, "reporter_iso3", "reporter_name")
    collect(pd.read_csv(raw / "owid_energy/owid_fossil_fuel_production_bp_shift_2022_sco.csv", usecols=["Country", "iso3"]), "iso3", "Country")
    collect(pd.read_csv(raw / "un_wpp_owid/population_with_un_projections_sco.csv", usecols=["entity", "iso3"]), "iso3", "entity")
    collect(pd.read_csv(ref / "sco_membership.csv", usecols=["country", "iso3"]), "iso3", "country")
    geo = json.loads((raw / "natural_earth/ne_110m_countries_world_atlas.geojson").read_text())
    iso_n3 = {}
    for f in geo["features"]:
        p = f["properties"]
        if p.get("iso3") in names:
            names[p["iso3"]].add(p["name"])
            iso_n3[p["iso3"]] = p["iso_n3"]
    geo50 = json.loads((raw / "natural_earth/ne_50m_countries_world_atlas.geojson").read_text())
    for f in geo50["features"]:
        p = f["properties"]
        if p.get("iso3") in names and p["iso3"] not in iso_n3:
            iso_n3[p["iso3"]] = p["iso_n3"]
    rows = []
    for code in sorted(COURSE_ISO3):
        display, region, extra = COUNTRY_INFO[code]
        aliases = set(names[code]) | {a for a in extra.split(";") if a}
        aliases.discard(display)
        rows.append({"iso3": code, "iso_n3": str(iso_n3.get(code, "")).zfill(3), "name": display,
                     "aliases": ";".join(sorted(aliases, key=lambda s: (s.casefold(), s))), "region": region,
                     "central_asia": code in CENTRAL_ASIA})
    return pd.DataFrame(rows)


def build_membership(ref: Path) -> pd.DataFrame:
    m = pd.read_csv(ref / "sco_membership.csv", dtype=str).fillna("")
    rows = []
    for r in m.itertuples(index=False):
        start, prec = parse_date(r.start_date)
        end, _ = parse_date(r.end_date)
        status = r.status
        # The Shanghai Five spells are stored as founding_member rows that end at the SCO's founding.
        if status == "founding_member" and end and end <= "2001-06-15" and start < "2001-06-15":
            status = "shanghai_five"
        rows.append({"iso3": r.iso3, "country": COUNTRY_INFO[r.iso3][0], "status": status, "start": start,
                     "end": end, "start_precision": prec, "event": r.event, "source": r.source,
                     "notes": r.notes, "uncertain": _flag(r.uncertain)})
    df = pd.DataFrame(rows)
    return df.sort_values(["start", "iso3", "status"], kind="mergesort").reset_index(drop=True)


def build_events(ref: Path) -> pd.DataFrame:
    e = pd.read_csv(ref / "sco_events.csv", dtype=str).fillna("")
    rows = []
    for r in e.itertuples(index=False):
        date, prec = parse_date(r.date)
        rows.append({"date": date, "year": int(date[:4]), "date_precision": prec, "event": r.event,
                     "category": r.category, "place": r.place, "summary": r.summary, "source": r.source,
                     "notes": r.notes, "uncertain": _flag(r.uncertain)})
    df = pd.DataFrame(rows)
    return df.sort_values(["date", "category", "event"], kind="mergesort").reset_index(drop=True)


# short names students and lessons use for WDI series (names only; units come from WDI titles)
SHORT_NAMES = {
    "SP.POP.TOTL": ("population", "persons"), "SP.POP.GROW": ("population_growth", "% per year"),
    "AG.LND.TOTL.K2": ("land_area", "km2"), "AG.SRF.TOTL.K2": ("surface_area", "km2"),
    "NY.GDP.MKTP.CD": ("gdp", "current US$"), "NY.GDP.PCAP.CD": ("gdp_per_capita", "current US$"),
    "NY.GDP.MKTP.KD.ZG": ("gdp_growth", "% per year"),
    "NY.GDP.PCAP.PP.CD": ("gdp_per_capita_ppp", "current international $"),
    "MS.MIL.XPND.GD.ZS": ("military_pct_gdp", "% of GDP"),
    "ER.H2O.INTR.K3": ("internal_freshwater", "billion m3"), "ER.H2O.FWTL.K3": ("freshwater_withdrawal", "billion m3"),
    "EG.IMP.CONS.ZS": ("energy_imports_pct", "% of energy use"),
    "TX.VAL.FUEL.ZS.UN": ("fuel_exports_pct", "% of merchandise exports"),
    "EG.USE.PCAP.KG.OE": ("energy_use_per_capita", "kg of oil equivalent per person"),
    "BX.TRF.PWKR.CD.DT": ("remittances", "current US$"),
    "MS.MIL.XPND.ZS": ("military_pct_government", "% of general government expenditure"),
    "ER.H2O.FWTL.ZS": ("withdrawal_pct_internal", "% of internal resources"),
    "ER.H2O.INTR.PC": ("internal_freshwater_per_capita", "m3 per person"),
    "TX.VAL.MRCH.CD.WT": ("merchandise_exports", "current US$"),
    "TM.VAL.MRCH.CD.WT": ("merchandise_imports", "current US$"),
    "EG.ELC.RNEW.ZS": ("renewable_electricity_pct", "% of electricity output"),
    "EG.USE.ELEC.KH.PC": ("electricity_use_per_capita", "kWh per person"),
    "SP.URB.TOTL.IN.ZS": ("urban_pct", "% of population"),
    "SP.POP.0014.TO.ZS": ("age_0_14_pct", "% of population"),
    "SP.POP.1564.TO.ZS": ("age_15_64_pct", "% of population"),
    "SP.POP.65UP.TO.ZS": ("age_65_up_pct", "% of population"),
    "SL.UEM.TOTL.ZS": ("unemployment", "% of labour force"),
    "SM.POP.NETM": ("net_migration", "persons"), "SP.DYN.TFRT.IN": ("fertility", "births per woman"),
    "SP.DYN.LE00.IN": ("life_expectancy", "years"),
    "EG.ELC.HYRO.ZS": ("hydro_electricity_pct", "% of electricity production"),
    "EG.ELC.FOSL.ZS": ("fossil_electricity_pct", "% of electricity production"),
    "EG.ELC.NUCL.ZS": ("nuclear_electricity_pct", "% of electricity production"),
    "EG.ELC.RNWX.ZS": ("other_renewable_electricity_pct", "% of electricity production"),
}
# derived series: (code, short name, name, unit, formula, inputs, function)
DERIVED = [
    ("DERIVED.MS.MIL.XPND.CD", "military_usd", "Military expenditure (current US$), derived", "current US$",
     "MS.MIL.XPND.GD.ZS / 100 * NY.GDP.MKTP.CD", ("MS.MIL.XPND.GD.ZS", "NY.GDP.MKTP.CD"), lambda a, b: a / 100 * b),
    ("DERIVED.BX.TRF.PWKR.DT.GD.ZS", "remittances_pct_gdp", "Personal remittances received (% of GDP), derived",
     "% of GDP", "BX.TRF.PWKR.CD.DT / NY.GDP.MKTP.CD * 100", ("BX.TRF.PWKR.CD.DT", "NY.GDP.MKTP.CD"),
     lambda a, b: a / b * 100),
    ("DERIVED.SP.POP.1564.TO", "working_age_population", "Population ages 15-64 (persons), derived", "persons",
     "SP.POP.1564.TO.ZS / 100 * SP.POP.TOTL", ("SP.POP.1564.TO.ZS", "SP.POP.TOTL"), lambda a, b: a / 100 * b),
    ("DERIVED.NY.GDP.MKTP.PP.CD", "gdp_ppp", "GDP, PPP (current international $), derived", "current international $",
     "NY.GDP.PCAP.PP.CD * SP.POP.TOTL", ("NY.GDP.PCAP.PP.CD", "SP.POP.TOTL"), lambda a, b: a * b),
]


def build_indicators(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    wdi = pd.read_csv(raw / "wdi/wdi_sco_long.csv")
    cat = pd.read_csv(raw / "wdi/wdi_indicators.csv")
    elec = pd.read_csv(raw / "wdi_databank_electricity_mix/wdi_elec_sources_sco_long.csv")
    long = pd.concat([
        wdi.rename(columns={"indicator_code": "indicator"})[["iso3", "indicator", "year", "value"]],
        elec.rename(columns={"indicator_code": "indicator"})[["iso3", "indicator", "year", "value"]],
    ], ignore_index=True)
    wide = long.pivot_table(index=["iso3", "year"], columns="indicator", values="value", aggfunc="first")
    derived_frames = []
    for code, _short, _name, _unit, _formula, (a, b), fn in DERIVED:
        s = fn(wide[a], wide[b]).dropna()
        derived_frames.append(s.rename("value").reset_index().assign(indicator=code))
    long = pd.concat([long] + derived_frames, ignore_index=True)
    long["year"] = long["year"].astype(int)
    long = long.sort_values(["indicator", "iso3", "year"], kind="mergesort").reset_index(drop=True)
    long = long[["iso3", "indicator", "year", "value"]]

    rows = []
    for r in cat.itertuples(index=False):
        short, unit = SHORT_NAMES[r.indicator_code]
        rows.append({"indicator": r.indicator_code, "short_name": short, "name": r.indicator_name, "unit": unit,
                     "source": "World Bank, World Development Indicators", "license": "CC-BY-4.0",
                     "derived": False, "formula": "", "description": r.description,
                     "source_path": f"{SRC_WDI['repository']}/{r.source_path}", "source_commit": r.file_last_commit})
    for code, name in elec[["indicator_code", "indicator_name"]].drop_duplicates().itertuples(index=False):
        short, unit = SHORT_NAMES[code]
        rows.append({"indicator": code, "short_name": short, "name": name, "unit": unit,
                     "source": "World Bank, World Development Indicators (IEA Statistics; discontinued after 2015)",
                     "license": "CC-BY-4.0", "derived": False, "formula": "",
                     "description": "Share of electricity production by source, from the WDI DataBank (IEA-based series, ended 2015).",
                     "source_path": f"{SRC_WDI_ELEC['repository']}/{SRC_WDI_ELEC['files']}",
                     "source_commit": SRC_WDI_ELEC["commit"]})
    for code, short, name, unit, formula, _inputs, _fn in DERIVED:
        rows.append({"indicator": code, "short_name": short, "name": name, "unit": unit,
                     "source": "Derived by scocourse from World Bank WDI series", "license": "CC-BY-4.0",
                     "derived": True, "formula": formula,
                     "description": f"Computed as {formula} for every country-year where both inputs exist. "
                                    "Not an official WDI series; values will differ slightly from the World Bank's own.",
                     "source_path": f"{SRC_WDI['repository']}/indicators", "source_commit": SRC_WDI["commit"]})
    catalog = pd.DataFrame(rows).sort_values("indicator", kind="mergesort").reset_index(drop=True)
    return long, catalog


ELEC_FUELS = ["coal", "gas", "oil", "nuclear", "hydro", "solar", "wind", "bioenergy", "other_renewables"]


ENERGY_VINTAGE_2025 = "OWID chart download 2025 (Ember 2025/Energy Institute 2025, to 2024)"


def build_energy(raw: Path) -> pd.DataFrame:
    frames = []
    g = pd.read_csv(raw / "owid_energy/owid_grapher_electricity_prod_source_stacked_sco.csv")
    colmap = {}
    for c in g.columns[3:]:
        low = c.lower()
        fuel = "other_renewables" if low.startswith("other renewables") else re.search(r"electricity from (\w+)", low).group(1)
        colmap[c] = fuel
    g = g.rename(columns=colmap).rename(columns={"Code": "iso3", "Year": "year"})
    m = g.melt(id_vars=["iso3", "year"], value_vars=list(colmap.values()), var_name="fuel").dropna(subset=["value"])
    frames.append(m.assign(measure="electricity_generation", unit="TWh", vintage="OWID chart download 2024 (Ember/Energy Institute)"))
    # 2025 vintage (Ember 2025 / Energy Institute 2025, to 2024): its own rows, never spliced with the 2024 download
    n = pd.read_csv(raw / "owid_ember_electricity_2025/owid_electricity_prod_source_2025_sco_long.csv")
    n = n.rename(columns={"source": "fuel", "generation_twh": "value"})
    n["fuel"] = n["fuel"].replace({"other_renewables_excl_bioenergy": "other_renewables"})
    frames.append(n[["iso3", "year", "fuel", "value"]].dropna(subset=["value"]).assign(
        measure="electricity_generation", unit="TWh", vintage=ENERGY_VINTAGE_2025))

    f = pd.read_csv(raw / "owid_energy/owid_fossil_fuel_production_bp_shift_2022_sco.csv")
    f = f.rename(columns={"Year": "year", "Coal production (TWh)": "coal", "Gas production (TWh)": "gas",
                          "Oil production (TWh)": "oil"})
    m = f.melt(id_vars=["iso3", "year"], value_vars=["coal", "gas", "oil"], var_name="fuel").dropna(subset=["value"])
    frames.append(m.assign(measure="fossil_production", unit="TWh (primary energy)",
                           vintage="OWID energy-data 2022 (BP/Shift Project)"))

    p = pd.read_csv(raw / "owid_energy/owid_primary_energy_consumption_bp_eia_2022_sco.csv")
    m = p.rename(columns={"Year": "year", "Primary energy consumption (TWh)": "value"})[["iso3", "year", "value"]].dropna()
    frames.append(m.assign(fuel="total", measure="primary_energy", unit="TWh", vintage="OWID energy-data 2022 (BP/EIA)"))

    pc = pd.read_csv(raw / "owid_energy/owid_grapher_per_capita_energy_use_sco.csv")
    m = pc.rename(columns={"Code": "iso3", "Year": "year", "Per capita energy consumption": "value"})[["iso3", "year", "value"]].dropna()
    frames.append(m.assign(fuel="total", measure="energy_per_capita", unit="kWh per person",
                           vintage="OWID chart download 2026 (EIA/Energy Institute)"))
    e = pd.concat(frames, ignore_index=True)
    e["iso3"] = e["iso3"].replace({"OWID_WRL": "WLD"})
    e["year"] = e["year"].astype(int)
    e["value"] = e["value"].astype(float)
    e = e[["iso3", "year", "measure", "fuel", "value", "unit", "vintage"]]
    return e.sort_values(["measure", "iso3", "fuel", "year", "vintage"], kind="mergesort").reset_index(drop=True)


# Display names of WGMS glaciers (names only; the WGMS spelling stays in wgms_name).
GLACIER_NAMES = {
    "TS.TUYUKSUYSKIY": "Tsentralniy Tuyuksu", "IGLI TUYUKSU": "Igli Tuyuksu",
    "URUMQI GLACIER NO. 1 E-BRANCH": "Urumqi No. 1 (east branch)",
    "URUMQI GLACIER NO. 1 W-BRANCH": "Urumqi No. 1 (west branch)",
    "SARY TOR (NO.356)": "Sary-Tor (No. 356)", "GLACIER NO. 354 (AKSHIYRAK)": "No. 354 (Ak-Shiirak)",
    "GLACIER NO. 599 (KJUNGEI ALA-TOO)": "No. 599 (Kungey Ala-Too)", "BATYSH SOOK/SYEK ZAPADNIY": "Batysh Sook",
    "NO.131": "No. 131", "MUZTAG ATA (GLACIER NO. 15)": "Muztag Ata (No. 15)", "VODOPADNIY (NO.125)": "Vodopadniy (No. 125)",
    "PARLUNG ZANGBO: NO. 12": "Parlung Zangbo No. 12", "PARLUNG NO. 94": "Parlung No. 94", "AX010": "AX010",
}
GLACIER_VARIABLES = {"annual_balance": "annual_balance", "winter_balance": "winter_balance",
                     "summer_balance": "summer_balance", "mass_balance_mwe": "annual_balance",
                     "mass_balance_uncertainty_mwe": "annual_balance_uncertainty",
                     "mass_balance_anomaly_vs_2006_2016_mwe": "annual_balance_anomaly_2006_2016"}


def build_glaciers(raw: Path) -> pd.DataFrame:
    """WGMS glacier-wide mass balance (mm w.e.) and WGMS/Zemp regional estimates (m w.e.) in one long table.

    Units are kept as published and stated in every row's ``unit``: glaciers in mm w.e., regions in m w.e.
    """
    g = pd.read_csv(raw / "wgms_glaciers/wgms_fog2021_glacier_mass_balance_sco_long.csv", dtype={"remarks": str})
    g = g.dropna(subset=["value_mm_we"])
    g["glacier_name"] = g["glacier_name"].str.strip()
    gl = pd.DataFrame({
        "kind": "glacier", "series_id": g["wgms_id"].astype(int).astype(str), "iso3": g["iso3"],
        "name": [GLACIER_NAMES.get(n, n.title()) for n in g["glacier_name"]], "wgms_name": g["glacier_name"],
        "rgi_region": g["rgi_id"].str.extract(r"-(\d{2})\.", expand=False), "rgi_id": g["rgi_id"],
        "year": g["year"].astype(int), "variable": g["variable"].map(GLACIER_VARIABLES),
        "value": g["value_mm_we"].astype(float), "unit": "mm w.e.", "area_km2": g["area_km2"],
        "remarks": g["remarks"].fillna("").str.strip()})
    r = pd.read_csv(raw / "wgms_glaciers/wgms_zemp_regional_mb_2000_2020_asia.csv", dtype={"rgi_region": str})
    r = r.dropna(subset=["value"])
    rg = pd.DataFrame({
        "kind": "region", "series_id": r["wgms_region_code"], "iso3": "",
        "name": [f"{n} (RGI {c})" for n, c in zip(r["rgi_region_name"], r["rgi_region"])],
        "wgms_name": r["rgi_region_name"], "rgi_region": r["rgi_region"], "rgi_id": "",
        "year": r["year"].astype(int), "variable": r["variable"].map(GLACIER_VARIABLES),
        "value": r["value"].astype(float), "unit": "m w.e.", "area_km2": float("nan"),
        "remarks": "ad-hoc regional estimate (glaciological anomalies calibrated to geodetic trends)"})
    out = pd.concat([gl, rg], ignore_index=True)
    if out["variable"].isna().any():
        raise SystemExit("glaciers: unknown variable in the WGMS extracts")
    out = out[["kind", "series_id", "name", "wgms_name", "iso3", "rgi_region", "rgi_id", "year", "variable", "value",
               "unit", "area_km2", "remarks"]]
    return out.sort_values(["kind", "series_id", "variable", "year"], kind="mergesort").reset_index(drop=True)


AQUASTAT_SHORT = {
    4100: "total_area", 4104: "population", 4150: "precipitation_volume", 4151: "precipitation_depth",
    4157: "internal_renewable", 4158: "internal_renewable_per_capita", 4159: "surface_inflow",
    4171: "surface_outflow", 4182: "external_renewable", 4185: "renewable_surface", 4187: "renewable_groundwater",
    4188: "total_renewable", 4190: "total_renewable_per_capita", 4192: "dependency_ratio", 4197: "dam_capacity",
    4254: "withdrawal_agriculture_pct", 4255: "withdrawal_municipal_pct", 4256: "withdrawal_industry_pct",
    4257: "withdrawal_per_capita", 4262: "groundwater_withdrawal", 4263: "freshwater_withdrawal",
    4273: "agri_withdrawal_pct_renewable", 4275: "withdrawal_pct_renewable", 4307: "irrigation_potential",
    4331: "irrigated_pct_cultivated", 4367: "irrigated_cotton_area", 4400: "salinized_area",
    4461: "irrigated_area_actual", 4472: "rainfall_index", 4549: "environmental_flow", 4550: "water_stress",
    4551: "water_use_efficiency",
}
AQUASTAT_PERIODS = {1992: "1988-1992", 1997: "1993-1997", 2002: "1998-2002", 2007: "2003-2007",
                    2012: "2008-2012", 2017: "2013-2017", 2018: "2018"}


def build_water(raw: Path) -> pd.DataFrame:
    a = pd.read_csv(raw / "fao_aquastat/aquastat_sco_long.csv", dtype={"symbol": str})
    a["variable"] = a["variable_id"].map(AQUASTAT_SHORT)
    a["period"] = a["year"].map(lambda y: AQUASTAT_PERIODS.get(int(y), str(y)))
    a["symbol"] = a["symbol"].fillna("")
    out = a.rename(columns={})[["iso3", "variable_id", "variable", "variable_name", "year", "period", "value", "unit", "symbol"]]
    out = out.assign(year=out["year"].astype(int), value=out["value"].astype(float))
    return out.sort_values(["variable_id", "iso3", "year"], kind="mergesort").reset_index(drop=True)


_UNCERTAIN_WORDS = re.compile(r"uncertain|disput|differ|conflict|contested|flag|estimate|not verified|as stated|reportedly|unclear", re.I)


def _flag(text: str) -> bool:
    """The reference tables' ``uncertain`` column: 'true' marks a fact with only a weak or unchecked source."""
    return str(text).strip().lower() in ("true", "1", "yes")


def _num(text: str):
    t = (text or "").strip().replace(",", "")
    return float(t) if re.fullmatch(r"-?\d+(\.\d+)?", t) else float("nan")


def build_water_facts(ref: Path) -> pd.DataFrame:
    w = pd.read_csv(ref / "water_energy_facts.csv", dtype=str).fillna("")
    rows = []
    for r in w.itertuples(index=False):
        value_num = _num(r.value)
        # uncertain: flagged in the table (weak or unchecked source) or approximate, ranged, qualitative, disputed
        uncertain = bool(_flag(r.uncertain) or _UNCERTAIN_WORDS.search(r.note) or _UNCERTAIN_WORDS.search(r.label)
                         or r.value.strip().startswith("~") or math.isnan(value_num))
        rows.append({"topic": r.topic, "label": r.label, "value": value_num, "value_text": r.value,
                     "unit": r.unit, "year": r.year, "uncertain": uncertain, "source": r.source, "note": r.note})
    return pd.DataFrame(rows)


def build_trade(raw: Path) -> pd.DataFrame:
    t = pd.read_csv(raw / "imf_dots/imf_dots_sco_bilateral_long.csv", dtype={"source_flag": str})
    t = t.rename(columns={"reporter_iso3": "reporter", "partner_iso3": "partner", "value_usd_m": "value"})
    t["flow"] = t["flow"].map({"exports_fob": "exports", "imports_cif": "imports"})
    t["estimated"] = t["source_flag"].fillna("").str.strip().eq("e")
    t = t[["reporter", "partner", "flow", "year", "value", "estimated"]]
    t = t.assign(year=t["year"].astype(int), value=t["value"].astype(float))
    return t.sort_values(["reporter", "partner", "flow", "year"], kind="mergesort").reset_index(drop=True)


def build_population(raw: Path) -> pd.DataFrame:
    p = pd.read_csv(raw / "un_wpp_owid/population_with_un_projections_sco.csv")
    est = p.dropna(subset=["population_estimate"]).assign(population=lambda d: d.population_estimate, kind="estimate")
    proj = p.dropna(subset=["population_medium_projection"]).assign(
        population=lambda d: d.population_medium_projection, kind="projection")
    out = pd.concat([est, proj])[["iso3", "year", "population", "kind"]]
    out = out[out["year"] <= 2050]  # the course looks to 2050; the raw file goes to 2100
    out = out.assign(year=out["year"].astype(int), population=out["population"].astype(float))
    return out.sort_values(["iso3", "year"], kind="mergesort").reset_index(drop=True)


def build_migration(raw: Path) -> pd.DataFrame:
    """UN DESA International Migrant Stock 2019, destination x origin x year, persons (place of birth, not labour migrants)."""
    m = pd.read_csv(raw / "undesa_migrant_stock_2019/undesa_ims2019_bilateral_stock_sco_long.csv")
    m = m.rename(columns={"dest_iso3": "destination", "dest_name": "destination_name", "origin_iso3": "origin",
                          "stock": "migrants"})
    m = m[["destination", "destination_name", "origin", "origin_name", "year", "migrants"]]
    m = m.assign(year=m["year"].astype(int), migrants=m["migrants"].round().astype("int64"))
    return m.sort_values(["destination", "origin", "year"], kind="mergesort").reset_index(drop=True)


def _countries_to_iso3(text: str) -> str:
    found = []
    low = _strip_accents(text).casefold()
    for code, (name, _r, aliases) in COUNTRY_INFO.items():
        for n in [name] + [a for a in aliases.split(";") if a]:
            if re.search(r"\b" + re.escape(_strip_accents(n).casefold()) + r"\b", low):
                found.append((low.find(_strip_accents(n).casefold()), code))
                break
    return ";".join(code for _pos, code in sorted(found))


def build_infrastructure(ref: Path) -> pd.DataFrame:
    i = pd.read_csv(ref / "infrastructure.csv", dtype=str).fillna("")
    rows = []
    for r in i.itertuples(index=False):
        m = re.match(r"\s*(\d{4})", r.year_opened_or_planned)
        rows.append({"name": r.name, "type": r.type, "countries": r.countries, "iso3s": _countries_to_iso3(r.countries),
                     "capacity": _num(r.capacity), "capacity_text": r.capacity, "capacity_unit": r.capacity_unit,
                     "status": r.status, "year": int(m.group(1)) if m else None,
                     "year_text": r.year_opened_or_planned, "route": r.river_or_route, "notes": r.notes,
                     "source": r.source, "uncertain": _flag(r.uncertain)})
    df = pd.DataFrame(rows)
    df["year"] = df["year"].astype("Int64")
    return df


SEED_META = {
    "000_5be965e109b15121.txt": ("A. Perminova", "The Role of the SCO in Ensuring Water and Energy Security in Central Asia (RIAC Policy Brief #52)", 2024),
    "001_dc7120b301c5bf91.txt": ("E. Koldunova and N. Das Kundu", "Russia's Role in the SCO and Central Asia: Challenges and Opportunities (Valdai Discussion Club report)", 2014),
    "002_7164e360f252ac40.txt": ("R. Alimov", "How Will the Heart of Eurasia Beat? (Valdai Discussion Club)", 2024),
    "003_36da9e16b822026a.txt": ("R. Khaidarzoda", "Cooperation between Central Asia and Russia: New Horizons (Valdai Discussion Club)", 2025),
    "004_d6f7fc64e5aa7dc5.txt": ("Y. Saltybayev", "Cooperation prospects and security challenges for Central Asia (The Astana Times)", 2018),
}
_NAME_TO_ISO3 = {v[0]: k for k, v in COUNTRY_INFO.items()} | {"Turkey": "TUR"}


def build_seed_tables(ref: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    s = pd.read_csv(ref / "seed_figures.csv", dtype=str).fillna("")
    tables, figures = [], []
    for r in s.itertuples(index=False):
        ctx = r.section_or_context
        if r.seed_file == "001_dc7120b301c5bf91.txt" and ctx.startswith(("Table 'Defense", "Chart 'Area", "Chart 'Population")):
            if ctx.startswith("Table 'Defense"):
                table = "defence_members" if "Member States" in ctx else "defence_observers"
                group = "member" if table == "defence_members" else "observer"
                country, measure = r.label.split(": ", 1)
                measure = {"defence spending": "defence_spending", "defence spending per capita": "defence_per_capita",
                           "defence spending as share of GDP": "defence_pct_gdp",
                           "numerical strength of armed forces": "armed_forces"}[measure]
            else:
                table = "area" if ctx.startswith("Chart 'Area") else "population"
                lab = r.label
                mm = re.match(r"(Area|Population) - (member state|dialogue partner|observer) (.+)$", lab)
                if mm:
                    group = {"member state": "member", "dialogue partner": "dialogue_partner", "observer": "observer"}[mm.group(2)]
                    country, measure = mm.group(3), table
                else:
                    country = "World" if lab.startswith("World") else ""
                    low = lab.lower()
                    group = ("world" if lab.startswith("World") else "member" if "member" in low
                             else "observer" if "observer" in low else "dialogue_partner")
                    measure = (f"{table}_share_of_world" if "share" in low else f"{table}_total")
            note = r.note
            flag = ("inconsistent_as_printed" if "inconsistent" in note.lower() else
                    "mapping_uncertain" if "MAPPING UNCERTAIN" in note else
                    "no_data" if "н/д" in note or not r.value else "")
            tables.append({"table": table, "country": country, "iso3": _NAME_TO_ISO3.get(country, "WLD" if country == "World" else ""),
                           "group": group, "measure": measure, "year": int(r.year_of_data) if r.year_of_data else None,
                           "value": _num(r.value), "unit": r.unit, "flag": flag, "note": note})
        elif not ctx.startswith("Web page furniture"):
            author, title, year = SEED_META[r.seed_file]
            figures.append({"seed": r.seed_file, "author": author, "title": title, "published": year,
                            "context": ctx, "label": r.label, "value": _num(r.value), "value_text": r.value,
                            "unit": r.unit, "year": r.year_of_data, "note": r.note, "source": r.source,
                            "uncertain": _flag(r.uncertain)})
    t = pd.DataFrame(tables)
    t["year"] = t["year"].astype("Int64")
    return t, pd.DataFrame(figures)


def build_boundaries(raw: Path) -> dict:
    """World outlines at 1:110m (coordinates rounded to 0.01 degree) plus Maldives and Bahrain from 1:50m."""
    def simplify_ring(ring):
        out = []
        for lon, lat in ring:
            pt = [round(lon, 2), round(lat, 2)]
            if not out or out[-1] != pt:
                out.append(pt)
        if out[0] != out[-1]:
            out.append(out[0])
        return out if len(out) >= 4 else None

    def simplify_geom(geom):
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        new = []
        for poly in polys:
            rings = [r for r in (simplify_ring(r) for r in poly) if r]
            if rings:
                new.append(rings)
        return {"type": "MultiPolygon", "coordinates": new}

    geo = json.loads((raw / "natural_earth/ne_110m_countries_world_atlas.geojson").read_text())
    geo50 = json.loads((raw / "natural_earth/ne_50m_countries_world_atlas.geojson").read_text())
    feats = []
    have = set()
    for f in geo["features"]:
        p = f["properties"]
        iso3 = p.get("iso3") or ""
        have.add(iso3)
        feats.append({"type": "Feature", "properties": {"iso3": iso3, "name": p["name"]}, "geometry": simplify_geom(f["geometry"])})
    for f in geo50["features"]:
        p = f["properties"]
        if p.get("iso3") in ("MDV", "BHR") and p["iso3"] not in have:
            feats.append({"type": "Feature", "properties": {"iso3": p["iso3"], "name": p["name"]},
                          "geometry": simplify_geom(f["geometry"])})
    feats.sort(key=lambda f: (f["properties"]["iso3"] or "~", f["properties"]["name"]))
    return {"type": "FeatureCollection", "features": feats}


# ---------------------------------------------------------------------------
# conflict (UCDP): organised violence by country-year, and armed conflicts by conflict-year
# ---------------------------------------------------------------------------
UCDP_TYPES = {"sb": "state_based", "ns": "non_state", "os": "one_sided"}
UCDP_INCOMPATIBILITY = {"1": "territory", "2": "government", "3": "territory and government"}
UCDP_CONFLICT_TYPE = {"1": "extrasystemic", "2": "interstate", "3": "intrastate", "4": "internationalised intrastate"}
UCDP_INTENSITY = {"1": "minor", "2": "war"}
# PROVENANCE.md (ucdp_conflict): the one ACD record split over two lines in the mirror, re-joined and its
# trailing fields reconstructed (conflict id, year).
UCDP_RECONSTRUCTED = {("11349", "2008")}


def build_conflict(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """UCDP country-year deaths by type of violence (long) and the UCDP/PRIO conflict-years of the course countries."""
    folder = raw / "ucdp_conflict"
    cy = pd.read_csv(folder / "ucdp_orgviolence_cy_v25_1_sco_long.csv", dtype={"iso3": str, "indicator": str})
    dy = pd.read_csv(folder / "ucdp_orgviolence_cy_v25_1_sco_dyads.csv", dtype=str).fillna("")
    wide = cy.pivot_table(index=["iso3", "year"], columns="indicator", values="value", aggfunc="first")
    names = {}
    for r in dy.itertuples(index=False):
        key = (r.iso3, int(r.year), UCDP_TYPES[r.violence_type[:2]])
        names.setdefault(key, []).extend(n.strip() for n in r.dyad_names.split(";") if n.strip())
    rows = []
    for (iso3, year), v in wide.iterrows():
        for code, kind in UCDP_TYPES.items():
            rows.append({"iso3": iso3, "year": int(year), "type_of_violence": kind,
                         "best": int(v[f"{code}_total_deaths_best"]), "low": int(v[f"{code}_total_deaths_low"]),
                         "high": int(v[f"{code}_total_deaths_high"]), "active": bool(v[f"{code}_exist"] == 1),
                         "dyads": "; ".join(sorted(set(names.get((iso3, int(year), kind), []))))})
    conflict = pd.DataFrame(rows)
    conflict = conflict.sort_values(["iso3", "year", "type_of_violence"], kind="mergesort").reset_index(drop=True)

    gw = {str(int(g)): i for g, i in cy[["gwno", "iso3"]].drop_duplicates().itertuples(index=False)}

    def codes(text: str) -> list[str]:
        return [gw[c.strip()] for c in str(text).split(",") if c.strip() in gw]

    acd = pd.read_csv(folder / "ucdp_prio_acd_v25_1_sco.csv", dtype=str, keep_default_na=False)
    rows = []
    for r in acd.itertuples(index=False):
        loc = codes(r.gwno_loc)
        primary = codes(r.gwno_a) + codes(r.gwno_b)
        support = codes(r.gwno_a_2nd) + codes(r.gwno_b_2nd)
        rows.append({"conflict_id": int(r.conflict_id), "year": int(r.year), "location": r.location,
                     "location_iso3": ";".join(sorted(set(loc))),
                     "side_a": r.side_a, "side_a_2nd": r.side_a_2nd, "side_b": r.side_b, "side_b_2nd": r.side_b_2nd,
                     "incompatibility": UCDP_INCOMPATIBILITY[r.incompatibility], "territory": r.territory_name,
                     "intensity": UCDP_INTENSITY[r.intensity_level], "type": UCDP_CONFLICT_TYPE[r.type_of_conflict],
                     "start_date": r.start_date, "episode_ended": r.ep_end == "1",
                     "course_parties": ";".join(sorted(set(primary))),
                     "course_supporters": ";".join(sorted(set(support) - set(primary))),
                     "reconstructed": (r.conflict_id, r.year) in UCDP_RECONSTRUCTED})
    conflicts = pd.DataFrame(rows)
    conflicts = conflicts.sort_values(["conflict_id", "year"], kind="mergesort").reset_index(drop=True)
    return conflict, conflicts


# --- course prose with citations (lib): stated interests (lesson 03) and scenario drivers (lesson 10)
_CITATION_FIELDS = ("cite_keys", "author", "title", "publisher", "date", "url", "url_note")
_PROSE_BASES = {"paraphrase", "course data", "course summary", "background"}


def _check_cited_prose(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Every paraphrase row names its sources: key, author, title, publisher, date and URL, aligned (' | ')."""
    for r in df.itertuples(index=False):
        if r.basis not in _PROSE_BASES:
            raise SystemExit(f"{name}: basis {r.basis!r} is not one of {sorted(_PROSE_BASES)}")
        parts = [str(getattr(r, f)).split(" | ") if getattr(r, f) else [] for f in _CITATION_FIELDS]
        n = len(parts[0])
        if r.basis == "paraphrase" and (n == 0 or any(len(p) != n for p in parts[:6])
                                        or not all(u.startswith("https://") for u in parts[5])):
            raise SystemExit(f"{name}: a paraphrase needs one author, title, publisher, date and https URL per source: "
                             f"{r.text[:60]!r}")
        if r.basis in ("background", "course summary") and n:
            raise SystemExit(f"{name}: a {r.basis} row cites no source: {r.text[:60]!r}")
    return df


def build_country_interests(ref: Path) -> pd.DataFrame:
    df = pd.read_csv(ref / "country_interests.csv", dtype=str, keep_default_na=False)
    if not set(df["kind"]) <= {"headline", "point", "contested"}:
        raise SystemExit(f"country_interests: unknown kind in {sorted(set(df['kind']))}")
    if (df.groupby("iso3")["kind"].apply(lambda k: (k == "headline").sum()) != 1).any():
        raise SystemExit("country_interests: each state needs exactly one headline")
    return _check_cited_prose(df, "country_interests")


def build_scenario_drivers(ref: Path) -> pd.DataFrame:
    df = pd.read_csv(ref / "scenario_drivers.csv", dtype=str, keep_default_na=False)
    if df.duplicated(["driver", "state"]).any():
        raise SystemExit("scenario_drivers: a driver state is listed twice")
    return _check_cited_prose(df, "scenario_drivers")


# ---------------------------------------------------------------------------
# datapackage
# ---------------------------------------------------------------------------
def F(name, type_, description, unit=None, **extra):
    d = {"name": name, "type": type_, "description": description}
    if unit is not None:
        d["unit"] = unit
    d.update(extra)
    return d


RESOURCES = [
    dict(name="countries", title="Course countries: codes, names, aliases and regions",
         description="The 28 countries of the course (SCO members, observers/partners and Turkmenistan), with ISO 3166 codes, a display name, every spelling found in the raw sources plus common alternatives (used for tolerant look-up), and a region label.",
         sources=[SRC_WDI, SRC_AQUASTAT, SRC_DOTS, SRC_NE, SRC_REF], licenses=[LIC_COURSE],
         fields=[F("iso3", "string", "ISO 3166-1 alpha-3 code", "code"), F("iso_n3", "string", "ISO 3166-1 numeric code", "code"),
                 F("name", "string", "display name", "text"), F("aliases", "string", "other spellings, ';'-separated", "text"),
                 F("region", "string", "course region label", "text"), F("central_asia", "boolean", "one of the five Central Asian states", "flag")]),
    dict(name="membership", title="SCO membership spells",
         description="One row per country per status spell: Shanghai Five (1996-2001), founding member, member, observer, dialogue partner, and 'SCO partner' after the 2025 Tianjin merger of observer and dialogue-partner statuses. An empty end means the spell continues. Dates given to the month or year only are set to the first day and marked in start_precision. Disputed dates are explained in notes.",
         sources=[SRC_REF], licenses=[LIC_COURSE],
         fields=[F("iso3", "string", "ISO3 code", "code"), F("country", "string", "display name", "text"),
                 F("status", "string", "shanghai_five, founding_member, member, observer, dialogue_partner or partner", "category"),
                 F("start", "date", "first day of the spell", "date"), F("end", "date", "day the spell ended (empty: continuing)", "date"),
                 F("start_precision", "string", "day, month or year", "category"), F("event", "string", "what happened", "text"),
                 F("source", "string", "bibliographic citations of the original publishers (publisher, title, date, URL), ' ; '-separated", "citation"), F("notes", "string", "caveats and disputes", "text"),
                 F("uncertain", "boolean", "true where the fact rests on a weak or unchecked source (show it as uncertain)", "flag")]),
    dict(name="events", title="SCO timeline: summits, treaties, institutions, expansions",
         description="Dated events from the Shanghai Five summits of 1996 to the Tianjin summit of 2025.",
         sources=[SRC_REF], licenses=[LIC_COURSE],
         fields=[F("date", "date", "date of the event (first day if only month/year known)", "date"), F("year", "integer", "year", "year"),
                 F("date_precision", "string", "day, month or year", "category"), F("event", "string", "event", "text"),
                 F("category", "string", "summit, treaty, institution, expansion, exercise or other", "category"),
                 F("place", "string", "place", "text"), F("summary", "string", "one-sentence summary", "text"),
                 F("source", "string", "bibliographic citations of the original publishers (publisher, title, date, URL), ' ; '-separated", "citation"), F("notes", "string", "caveats", "text"),
                 F("uncertain", "boolean", "true where the fact rests on a weak or unchecked source (show it as uncertain)", "flag")]),
    dict(name="indicators", title="World Bank WDI indicators for the course countries (long form)",
         description="World Development Indicators, 1990-2025, for the 28 course countries and the World aggregate (WLD), one row per country, indicator and year; missing values are absent rows. Includes four IEA-based electricity-share series (to 2015) and four series derived by the course (see indicator_catalog).",
         sources=[SRC_WDI, SRC_WDI_ELEC], licenses=[LIC_CC_BY],
         fields=[F("iso3", "string", "ISO3 code (WLD = World Bank world aggregate)", "code"),
                 F("indicator", "string", "WDI code or DERIVED.* code; units per indicator in indicator_catalog", "code"),
                 F("year", "integer", "calendar year", "year"), F("value", "number", "value, in the unit given for the indicator in indicator_catalog", "see indicator_catalog.unit")]),
    dict(name="indicator_catalog", title="Catalogue of the indicators: code, short name, unit, source, licence",
         description="One row per indicator in the indicators resource; derived series say how they were computed.",
         sources=[SRC_WDI, SRC_WDI_ELEC], licenses=[LIC_CC_BY],
         fields=[F("indicator", "string", "code", "code"), F("short_name", "string", "short name accepted by scocourse.indicator()", "text"),
                 F("name", "string", "WDI title", "text"), F("unit", "string", "unit of the values", "text"),
                 F("source", "string", "publisher", "text"), F("license", "string", "licence", "text"),
                 F("derived", "boolean", "computed by the course from other series", "flag"), F("formula", "string", "formula for derived series", "text"),
                 F("description", "string", "definition", "text"), F("source_path", "string", "upstream repository path", "text"),
                 F("source_commit", "string", "upstream commit", "text")]),
    dict(name="energy", title="Energy: electricity by source, fossil-fuel production, primary energy, energy per person",
         description="Our World in Data energy series in long form. Vintages are kept apart in 'vintage': the 2022 component files (fossil production and primary energy, to 2020) and newer chart downloads (energy per person to 2024; electricity by source in TWO vintages: the 2024 download, to 2022/2023, and the 2025 download, Ember 2025 / Energy Institute 2025, to 2024 for most countries, 2023 for AFG BHR LAO MDV TKM UZB, 2022 for NPL; Sri Lanka has a single 2022 row in the 2025 download). Both electricity vintages cover overlapping years and differ where OWID/Ember revised values (e.g. Uzbekistan 2022 hydro): use ONE vintage per series, the newest that covers the country, and never splice vintages in one series. In the 2025 vintage 1990-1999 values exist only where the Energy Institute covers a country (Ember starts in 2000 outside Europe), so a step in 2000 is not a real change; Central Asian latest years are sometimes estimated or carried forward by Ember, and Kyrgyzstan 2024 was revised in a later OWID release.",
         sources=[SRC_OWID_ELEC, SRC_OWID_2022, SRC_OWID_ELEC_2025, SRC_OWID_PC], licenses=[LIC_CC_BY], source_line_parts=3,
         fields=[F("iso3", "string", "ISO3 code (WLD = OWID World)", "code"), F("year", "integer", "year", "year"),
                 F("measure", "string", "electricity_generation, fossil_production, primary_energy or energy_per_capita", "category"),
                 F("fuel", "string", "coal, gas, oil, nuclear, hydro, solar, wind, bioenergy, other_renewables or total", "category"),
                 F("value", "number", "value in the unit column", "see unit column"), F("unit", "string", "TWh, TWh (primary energy) or kWh per person", "text"),
                 F("vintage", "string", "which OWID release the row comes from", "text")]),
    dict(name="glaciers", title="Glacier mass balance: WGMS glaciers of the course countries and regional estimates for Asia",
         description="Annual (and winter/summer) glacier-wide mass balance of the 51 glaciers of course countries in the WGMS Fluctuations of Glaciers database (version 2021-05), 1990-2020, in millimetres of water equivalent (unit 'mm w.e.'); and the WGMS regional mass-balance estimates (method of Zemp et al. 2019, updated to 2020) for six Asian RGI regions, 2000-2020, in metres of water equivalent (unit 'm w.e.') with their uncertainty (variable annual_balance_uncertainty, as supplied; the file does not state the confidence level) and the anomaly against 2006-2016. UNITS DIFFER: divide glacier values by 1000 before comparing them with a region. RGI 13 (series ASC) is 'Central Asia' in the Randolph Glacier Inventory's sense: the Tien Shan, Pamir, Hissar-Alay, Kunlun, Qilian Shan and inner and south-eastern Tibet (RGI subregions 13-01 to 13-09), a wider area than the course's Central Asia. Caveats from the provenance: no Tajik glacier has a glacier-wide series in this version (the Pamir is represented only by Abramov in the Pamir-Alay, Kyrgyzstan, by Muztag Ata No. 15 in the eastern Pamir, China, 2001-2014, and by the regional estimate); most Ile Alatau glaciers of Kazakhstan stop in 1990-91 while Tsentralniy Tuyuksu continues; regional values are ad-hoc estimates whose uncertainties are larger than most single-year values; some remarks flag preliminary or reanalysed values; rgi_id mixes RGI 5.0 and 6.0 identifiers as in the source; newer WGMS versions (data to 2023/2024) were not available.",
         sources=[SRC_WGMS, SRC_ZEMP], licenses=[LIC_WGMS],
         fields=[F("kind", "string", "glacier (one WGMS glacier) or region (an RGI first-order region)", "category"),
                 F("series_id", "string", "WGMS glacier id (glaciers) or WGMS region code, e.g. ASC = RGI 13 Central Asia (regions)", "code"),
                 F("name", "string", "display name", "text"), F("wgms_name", "string", "name as spelled by WGMS", "text"),
                 F("iso3", "string", "country of the glacier (WGMS political unit); empty for regions", "code"),
                 F("rgi_region", "string", "RGI first-order region number (13 Central Asia, 14 South Asia West, 15 South Asia East, 10 North Asia, 12 Caucasus and Middle East, 09 Russian Arctic)", "code"),
                 F("rgi_id", "string", "Randolph Glacier Inventory id as given by WGMS (RGI 5.0 or 6.0); empty for regions", "code"),
                 F("year", "integer", "hydrological year ending in this year (WGMS convention)", "year"),
                 F("variable", "string", "annual_balance, winter_balance, summer_balance (glaciers); annual_balance, annual_balance_uncertainty, annual_balance_anomaly_2006_2016 (regions)", "category"),
                 F("value", "number", "mass balance in the unit of the row: mm w.e. for glaciers, m w.e. for regions", "see unit column (mm w.e. or m w.e.)"),
                 F("unit", "string", "'mm w.e.' (millimetres of water equivalent, glaciers) or 'm w.e.' (metres of water equivalent, regions)", "text"),
                 F("area_km2", "number", "glacier area reported with the value (glaciers; often empty)", "km2"),
                 F("remarks", "string", "WGMS remarks (preliminary, reanalysed, ...) or the kind of regional estimate", "text")]),
    dict(name="water", title="FAO AQUASTAT water resources and use",
         description="AQUASTAT variables for the course countries. 'year' is a period label, not an annual measurement: values are the latest observation in the period and are often carried forward (symbol I = imputed, E = estimate, X = external source). Renewable-resource variables are long-term averages.",
         sources=[SRC_AQUASTAT], licenses=[LIC_AQUASTAT],
         fields=[F("iso3", "string", "ISO3 code", "code"), F("variable_id", "integer", "AQUASTAT variable id", "code"),
                 F("variable", "string", "short name", "text"), F("variable_name", "string", "AQUASTAT name", "text"),
                 F("year", "integer", "AQUASTAT period label (e.g. 2017 = 2013-2017)", "year"), F("period", "string", "years the label covers", "text"),
                 F("value", "number", "value in the unit column", "see unit column"), F("unit", "string", "unit (from the AQUASTAT glossary)", "text"),
                 F("symbol", "string", "FAO flag: E estimate, I imputed, X external, empty official", "category")]),
    dict(name="water_facts", title="Aral Sea basin water and energy facts",
         description="Hand-checked facts on river flows, where flow forms, dependency, allocation, the Aral Sea, reservoirs, winter vs summer releases and Qosh Tepa. Sources often disagree: 'uncertain' is true where the value is approximate, a range, qualitative, the note flags a dispute, or the fact rests on a weak or unchecked source; show those as uncertain. 'source' cites the original publishers.",
         sources=[SRC_REF], licenses=[LIC_COURSE],
         fields=[F("topic", "string", "topic", "category"), F("label", "string", "what the value is", "text"),
                 F("value", "number", "numeric value where the source gives a single number", "see unit column"),
                 F("value_text", "string", "value as given in the source (ranges, approximations)", "text"),
                 F("unit", "string", "unit", "text"), F("year", "string", "year or period as given", "text"),
                 F("uncertain", "boolean", "approximate, ranged, qualitative or disputed, or resting on a weak or unchecked source", "flag"),
                 F("source", "string", "bibliographic citations of the original publishers (publisher, title, date, URL), ' ; '-separated", "citation"), F("note", "string", "caveats", "text")]),
    dict(name="trade", title="IMF DOTS bilateral merchandise trade among the course countries, 1990-2020",
         description="Exports (FOB) and imports (CIF) reported by each course country with each partner (course countries, World WLD, EU EUU and a few others), US$ million, nominal. Mirror data: where a country does not report (e.g. Turkmenistan), the IMF fills its series from partners' records; IMF-marked estimates are flagged in 'estimated'. A's exports to B differ from B's imports from A.",
         sources=[SRC_DOTS], licenses=[LIC_IMF],
         fields=[F("reporter", "string", "reporting country ISO3", "code"), F("partner", "string", "partner ISO3 (WLD World, EUU EU)", "code"),
                 F("flow", "string", "exports or imports", "category"), F("year", "integer", "year", "year"),
                 F("value", "number", "trade value", "US$ million (current)"), F("estimated", "boolean", "IMF-marked estimate ('e')", "flag")]),
    dict(name="population_projections", title="UN World Population Prospects 2024: estimates to 2023 and medium-variant projections to 2050",
         description="Mid-year population, persons. 1990-2023 are estimates, 2024-2050 the medium-variant projection (not data). Do not mix with WDI SP.POP.TOTL in one series.",
         sources=[SRC_WPP], licenses=[LIC_WPP],
         fields=[F("iso3", "string", "ISO3 code (WLD = UN World)", "code"), F("year", "integer", "year", "year"),
                 F("population", "number", "mid-year population", "persons"), F("kind", "string", "estimate or projection", "category")]),
    dict(name="migration", title="UN DESA International Migrant Stock 2019: persons by country of birth, destination x origin, 1990-2019",
         description="Mid-year stock of international migrants (both sexes) living in each destination, by origin, for 1990, 1995, 2000, 2005, 2010, 2015 and 2019, for every pair in which the destination or the origin is one of the 28 course countries. A migrant here is a PERSON BORN IN ANOTHER COUNTRY (where birthplace is not recorded, the UN uses citizenship or ethnicity): these are NOT counts of labour migrants. The Russian figures rest mainly on censuses and include many people who moved in Soviet times; seasonal and temporary workers (what Russian registration data count) are largely missing. Non-census years are UN interpolations; refugee stocks (UNHCR) are added for some countries (e.g. Afghans in Iran and Pakistan). Pairs with no value or zero in the UN table are absent. 2019 revision only: the 2020 and 2024 editions revise back-years, so do not mix editions.",
         sources=[SRC_UNDESA], licenses=[LIC_UNDESA],
         fields=[F("destination", "string", "country of residence, ISO3", "code"),
                 F("destination_name", "string", "country of residence, UN name", "text"),
                 F("origin", "string", "country of birth (or citizenship where so recorded), ISO3", "code"),
                 F("origin_name", "string", "country of origin, UN name", "text"),
                 F("year", "integer", "mid-year reference year", "year"),
                 F("migrants", "integer", "persons born in origin living in destination (stock, not flow; not labour migrants)", "persons")]),
    dict(name="infrastructure", title="Dams, pipelines, power lines and corridors",
         description="Hydropower plants, oil and gas pipelines, CASA-1000, railways, corridors and the Qosh Tepa canal with capacity, status and year. 'capacity' is numeric only where the source gives one number; see capacity_text and notes for ranges and disputes.",
         sources=[SRC_REF], licenses=[LIC_COURSE],
         fields=[F("name", "string", "name", "text"), F("type", "string", "dam_hydropower, gas_pipeline, oil_pipeline, power_line, railway, corridor, canal", "category"),
                 F("countries", "string", "countries as described", "text"), F("iso3s", "string", "ISO3 codes of course countries named, ';'-separated", "code"),
                 F("capacity", "number", "capacity (single figure)", "see capacity_unit"), F("capacity_text", "string", "capacity as given", "text"),
                 F("capacity_unit", "string", "unit of capacity", "text"), F("status", "string", "operating, under_construction or planned", "category"),
                 F("year", "integer", "year opened or planned (first 4-digit year)", "year"), F("year_text", "string", "year as given", "text"),
                 F("route", "string", "river or route", "text"), F("notes", "string", "notes and disputes", "text"),
                 F("source", "string", "bibliographic citations of the original publishers (publisher, title, date, URL), ' ; '-separated", "citation"),
                 F("uncertain", "boolean", "true where the fact rests on a weak or unchecked source (show it as uncertain)", "flag")]),
    dict(name="seed_2014_tables", title="Tables printed in the 2014 Valdai report (defence 2010-12; area and population of SCO groups)",
         description="As printed in Koldunova and Das Kundu (2014), keeping the report's own inconsistencies flagged: inconsistent_as_printed, mapping_uncertain (chart labels separated from values in the text copy), no_data. The report's GDP-per-capita charts could not be transcribed (numbers absent from the text).",
         sources=[SRC_VALDAI], licenses=[LIC_COURSE],
         fields=[F("table", "string", "defence_members, defence_observers, area or population", "category"),
                 F("country", "string", "country or World", "text"), F("iso3", "string", "ISO3 (WLD world)", "code"),
                 F("group", "string", "member, observer, dialogue_partner or world", "category"),
                 F("measure", "string", "what the value measures", "category"), F("year", "integer", "year of data where stated", "year"),
                 F("value", "number", "value as printed", "see unit column"), F("unit", "string", "unit as printed", "text"),
                 F("flag", "string", "caveat flag", "category"), F("note", "string", "transcription note", "text")]),
    dict(name="seed_figures", title="Other figures quoted in the five seed texts",
         description="Quantities printed in the seed texts outside the 2014 report's tables (e.g. Alimov's counts, Khaidarzoda's demography), with author, title and year so lessons can attribute them.",
         sources=[SRC_VALDAI, SRC_REF], licenses=[LIC_COURSE],
         fields=[F("seed", "string", "seed file", "text"), F("author", "string", "author(s)", "text"), F("title", "string", "title and publisher", "text"),
                 F("published", "integer", "year published", "year"), F("context", "string", "section", "text"), F("label", "string", "what the figure is", "text"),
                 F("value", "number", "numeric value where single", "see unit column"), F("value_text", "string", "value as printed", "text"),
                 F("unit", "string", "unit", "text"), F("year", "string", "year of the data if stated", "text"), F("note", "string", "note", "text"),
                 F("source", "string", "bibliographic citation of the seed publication (author, title, publisher, date, URL where located)", "citation"),
                 F("uncertain", "boolean", "true where the figure is inconsistent as printed, mapped with doubt or missing", "flag")]),
    dict(name="conflict", title="UCDP organised violence by country-year: deaths by type of violence, 1990-2024",
         description="Deaths in organised violence inside each course country's borders, from the UCDP Country-Year Dataset on Organized Violence v25.1, one row per country, year and type of violence: state_based (armed conflict in which at least one party is a government, over government or territory), non_state (fighting between organised groups, neither a government) and one_sided (an organised actor - government or group - killing civilians). best is UCDP's best estimate, low and high its range. UCDP's coding rules: a state-based or non-state dyad enters the data once it causes at least 25 battle-related deaths in a calendar year, one-sided violence once an actor kills at least 25 civilians in a year; deaths of dyads that crossed the threshold are counted in every year, so some rows have fewer than 25 deaths. 'active' is UCDP's flag that this type of violence existed in the country-year; 'dyads' names the dyads (';'-separated). Caveats (see sources/raw/ucdp_conflict/PROVENANCE.md): deaths are assigned to the country where the violence happened, not to the government involved (Uzbekistan-IMU fighting of 1999-2000 appears under Kyrgyzstan as well); violence that no organised actor claims or that UCDP cannot attribute is not counted, so the absence of a country-year is not 'nothing happened' - the Andijan events of May 2005 (Uzbekistan) and Kazakhstan's unrest of January 2022 are not in the data; Russia's 1990 row is the Soviet Union; the post-Soviet states start in 1991; there is no World total. In a few rows of the source the best estimate lies outside its low-high range (e.g. Russia 2024 state-based); values are kept as published. The event-level UCDP GED was not obtained. Totals are dominated by Afghanistan, Myanmar, India, Pakistan, Russia and Türkiye: use per-capita or log scales.",
         sources=[SRC_UCDP_CY], licenses=[LIC_UCDP],
         fields=[F("iso3", "string", "ISO3 code of the country where the violence happened", "code"),
                 F("year", "integer", "calendar year", "year"),
                 F("type_of_violence", "string", "state_based, non_state or one_sided", "category"),
                 F("best", "integer", "UCDP best estimate of deaths", "deaths"),
                 F("low", "integer", "UCDP low estimate of deaths", "deaths"),
                 F("high", "integer", "UCDP high estimate of deaths", "deaths"),
                 F("active", "boolean", "UCDP coded this type of violence as existing in the country-year", "flag"),
                 F("dyads", "string", "dyads (pairs of actors) UCDP coded, ';'-separated", "text")]),
    dict(name="armed_conflicts", title="UCDP/PRIO Armed Conflict Dataset: conflict-years involving the course countries, 1990-2024",
         description="Conflict-years of the UCDP/PRIO Armed Conflict Dataset v25.1 in which a course country is the location, a primary party or a secondary supporter (so it includes, for example, missions abroad that course countries supported). A state-based armed conflict is a contested incompatibility over government or territory in which armed force between two parties, at least one of them a government, causes at least 25 battle-related deaths in a calendar year; intensity 'minor' is 25-999 battle-related deaths in the year, 'war' at least 1,000. Years below 25 deaths are absent here even when the country-year data hold a few deaths (e.g. Kyrgyz-Tajik border clashes before 2021). One record (conflict 11349, China - ETIM, 2008) was split over two lines in the mirror; it was re-joined and its trailing fields reconstructed: it is flagged in 'reconstructed'. Dates were repaired from a spreadsheet re-save (see PROVENANCE.md).",
         sources=[SRC_UCDP_ACD], licenses=[LIC_UCDP],
         fields=[F("conflict_id", "integer", "UCDP conflict id", "code"), F("year", "integer", "calendar year", "year"),
                 F("location", "string", "country or countries whose government(s) have a primary claim to the issue", "text"),
                 F("location_iso3", "string", "course countries among the locations, ';'-separated", "code"),
                 F("side_a", "string", "side A (always a government)", "text"),
                 F("side_a_2nd", "string", "states supporting side A with troops", "text"),
                 F("side_b", "string", "side B (government or opposition organisations)", "text"),
                 F("side_b_2nd", "string", "states supporting side B with troops", "text"),
                 F("incompatibility", "string", "territory, government or territory and government", "category"),
                 F("territory", "string", "the territory contested (territorial conflicts)", "text"),
                 F("intensity", "string", "minor (25-999 battle-related deaths in the year) or war (1,000 or more)", "category"),
                 F("type", "string", "extrasystemic, interstate, intrastate or internationalised intrastate", "category"),
                 F("start_date", "date", "first date of the first battle-related death in the conflict", "date"),
                 F("episode_ended", "boolean", "the conflict episode ended in this year", "flag"),
                 F("course_parties", "string", "course countries that are primary parties (side A or B), ';'-separated", "code"),
                 F("course_supporters", "string", "course countries that are only secondary supporters, ';'-separated", "code"),
                 F("reconstructed", "boolean", "row reconstructed from a broken mirror record (see description)", "flag")]),
    dict(name="country_interests", title="Stated interests of the lesson-03 states, with citations",
         description="What each state says it wants from the SCO and Central Asia, in the course's own words: one headline, several points and, where the sources disagree, a contested reading per state. Each paraphrase cites its sources (author, title, publisher, date, URL at the original publisher); points taken from the course's own datasets or general background say so. Shown by scocourse.explorers.country_profile.",
         sources=[SRC_VALDAI, SRC_REF], licenses=[LIC_COURSE],
         fields=[F("iso3", "string", "ISO3 code of the state", "code"),
                 F("kind", "string", "headline, point or contested", "category"),
                 F("text", "string", "the course's paraphrase (Markdown)", "text"),
                 F("basis", "string", "paraphrase (of the cited sources), course data (the course's datasets), course summary or background (general knowledge, no source)", "category"),
                 F("cite_keys", "string", "short tags of the sources, ' | '-separated (shown after the text)", "text"),
                 F("author", "string", "author(s) of each source, ' | '-separated in the order of cite_keys", "text"),
                 F("title", "string", "title of each source, ' | '-separated", "text"),
                 F("publisher", "string", "publisher of each source, ' | '-separated", "text"),
                 F("date", "string", "publication date of each source (YYYY, YYYY-MM), ' | '-separated", "date"),
                 F("url", "string", "URL at the original publisher, ' | '-separated", "url"),
                 F("url_note", "string", "caveats on a URL (e.g. article page not located), ' | '-separated", "text")]),
    dict(name="scenario_drivers", title="Drivers of Central Asia's future and their states, with citations (scenario builder)",
         description="The five drivers of the lesson-10 scenario builder (Afghanistan, Russia-China alignment, water, energy prices, labour migration), each with two states: a narrative fragment in the course's own words that paraphrases and attributes its sources, and what the signposts would show if the world moved into that state; and, as rows with driver 'matrix', the four worlds of the 2x2 scenario matrix (state 'afghanistan state|russia_china state', state_label the world's name). Shown by scocourse.explorers.scenarios.",
         sources=[SRC_VALDAI, SRC_REF], licenses=[LIC_COURSE],
         fields=[F("driver", "string", "driver key, or 'matrix' for the four worlds of the scenario matrix", "code"), F("driver_label", "string", "driver label", "text"),
                 F("question", "string", "the driver's question", "text"),
                 F("axis", "string", "x or y for the two critical uncertainties of the scenario matrix, else empty", "category"),
                 F("state", "string", "state key", "code"), F("state_label", "string", "state label", "text"),
                 F("text", "string", "narrative fragment (Markdown)", "text"),
                 F("watch", "string", "signposts to watch under this state", "text"),
                 F("basis", "string", "paraphrase (of the cited sources), course data (the course's datasets), course summary or background (general knowledge, no source)", "category"),
                 F("cite_keys", "string", "short tags of the sources, ' | '-separated (shown after the text)", "text"),
                 F("author", "string", "author(s) of each source, ' | '-separated in the order of cite_keys", "text"),
                 F("title", "string", "title of each source, ' | '-separated", "text"),
                 F("publisher", "string", "publisher of each source, ' | '-separated", "text"),
                 F("date", "string", "publication date of each source (YYYY, YYYY-MM), ' | '-separated", "date"),
                 F("url", "string", "URL at the original publisher, ' | '-separated", "url"),
                 F("url_note", "string", "caveats on a URL (e.g. article page not located), ' | '-separated", "text")]),
    dict(name="boundaries", title="Country outlines for maps (Natural Earth, simplified)",
         description="Natural Earth 4.1.0 admin-0 countries at 1:110m with coordinates rounded to 0.01 degree, plus Maldives and Bahrain from 1:50m. Boundaries are Natural Earth's de facto lines and do not match the claims of India, Pakistan or China in Kashmir and Aksai Chin.",
         sources=[SRC_NE], licenses=[LIC_PD], format="geojson", mediatype="application/geo+json",
         fields=[F("iso3", "string", "ISO3 code (empty where Natural Earth has none)", "code"), F("name", "string", "Natural Earth name", "text"),
                 F("geometry", "geojson", "MultiPolygon, lon/lat WGS84", "degrees")]),
]


def _source_entry(src: dict) -> dict:
    d = {"title": src["title"], "publisher": src["publisher"], "path": src["path"]}
    if src.get("repository"):
        d["repository"] = src["repository"]
    if src.get("files"):
        d["files"] = src["files"]
    if src.get("commit"):
        d["commit"] = src["commit"]
    return d


def build(sources: Path, out: Path) -> list[Path]:
    raw, ref = sources / "raw", sources / "reference"
    out.mkdir(parents=True, exist_ok=True)
    frames = {
        "countries": build_countries(raw, ref),
        "membership": build_membership(ref),
        "events": build_events(ref),
        "energy": build_energy(raw),
        "glaciers": build_glaciers(raw),
        "water": build_water(raw),
        "water_facts": build_water_facts(ref),
        "trade": build_trade(raw),
        "population_projections": build_population(raw),
        "migration": build_migration(raw),
        "infrastructure": build_infrastructure(ref),
    }
    frames["indicators"], frames["indicator_catalog"] = build_indicators(raw)
    frames["country_interests"] = build_country_interests(ref)
    frames["scenario_drivers"] = build_scenario_drivers(ref)
    frames["seed_2014_tables"], frames["seed_figures"] = build_seed_tables(ref)
    frames["conflict"], frames["armed_conflicts"] = build_conflict(raw)
    written = []
    resources = []
    for spec in RESOURCES:
        name = spec["name"]
        if name == "boundaries":
            path = out / "boundaries.geojson"
            path.write_text(json.dumps(build_boundaries(raw), separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
            schema = None
        else:
            path = out / f"{name}.csv"
            df = frames[name]
            expected = [f["name"] for f in spec["fields"]]
            if list(df.columns) != expected:
                raise SystemExit(f"{name}: columns {list(df.columns)} != schema {expected}")
            write_csv(df, path)
            schema = {"fields": spec["fields"]}
        written.append(path)
        res = {"name": name, "path": path.name, "title": spec["title"], "description": spec["description"],
               "format": spec.get("format", "csv"), "mediatype": spec.get("mediatype", "text/csv"), "encoding": "utf-8",
               "bytes": path.stat().st_size, "hash": "sha256:" + sha256(path),
               "sources": [_source_entry(s) for s in spec["sources"]], "licenses": spec["licenses"],
               "x_source_line": "Source: " + "; ".join(f"{s['short']} ({spec['licenses'][0]['name']})" for s in spec["sources"][:spec.get("source_line_parts", 2)])}
        if schema:
            res["schema"] = schema
        else:
            res["x_properties"] = spec["fields"]
        resources.append(res)
    package = {
        "profile": "data-package", "name": "scocourse-data", "title": "scocourse: datasets for a course on the SCO and Central Asia",
        "description": "Cleaned, traceable extracts built by tools/build_data.py from the repository's sources/raw and sources/reference. Each resource carries its own sources and licence.",
        "version": "1.0.0", "homepage": "https://github.com/scocourse/scocourse",
        "licenses": [LIC_COURSE], "resources": resources,
    }
    dp = out / "datapackage.json"
    dp.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(dp)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=ROOT / "sources", help="folder holding raw/ and reference/")
    ap.add_argument("--out", type=Path, default=ROOT / "data", help="output folder")
    args = ap.parse_args(argv)
    if not (args.sources / "raw").is_dir() or not (args.sources / "reference").is_dir():
        print(f"no source base at {args.sources}: expected raw/ and reference/ folders there", file=sys.stderr)
        return 2
    for p in build(args.sources, args.out):
        print(f"{p.name:32s} {p.stat().st_size:>9,d} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
