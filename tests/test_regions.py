"""Region matching for free text and for /kontak (bot.regions)."""

from __future__ import annotations

import pytest

from bot.model import Contact, Text
from bot.regions import (
    RegionMatch,
    aliases_from_contacts,
    find_regions_in_text,
    match_regions,
)

REGIONS = (
    "Kabupaten Sidoarjo",
    "Kota Kupang",
    "Kota Bogor",
    "Kabupaten Banyuwangi",
    "Kota Semarang",
    "Kabupaten Kupang",
    "Kabupaten Lembata",
    "Kabupaten Manggarai",
    "Kabupaten Manggarai Barat",
    "Kabupaten Sumba Barat",
    "Kabupaten Sumba Timur",
)
ALIASES = {
    "sda": "Kabupaten Sidoarjo",
    "bwi": "Kabupaten Banyuwangi",
    "smg": "Kota Semarang",
    "kpg": "Kota Kupang",
}
SIDOARJO = RegionMatch(("Kabupaten Sidoarjo",), False)
KUPANG_BOTH = RegionMatch(("Kota Kupang", "Kabupaten Kupang"), True)


@pytest.mark.parametrize(
    "query",
    [
        "sidoarjo",
        "Sidoarjo",
        "kab. sidoarjo",
        "kab sidoarjo",
        "Kabupaten Sidoarjo",
        "pemkab sidoarjo",
        "SIDOARJO!!",
        "sda",
        "sidoarjoo",
        "sidoarj",
    ],
)
def test_sidoarjo_spellings(query: str) -> None:
    assert match_regions(query, REGIONS, ALIASES) == SIDOARJO


def test_typo_banyuwangie() -> None:
    assert match_regions("banyuwangie", REGIONS) == RegionMatch(("Kabupaten Banyuwangi",))


@pytest.mark.parametrize(
    ("query", "region"),
    [("bwi", "Kabupaten Banyuwangi"), ("smg", "Kota Semarang"), ("kpg", "Kota Kupang")],
)
def test_aliases(query: str, region: str) -> None:
    assert match_regions(query, REGIONS, ALIASES) == RegionMatch((region,))


def test_aliases_are_optional() -> None:
    assert match_regions("sda", REGIONS) == RegionMatch()


def test_bare_kupang_is_ambiguous_kota_first() -> None:
    assert match_regions("kupang", REGIONS) == KUPANG_BOTH


@pytest.mark.parametrize(
    ("query", "region"),
    [
        ("kota kupang", "Kota Kupang"),
        ("pemkot kupang", "Kota Kupang"),
        ("kab kupang", "Kabupaten Kupang"),
        ("kab. kupang", "Kabupaten Kupang"),
        ("kabupaten kupang", "Kabupaten Kupang"),
        ("pemkab kupang", "Kabupaten Kupang"),
        ("Kupang Regency", "Kabupaten Kupang"),
        ("kupang city", "Kota Kupang"),
    ],
)
def test_kab_or_kota_from_the_adjacent_word(query: str, region: str) -> None:
    assert match_regions(query, REGIONS) == RegionMatch((region,))


def test_kind_word_that_fits_no_region_still_names_the_core() -> None:
    # There is only a Kota Semarang; "kab semarang" still means that delegation.
    assert match_regions("kab semarang", REGIONS) == RegionMatch(("Kota Semarang",))


@pytest.mark.parametrize("word", ["sekarang", "lembaga", "semua", "kota", "kabupaten", ""])
def test_ordinary_words_are_not_regions(word: str) -> None:
    assert find_regions_in_text(word, REGIONS) == RegionMatch()


def test_semarang_vs_sekarang_in_a_sentence() -> None:
    assert find_regions_in_text("sekarang acara apa", REGIONS) == RegionMatch()
    found = find_regions_in_text("sesi semarang sekarang?", REGIONS)
    assert found == RegionMatch(("Kota Semarang",))


def test_no_match() -> None:
    assert match_regions("jakarta", REGIONS) == RegionMatch()
    assert not match_regions("xyz", REGIONS)


def test_longest_core_wins() -> None:
    assert match_regions("manggarai barat", REGIONS) == RegionMatch(("Kabupaten Manggarai Barat",))
    assert match_regions("manggarai", REGIONS) == RegionMatch(("Kabupaten Manggarai",))


def test_first_word_of_several_names_is_ambiguous() -> None:
    found = match_regions("sumba", REGIONS)
    assert found.ambiguous
    assert set(found.regions) == {"Kabupaten Sumba Barat", "Kabupaten Sumba Timur"}


def test_find_in_sentence() -> None:
    found = find_regions_in_text("minta kontak panitia sidoarjo", REGIONS, ALIASES)
    assert found == SIDOARJO
    found = find_regions_in_text("kontak kab. kupang dan kota bogor dong", REGIONS)
    assert found == RegionMatch(("Kabupaten Kupang", "Kota Bogor"), False)
    assert find_regions_in_text("no hp delegasi kupang", REGIONS) == KUPANG_BOTH


def test_keliling_kota_is_not_a_region() -> None:
    assert find_regions_in_text("tur keliling kota hari jumat", REGIONS) == RegionMatch()


def test_aliases_from_contacts_skip_ordinary_words() -> None:
    contacts = [
        Contact(
            "a",
            "A",
            role=Text("x"),
            instansi="",
            region="Kota Kupang",
            phone="1",
            aliases=("panitia", "tuan rumah", "kpg", "pemkot kupang"),
        ),
        Contact(
            "b", "B", role=Text("x"), instansi="", region="", phone="2", aliases=("sekretariat",)
        ),
    ]
    assert aliases_from_contacts(contacts) == {"kpg": "Kota Kupang", "pemkot kupang": "Kota Kupang"}
    everything = aliases_from_contacts(contacts, skip_ordinary=False)
    assert everything["panitia"] == "Kota Kupang"
    assert "sekretariat" not in everything


def test_a_region_named_like_a_regional_word_is_not_read_as_it() -> None:
    # Javanese "karo" is "dengan" (with), and Kabupaten Karo a regency: a message saying
    # "dengan" names no region, and the regency's name still finds it.
    regions = (*REGIONS, "Kabupaten Karo")
    assert find_regions_in_text("boleh minta kontak dengan panitia", regions) == RegionMatch()
    assert match_regions("kontak kab karo", regions) == RegionMatch(("Kabupaten Karo",), False)
