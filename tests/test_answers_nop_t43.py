"""Dev batch ah (issue 11), through the real Application and the stand-in: answered from the
event model, or declined — never a loosely related card.

- two relations about one item ("what comes before lunch and after it?", "sebelum dan
  sesudah ishoma?"): both about that item, not the second about the first's answer;
- a part of the day asked after a practical answer ("dress code besok? trs selesai jm brp?"):
  the day's end, not the practical answer again;
- a recommendation ("pantai yang bagus di mana?", "any recommended beach?"): not in the data,
  declined, never a tour stop or a venue whose name holds the word;
- who is seen speaking ("yang bicara di depan", "sedang bicara", "at the podium"): who speaks
  now; with a day named, that day's speakers;
- the word's last "a" run into "-nya" ("temnya"), an English past tense ("happened",
  "prepared"), "experience" for a sharing session, a park for a "taman" stop.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness
from tests.test_answers import read, read_en


async def test_two_relations_about_one_item(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 10, 50, tzinfo=WITA))
    text = await read_en(bot, "what comes before lunch and after it today")
    assert "Keesei Lee" in text and "Introduction to Citynet" in text, text
    text = await read_en(bot, "What is after the lunch break, and what's before it?")
    assert "Keesei Lee" in text and "Introduction to Citynet" in text, text
    for question in ("apa sebelum ishoma dan sesudahnya?",
                     "sebelum makan siang ada apa, trus abis itu apa?"):
        text = read(await bot.say(question))
        assert "Keesei Lee" in text and "Sosialisasi Program" in text, text
    # Both sides of one item, its name said once.
    for question in ("What's before and after lunch?", "what comes after and before lunch?"):
        text = await read_en(bot, question)
        assert "Keesei Lee" in text and "Introduction to Citynet" in text, text
    for question in ("sebelum dan sesudah ishoma ada apa?",
                     "acara sblm dan stlh makan siang apa aja"):
        text = read(await bot.say(question))
        assert "Keesei Lee" in text and "Sosialisasi Program" in text, text
    makassar.clock.set(datetime(2024, 5, 14, 9, 0, tzinfo=WITA))
    text = read(await makassar.say("sebelum dan sesudah ishoma ada apa?"))
    assert "Paparan rencana" in text and "Diskusi kelompok" in text, text
    text = await read_en(makassar, "what comes before lunch and after it?")
    assert "smart city plans" in text and "Group discussion" in text, text
    text = read(await makassar.say("sebelum ishoma apa dan sesudahnya apa?"))
    assert "Paparan rencana" in text and "Diskusi kelompok" in text, text


async def test_part_of_the_day_after_a_practical_answer(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 20, 15, tzinfo=WITA))
    for question in ("dress code besok apa? trs besok selesai jm brp?",
                     "besok pakai baju apa? trus pulang jam berapa?"):
        text = read(await bot.say(question))
        assert "batik" in text and "15.00" in text, text
    text = await read_en(bot, "what's the dress code tomorrow, and what time does it end?")
    assert "batik" in text and "15:00" in text, text
    text = read(await bot.say("wifi ada? acara besok mulai jam brp?"))
    assert "Wi-Fi" in text and "08.30" in text, text


async def test_a_recommendation_is_declined(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 17, 20, tzinfo=WITA))
    for question in ("beta mau pi pantai malam ni, yang bagus di mana ko?",
                     "pantai yang bagus di kupang mana ya", "tempat ngopi yg bagus dmn?"):
        text = read(await bot.say(question))
        assert DECLINED in text and "Lasiana" not in text, text
    # Praise is no recommendation asked: the question after it is answered.
    text = read(await bot.say("materinya bagus, bisa minta slidenya?"))
    assert DECLINED not in text, text
    text = await read_en(bot, "any recommended beach tonight?")
    assert DECLINED_EN in text and "Lasiana" not in text, text
    text = read(await makassar.say("pantai yang bagus di makassar mana ya?"))
    assert DECLINED in text and "Losari" not in text, text


async def test_who_is_seen_speaking_speaks_now(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 13, 30, tzinfo=WITA))
    for question in ("bapa yang bicara di depan tu sapa?", "siapa yang sedang bicara?",
                     "yg lg presentasi siapa?", "ibu yang tampil di panggung siapa ya"):
        text = read(await bot.say(question))
        assert "Azwar Anas" in text and "Rudiantara" not in text, text
    text = await read_en(bot, "who is that at the podium?")
    assert "Azwar Anas" in text and "Rudiantara" not in text, text
    # A day named is that day's speakers, not now's.
    text = read(await bot.say("siapa yang bicara di depan besok pagi?"))
    assert "Semarang" in text and "Azwar Anas" not in text, text
    makassar.clock.set(datetime(2024, 5, 14, 9, 30, tzinfo=WITA))
    text = read(await makassar.say("yang lagi ngomong di depan siapa?"))
    assert "Bappeda" in text and DECLINED not in text, text


async def test_spellings_and_inflections(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 13, 0, tzinfo=WITA))
    text = read(await bot.say("temnya seminarnya apa y"))
    assert "Smart City" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 16, 17, 50, tzinfo=WITA))
    text = await read_en(bot, "who is speaking on Semarang's experience tomorrow")
    assert "Semarang City Government" in text and DECLINED_EN not in text, text
    text = await read_en(bot, "Who shares Banyuwangi's experiences?")
    assert "Azwar Anas" in text and DECLINED_EN not in text, text
    bot.clock.set(datetime(2019, 10, 16, 9, 25, tzinfo=WITA))
    text = await read_en(bot, "what happened right before the keynote?")
    assert "Opening" in text and DECLINED_EN not in text, text
    # A past tense of a word about something still asks what the data does not hold.
    text = await read_en(bot, "How many people attended the keynote?")
    assert DECLINED_EN in text, text
    bot.clock.set(datetime(2019, 10, 17, 18, 15, tzinfo=WITA))
    text = await read_en(bot, "Dear committee, may I know how many buses are prepared for the "
                              "city tour and their capacity? Best regards.")
    assert "3" in text and "120" in text and DECLINED_EN not in text, text
    bot.clock.set(datetime(2019, 10, 18, 8, 50, tzinfo=WITA))
    for question in ("where are we going after the park?", "what's after the park?"):
        text = await read_en(bot, question)
        assert "weaving" in text and DECLINED_EN not in text, text
    makassar.clock.set(datetime(2024, 5, 14, 9, 30, tzinfo=WITA))
    text = await read_en(makassar, "what happened right before the opening?")
    assert "registration" in text and DECLINED_EN not in text, text
    text = read(await makassar.say("acarnya kapan?"))
    assert "Mei" in text and DECLINED not in text, text
