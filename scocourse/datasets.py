"""The course datasets: list them, load them (cached), and say where they come from.

Like ``seaborn.load_dataset``: ``load("indicators")`` returns a pandas DataFrame (a copy you
may change); ``describe("indicators")`` says what it is, where it comes from, its licence and
the unit of every field. The files live in ``data/`` of a git checkout (editable install,
Binder) or in ``scocourse/_data`` inside a built wheel; both hold the same bytes, listed with
their sha256 in ``datapackage.json``.
"""
from __future__ import annotations

import json
import marshal
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UnknownDatasetError, WrongTypeError, did_you_mean

if TYPE_CHECKING:  # pandas is imported when data is first loaded, not with the package
    import pandas

__all__ = ["names", "load", "describe", "source_line", "data_dir", "Description"]


@lru_cache(maxsize=1)
def data_dir() -> Path:
    """Return the folder holding ``datapackage.json`` (wheel: package data; checkout: ``data/``)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data", here.parent / "data"):
        if (candidate / "datapackage.json").is_file():
            return candidate
    raise FileNotFoundError(
        "scocourse cannot find its data folder (datapackage.json). Reinstall the package, or in a "
        "checkout run `python tools/build_data.py`.")


@lru_cache(maxsize=1)
def _package() -> dict:
    return json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))


def _check_name(name) -> None:
    """Raise :class:`WrongTypeError` unless ``name`` is a string (before any cache sees it: a list is unhashable)."""
    if not isinstance(name, str):
        hint = ""
        if isinstance(name, (list, tuple, set)) and name and all(isinstance(n, str) for n in name):
            hint = (" To load several, call load() once per name, e.g. "
                    + ", ".join(f"load({n!r})" for n in list(name)[:3]) + ".")
        raise WrongTypeError(f"A dataset name should be one string such as 'indicators', "
                             f"not {type(name).__name__} {name!r}.{hint}")


def _resource(name: str) -> dict:
    _check_name(name)
    return _resource_cached(name)


@lru_cache(maxsize=None)
def _resource_cached(name: str) -> dict:
    for res in _package()["resources"]:
        if res["name"] == name:
            return res
    valid = names()
    raise UnknownDatasetError(f"There is no dataset called '{name}'.{did_you_mean(name, valid)} "
                              f"The datasets are: {', '.join(valid)}.")


def names() -> list[str]:
    """Return the names of every dataset, in the order of the data package."""
    return [r["name"] for r in _package()["resources"]]


_DTYPES = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean"}


def _read(name: str):
    _check_name(name)
    return _read_cached(name)


@lru_cache(maxsize=None)
def _read_cached(name: str):
    import pandas as pd

    res = _resource(name)
    path = data_dir() / res["path"]
    if res.get("format") == "geojson":
        # kept as marshal bytes: unmarshalling gives each caller a fresh copy 5x faster than deepcopy
        return marshal.dumps(json.loads(path.read_text(encoding="utf-8")))
    fields = res["schema"]["fields"]
    dtypes = {f["name"]: _DTYPES.get(f["type"], "string") for f in fields if f["type"] not in ("date", "boolean")}
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values={f["name"]: [""] for f in fields if f["type"] != "string"})
    for f in fields:
        col = f["name"]
        if f["type"] == "boolean":
            df[col] = df[col].map({"true": True, "false": False, True: True, False: False}).astype("boolean")
        elif f["type"] == "date":
            df[col] = pd.to_datetime(df[col].replace("", None), format="%Y-%m-%d")
        elif f["type"] == "integer" and not df[col].isna().any():
            df[col] = df[col].astype("int64")
    return df


def load(name: str) -> pandas.DataFrame | dict[str, Any]:
    """Return dataset ``name`` as a pandas DataFrame (``boundaries``: a GeoJSON dict).

    The file is read once per session and cached; each call returns a copy, so changing
    it does not change what the next caller gets. ``names()`` lists the datasets and
    ``describe(name)`` their fields and units.

    Parameters
    ----------
    name : str
        One dataset name from :func:`names`, e.g. ``"indicators"`` or ``"trade"``. Units are
        per field: see ``describe(name).units`` (e.g. ``trade.value`` in US$ million).

    Returns
    -------
    pandas.DataFrame or dict
        A fresh copy of the table (a GeoJSON ``dict`` for ``"boundaries"``).

    Raises
    ------
    UnknownDatasetError
        ``name`` is not a dataset (a ``KeyError``; the message suggests close names).
    WrongTypeError
        ``name`` is not a string (e.g. a list: load one dataset per call).
    """
    data = _read(name)
    if isinstance(data, bytes):
        return marshal.loads(data)
    return data.copy()


@dataclass(frozen=True)
class Description:
    """What a dataset is: title, description, sources, licence and fields with units."""

    name: str
    title: str
    description: str
    sources: list = field(default_factory=list)
    licenses: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    path: str = ""
    sha256: str = ""

    @property
    def license(self) -> str:
        """Licence name(s) of the dataset, e.g. 'CC-BY-4.0'."""
        return ", ".join(lic["name"] for lic in self.licenses)

    @property
    def units(self) -> dict:
        """Mapping of field name to unit."""
        return {f["name"]: f.get("unit", "") for f in self.fields}

    def _source_lines(self) -> list[str]:
        out = []
        for s in self.sources:
            extra = ", ".join(x for x in (s.get("repository"), s.get("files"),
                                          ("commit " + s["commit"][:12]) if s.get("commit") else "") if x)
            out.append(f"{s['title']} — {s['publisher']}" + (f" [{extra}]" if extra else ""))
        return out

    def __repr__(self) -> str:
        lines = [f"{self.name}: {self.title}", "", self.description, "", "Sources:"]
        lines += [f"  - {s}" for s in self._source_lines()]
        lines += [f"Licence: {self.license}", f"File: {self.path} (sha256 {self.sha256[:12]}…)", "", "Fields:"]
        width = max((len(f["name"]) for f in self.fields), default=0)
        lines += [f"  {f['name']:<{width}}  {f['type']:<8} {f.get('unit', ''):<22} {f['description']}" for f in self.fields]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape as e
        rows = "".join(f"<tr><td><code>{e(f['name'])}</code></td><td>{e(f['type'])}</td><td>{e(f.get('unit', ''))}</td>"
                       f"<td>{e(f['description'])}</td></tr>" for f in self.fields)
        srcs = "".join(f"<li>{e(s)}</li>" for s in self._source_lines())
        return (f"<div><h4>{e(self.name)}: {e(self.title)}</h4><p>{e(self.description)}</p>"
                f"<p><b>Sources</b></p><ul>{srcs}</ul><p><b>Licence:</b> {e(self.license)}</p>"
                f"<table><thead><tr><th>field</th><th>type</th><th>unit</th><th>meaning</th></tr></thead>"
                f"<tbody>{rows}</tbody></table></div>")


def describe(name: str) -> Description:
    """Return a :class:`Description` of dataset ``name`` (shown as a table in notebooks).

    Parameters
    ----------
    name : str
        One dataset name from :func:`names`.

    Returns
    -------
    Description
        Title, description, sources, licence and fields (``.units`` maps each field to its unit).
    """
    res = _resource(name)
    fields = res["schema"]["fields"] if "schema" in res else res.get("x_properties", [])
    return Description(name=name, title=res["title"], description=res["description"], sources=res["sources"],
                       licenses=res["licenses"], fields=fields, path=res["path"],
                       sha256=res["hash"].removeprefix("sha256:"))


def source_line(name: str) -> str:
    """Return the one-line source credit for charts, e.g. 'Source: World Bank WDI (CC-BY-4.0)'.

    Parameters
    ----------
    name : str
        One dataset name from :func:`names`.
    """
    return _resource(name)["x_source_line"]
