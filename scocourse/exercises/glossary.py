"""Russian names of the course's key terms, so a typed answer in Russian is understood.

Many of the region's classrooms teach in Russian. A short-text answer typed in Russian ("Узбекистан",
"Шанхайский дух", "Камбарата-1") is accepted when it names the same thing as an accepted English answer.
Country names come from the ``countries`` dataset (its aliases include the Russian names); the other
key terms of the question banks are listed here, each Russian form with the English term it means.
"""
from __future__ import annotations

from functools import lru_cache

__all__ = ["TERMS_RU", "english_equivalents"]

#: Russian term -> the English term it names (as the question banks accept it).
TERMS_RU: dict[str, str] = {
    # ideas and institutions
    "Шанхайский дух": "Shanghai spirit", "дух Шанхая": "Shanghai spirit",
    "Шанхайская пятёрка": "Shanghai Five", "Шанхайская пятерка": "Shanghai Five",
    "Шанхайская организация сотрудничества": "Shanghai Cooperation Organisation", "ШОС": "SCO",
    "РАТС": "RATS", "Региональная антитеррористическая структура": "RATS",
    "ОДКБ": "CSTO", "Организация Договора о коллективной безопасности": "CSTO",
    "ЕАЭС": "EAEU", "Евразийский экономический союз": "Eurasian Economic Union",
    "СНГ": "CIS", "Пояс и путь": "Belt and Road", "Один пояс, один путь": "Belt and Road",
    "Энергетический клуб ШОС": "SCO Energy Club", "Банк развития ШОС": "SCO Development Bank",
    "три зла": "three evils", "терроризм": "terrorism", "сепаратизм": "separatism", "экстремизм": "extremism",
    "сепаратисты": "separatists", "Средний коридор": "Middle Corridor",
    "Транскаспийский международный транспортный маршрут": "Middle Corridor",
    "пиковая вода": "peak water", "пик стока": "peak water",
    "денежные переводы": "remittances", "трудовая миграция": "labour migration",
    # pipelines, dams, rivers, places
    "Средняя Азия — Центр": "Central Asia–Center", "Средняя Азия - Центр": "Central Asia–Center",
    "Средняя Азия–Центр": "Central Asia–Center", "САЦ": "Central Asia–Center",
    "Центральная Азия — Центр": "Central Asia–Center",
    "Камбарата-1": "Kambarata-1", "Камбаратинская ГЭС-1": "Kambarata-1", "Камбар-Ата-1": "Kambarata-1",
    "Камбарата-2": "Kambarata-2", "Токтогул": "Toktogul", "Токтогульская ГЭС": "Toktogul",
    "Рогун": "Rogun", "Рогунская ГЭС": "Rogun", "Нурек": "Nurek", "Нурекская ГЭС": "Nurek",
    "Кош-Тепа": "Qosh Tepa", "Коштепа": "Qosh Tepa",
    "Аральское море": "Aral Sea", "Арал": "Aral Sea", "Амударья": "Amu Darya", "Сырдарья": "Syr Darya",
    "Нарын": "Naryn", "Дордой": "Dordoi", "Кара-Суу": "Kara-Suu",
    "Туюксу": "Tuyuksu", "Абрамова": "Abramov", "Голубина": "Golubin", "Урумчи № 1": "Urumqi No. 1",
    "Шанхай": "Shanghai", "Астана": "Astana", "Бишкек": "Bishkek", "Душанбе": "Dushanbe", "Ташкент": "Tashkent",
    "Алматы": "Almaty", "Самарканд": "Samarkand", "Циндао": "Qingdao", "Уфа": "Ufa",
    "Екатеринбург": "Yekaterinburg", "Тяньцзинь": "Tianjin", "Пекин": "Beijing", "Москва": "Moscow",
    "Нью-Дели": "New Delhi", "Андижан": "Andijan", "Баткен": "Batken", "Исфара": "Isfara", "Ош": "Osh",
}


@lru_cache(maxsize=1)
def _country_terms() -> dict[str, str]:
    """Every alias of a course country (Russian ones included) -> its English display name."""
    try:
        from .. import datasets
        df = datasets.load("countries")
    except Exception as exc:  # without the data, the fixed terms still work
        from ..errors import caught
        caught(exc, "reading country names for the Russian glossary")
        return {}
    out: dict[str, str] = {}
    for name, aliases in df[["name", "aliases"]].itertuples(index=False):
        for alias in [a for a in str(aliases).split(";") if a]:
            out[alias] = name
    return out


def english_equivalents(normalize) -> dict[str, str]:
    """Returns {normalised Russian (or other-language) term: normalised English term}.

    ``normalize`` is the checker's text normaliser, so both sides are compared the same way.
    """
    pairs = {**_country_terms(), **TERMS_RU}
    return {normalize(k): normalize(v) for k, v in pairs.items() if normalize(k) and normalize(v)}
