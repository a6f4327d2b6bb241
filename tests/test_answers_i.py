"""Indonesian questions of dev set i (issue 11) the bot used to decline, through the real
Application and the stand-in; dev set i is a gate.

Each test is one general cause: a day (or part of it) typed alone asks for its programme;
"sejam lagi", "in 30 minutes" are a time counted from now; chat spellings ("plg", "mkn",
"lgsg", Kupang-Malay "hari ni … kaka") are the words they spell; a word with a skipped letter
("jadal", "ruditara") is the one known word it fits; words about the asker ("takut telat",
"pakaian yang digunakan") are general language, not a subject the answer must hold.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.loader import load_event
from bot.resources import CHECKOUT_ROOT
from tests.conftest import WITA
from tests.harness import Harness
from tests.test_answers import ROOT, _bench, read

DECLINED = "belum bisa menjawab"


async def test_a_day_alone_asks_for_its_programme(bot: Harness) -> None:
    """"besok", "hari ini?", "jumat pagi": the day's programme, not the decline."""
    bot.clock.set(datetime(2019, 10, 16, 23, 0, tzinfo=WITA))
    text = read(await bot.say("besok"))
    assert text.startswith("📅 Kamis, 17 Oktober 2019 — hari 2 dari 3"), text
    assert "Semarang" in text and "Banyuwangi" not in text
    assert read(await bot.say("hari ini?")).startswith("📅 Rabu, 16 Oktober 2019 — hari 1 dari 3")
    assert read(await bot.say("jumat pagi")).startswith("📅 Jumat, 18 Oktober 2019, pagi")
    # A day the event does not have is still said to be empty, a word alone still declined.
    assert "Tidak ada acara pada Selasa, 15 Oktober 2019" in read(await bot.say("kemarin"))
    assert DECLINED in read(await bot.say("minggu"))


async def test_a_time_counted_from_now(bot: Harness) -> None:
    """At 12.05, "sejam lagi" is 13.05 (the Banyuwangi session), "setengah jam lagi" 12.35
    (the lunch break); "berapa jam lagi" asks how long until, not a time."""
    bot.clock.set(datetime(2019, 10, 16, 12, 5, tzinfo=WITA))
    for question in ("sejam lagi ada apa", "1 jam lagi ada acara apa?", "what's on in an hour?"):
        text = read(await bot.say(question))
        assert "pukul 13.05" in text and "Banyuwangi" in text, (question, text)
    text = read(await bot.say("setengah jam lagi ada apa"))
    assert "pukul 12.35" in text and "Ishoma" in text
    text = read(await bot.say("berapa jam lagi keynote"))
    assert "pukul" not in text.split("\n", 1)[0] and "Keynote" in text


async def test_chat_spellings_are_the_words_they_spell(bot: Harness) -> None:
    """"plg" is pulang, "mkn" makan, "lgsg" langsung, "wfi" wifi; Kupang-Malay "hari ni"
    is hari ini and "kaka" an address."""
    bot.clock.set(datetime(2019, 10, 18, 6, 50, tzinfo=WITA))
    assert "selesai 11.00" in read(await bot.say("tour plg jm brp min"))
    assert "Penutupan" in read(await bot.say("abis tour lgsg penutupan?"))
    bot.clock.set(datetime(2019, 10, 16, 11, 5, tzinfo=WITA))
    assert "12.00–13.00" in read(await bot.say("mkn siang jm brp kak"))
    assert "Ada Wi-Fi" in read(await bot.say("ada wfi gak disni"))
    bot.clock.set(datetime(2019, 10, 17, 7, 50, tzinfo=WITA))
    text = read(await bot.say("hari ni ada acara apa sa kaka?"))
    assert text.startswith("📅 Kamis, 17 Oktober 2019"), text


async def test_a_skipped_letter_is_the_one_word_it_fits(bot: Harness) -> None:
    """"jadal" is jadwal, "ruditara" Rudiantara: the letters typed, in order, fit one known
    word with a letter (two in a long word) left out. A word with an ending added is another
    word: "bahas" is not "bahasa"."""
    bot.clock.set(datetime(2019, 10, 16, 19, 0, tzinfo=WITA))
    text = read(await bot.say("jadal besok pagi apa"))
    assert text.startswith("📅 Kamis, 17 Oktober 2019, pagi") and "Semarang" in text, text
    assert "Menteri Komunikasi dan Informatika" in read(await bot.say("siapa ruditara itu"))


def test_skipped_letters_are_read_only_when_one_word_fits() -> None:
    from bot import textnorm

    normalizer = textnorm.Normalizer(["jadwal", "rudiantara", "bahasa", "kumpul", "kamis"],
                                     ["kamis"])
    assert normalizer.tokens("jadal kumpl ruditara") == ("jadwal", "kumpul", "rudiantara")
    # An ending added, a word of the language: left alone.
    assert normalizer.tokens("bahas tetap") == ("bahas", "tetap")
    # Not under a suffix: "bertanya" is no "berta" + "-nya" read as "berita".
    assert textnorm.Normalizer(["berita"]).tokens("bertanya") == ("bertanya",)


async def test_words_about_the_asker_are_general(bot: Harness) -> None:
    """"takut telat", "keburu", "yang digunakan" say why or how one asks: the card that
    answers the rest is shown, not the decline."""
    bot.clock.set(datetime(2019, 10, 18, 6, 0, tzinfo=WITA))
    assert "kumpul pukul 07.30" in read(await bot.say("tour kumpul jm brp min, takut telat"))
    assert "sebelum sholat Jumat" in read(await bot.say("city tour keburu sholat jumat ga"))
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    text = read(await bot.say("Selamat malam, mohon info pakaian yang digunakan peserta selama "
                              "seminar. Terima kasih Bapak/Ibu."))
    assert "batik" in text and DECLINED not in text
    # Advice words ("sebaiknya", "seharusnya") say how one asks, not what about.
    text = read(await bot.say("Untuk hari seminar, pakaian apa yang sebaiknya kami kenakan?"))
    assert "batik" in text and DECLINED not in text
    assert "Air minum" in read(await bot.say("seharusnya bawa apa ke city tour?"))


async def test_background_facts_the_question_reaches(bot: Harness) -> None:
    """A participant group, the summary and the goals are about the event without naming
    it ("… ikut seminar?"); "gabung" is being a member ("anggota"); "jumlah" asks how many,
    like "berapa", and is no word a passage must hold."""
    bot.clock.set(datetime(2019, 10, 15, 14, 0, tzinfo=WITA))
    text = read(await bot.say("camat lurah juga ikut seminar?"))
    assert "Camat dan lurah se-Kota Kupang" in text and DECLINED not in text
    text = read(await bot.say("berapa kota yg dipilih kominfo yg ikut seminar?"))
    assert "18 kota yang dipilih" in text
    # A group is of the participants: "… juga jadi peserta?", "… yang diundang?".
    text = read(await bot.say("Apakah camat dan lurah juga jadi peserta?"))
    assert "Camat dan lurah se-Kota Kupang" in text and DECLINED not in text
    text = read(await bot.say("Ada berapa kota/kabupaten anggota Citynet Indonesia yg diundang?"))
    assert "24 kota/kabupaten anggota" in text
    # Where all of them come from is every group (the participants' sentence), not one.
    text = read(await bot.say("pesertanya dari daerah mana aja?"))
    assert text.startswith("Acara ini dihadiri 478 peserta: 24 kota/kabupaten"), text
    text = read(await bot.say("kapan citynet berdiri? sidoarjo gabung sejak kapan?"))
    assert "1987" in text and "sejak 2009" in text and DECLINED not in text
    assert "550 ribu" in read(await bot.say("berapa jumlah penduduk kota kupang"))
    # "didirikan" is "berdiri/founded"; "penduduknya" is "penduduk".
    assert "sejak 1987" in read(await bot.say("Kapan Citynet didirikan?"))
    assert "550 ribu" in read(await bot.say("kota kupang penduduknya berapa?"))
    # Not a general word: "namanya" asks for a name, not the Wi-Fi network's "nama".
    assert read(await bot.say("wali kota kupang namanya siapa?")).startswith(
        "Jefirstson R. Riwu Kore — Wali Kota Kupang.")
    # A passage in the question's own words beats one holding a word of the same sense.
    assert read(await bot.say("brp anggota citynet indonesia?")).startswith(
        "24 kota/kabupaten anggota Citynet Indonesia")
    # What the data does not hold is still declined.
    assert DECLINED in read(await bot.say("berapa jumlah penduduk kabupaten sikka?"))


async def test_which_year_and_what_the_event_discusses(bot: Harness) -> None:
    """"acara tahun berapa" asks for the dates; "acara ini bahas apa" for what the event is
    about (its summary names the programme); with a day, that day's programme; with a
    session, the session."""
    text = read(await bot.say("acara tahun berapa ini"))
    assert text.startswith("Acara ini berlangsung 3 hari, Rabu–Jumat, 16–18 Oktober 2019")
    text = read(await bot.say("acara ini bahas apa aja selama 3 hari"))
    assert text.startswith("ℹ️ Seminar dan Sharing Best Practice") and "Banyuwangi" in text
    assert read(await bot.say("besok bahas apa aja")).startswith("📅 Kamis, 17 Oktober 2019")
    text = read(await bot.say("Bupati Banyuwangi bahas apa?"))
    assert text.startswith("Sharing Best Practice Kabupaten Banyuwangi")


async def test_another_events_kind_and_its_groups(tmp_path: Path) -> None:
    """Nothing is written for one seminar: on the Makassar rakor, "kapan rakor?" is the
    event's dates, a day alone its programme, a time counted from now that hour's item."""
    event = load_event(CHECKOUT_ROOT / "data" / "examples" / "rakor-makassar.toml")
    bot = await Harness(event, datetime(2024, 5, 14, 9, 0, tzinfo=WITA), tmp_path / "db").start()
    try:
        assert read(await bot.say("kapan rakor?")).startswith(
            "Acara ini berlangsung 2 hari, Selasa–Rabu, 14–15 Mei 2024")
        assert read(await bot.say("besok")).startswith("📅 Rabu, 15 Mei 2024 — hari 2 dari 2")
        assert "pukul 10.00" in read(await bot.say("sejam lagi ada apa"))
    finally:
        await bot.stop()


async def test_a_garment_asks_for_the_dress_code(bot: Harness) -> None:
    """"boleh pake kaos?", "jeans ke city tour?": what to wear, asked by the garment, is
    the dress code; buying one is still not in the data."""
    for question in ("hari jumat boleh pake kaos?", "boleh pakai kemeja aja ke seminar?"):
        text = read(await bot.say(question))
        assert "pakaian santai yang sopan" in text and DECLINED not in text, (question, text)
    assert DECLINED in read(await bot.say("dimana beli kaos?"))


async def test_kupang_malay_and_chat_days(bot: Harness) -> None:
    """Kupang Malay "ini hari" is today ("ini hari kedua" still the second day); "tadi
    (pagi)" is earlier today; "dtg", "kmn" are datang, kemana."""
    bot.clock.set(datetime(2019, 10, 16, 12, 0, tzinfo=WITA))
    text = read(await bot.say("ini hari ada acara apa?"))
    assert text.startswith("📅 Rabu, 16 Oktober 2019 — hari 1 dari 3"), text
    assert read(await bot.say("ini hari kedua kah?")).startswith("📅 Kamis, 17 Oktober 2019")
    text = read(await bot.say("tadi pagi siapa yang bicara?"))
    assert text.startswith("📅 Rabu, 16 Oktober 2019, pagi") and "Rudiantara" in text, text
    assert read(await bot.say("dtg jam brp bsk?")).startswith("📅 Kamis, 17 Oktober 2019")
    assert "Pantai Lasiana" in read(await bot.say("kmn aja city tour?"))


async def test_answer_dev_set_i_gate() -> None:
    """tests/answers_dev_i.jsonl (a dev set written blind, tuned on): its Indonesian
    questions stay >= 96.5% correct with at most one declined where an answer was due (the
    data does not say who signs the certificates), the whole set >= 94%. Wrong facts: at
    most the one its first run had (i032), until the change that fixes it lands; then 0."""
    totals = await _bench().run([ROOT / "tests" / "answers_dev_i.jsonl"], set())
    indonesian, every = totals["answers_dev_i id"], totals["answers_dev_i all"]
    assert sum(every.values()) >= 450
    assert indonesian["declined"] <= 1, indonesian
    assert indonesian["correct"] / sum(indonesian.values()) >= 0.965, indonesian
    assert every["correct"] / sum(every.values()) >= 0.94, every
    assert every["wrong"] <= 1, every


async def test_who_comes_after_an_item(bot: Harness) -> None:
    """"abis coffee break siapa yg ngisi?" is the item after the break and its speaker;
    who speaks *during* an item is that item's own speakers."""
    for question in ("abis coffee break siapa yg ngisi?", "who speaks after the coffee break?"):
        text = read(await bot.say(question))
        assert text.startswith("Setelah Rehat kopi (10.00–10.30): Best Practice Luar Negeri"), text
        assert "Keesei Lee" in text
    text = read(await bot.say("siapa yang bicara pas pembukaan?"))
    assert text.startswith("Pembukaan: sambutan") and "Riwu Kore" in text, text


async def test_please_advise_is_a_preface(bot: Harness) -> None:
    """"Mohon petunjuk, …", "Mohon arahannya, …" ask nothing by themselves (like "Mohon
    info:"): the question after them is answered, without the help screen; alone, "mohon
    petunjuk" still gets it."""
    text = read(await bot.say("Mohon petunjuk, di mana lokasi penutupan acara?"))
    assert text.startswith("Penutupan — Jumat, 18 Oktober 2019") and "❓ Bantuan\n" not in text
    assert read(await bot.say("mohon petunjuk")).startswith("❓ Bantuan")
