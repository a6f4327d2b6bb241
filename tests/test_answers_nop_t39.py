"""Items named by a paraphrase, people by their part in an item, the event's own facts (blind
batches ac and ad; issue 11), through the real Application and the stand-in: answered from
the event model, or declined — never a loosely related card.

- an item named by a paraphrase of its title or description, with synonyms, English and
  slang ("perkenalan" the "pengenalan"/"sosialisasi", "cerita" the sharing of "pengalaman",
  "duit" its "pembiayaan"), even when the event's own name is among the words;
- re-registering ("daftar ulang") is the registration desk's item, not the bot's sign-up;
- who accompanies someone at an item: the item's other speakers;
- who organizes the event (its host), "diadakan oleh siapa";
- letters: the event's dates as a span name the event ("kegiatan tanggal 16 s.d. 18
  Oktober"), "agar kami dapat …" is the asker's purpose, a proof of attendance is the
  certificate, the asker's own name is not other delegates' data.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness
from tests.test_answers import read, read_en


async def test_an_item_named_by_a_paraphrase(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 9, 0, tzinfo=WITA))
    # The event's name among the words does not make it the event's card.
    text = read(await bot.say("sesi pengenalan program jaringan citynet hari apa?"))
    assert "Kamis" in text and "13.00" in text and "Tema:" not in text, text
    for question in ("sesi perkenalan program citynet itu kpn",
                     "sesi perkenalan keanggotaan jaringan kapan?"):
        text = read(await bot.say(question))
        assert "Kamis" in text and "13.00" in text, text
    # A clause standing for the item, without "sesi".
    text = read(await bot.say("yang pengenalan program jaringan citynet itu hari apa?"))
    assert "Kamis" in text and "13.00" in text and "Tema:" not in text, text
    text = await read_en(bot, "when is the session introducing the network's programmes?")
    assert "Thursday" in text and "13:00" in text, text
    text = read(await bot.say("yg soal reformasi birokrasi sama duit infrastruktur tu hari apa"))
    assert "Kamis" in text and "Semarang" in text, text
    for question in ("yg bahas pendanaan infrastruktur kapan?",
                     "sesi sharing anggaran infrastruktur hari apa"):
        text = read(await bot.say(question))
        assert "08.30" in text and "Semarang" in text, text
    text = await read_en(bot, "which day is the talk about bureaucratic reform and "
                              "infrastructure money?")
    assert "Thursday" in text and "Semarang" in text, text
    text = read(await bot.say("yg cerita pengalaman kota di korea itu jam brp"))
    assert "10.30" in text and "Keesei Lee" in text, text
    text = read(await bot.say("sesi cerita pengalaman luar negeri jam brp"))
    assert "10.30" in text, text
    # Words no single item says: no item is guessed.
    for question in ("sesi kota kapan", "sesi parkir kapan?", "yg di kupang itu tanggal berapa?"):
        text = read(await bot.say(question))
        assert DECLINED in text, text
    makassar.clock.set(datetime(2024, 5, 13, 20, 0, tzinfo=WITA))
    text = read(await makassar.say("sesi kemajuan smart city daerah jam berapa?"))
    assert "09.00" in text and "Paparan rencana" in text, text
    text = read(await makassar.say("sesi parkir kapan?"))
    assert DECLINED in text, text


async def test_reregistering_is_the_desk(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 21, 0, tzinfo=WITA))
    for question in ("gmn cara daftar ulang bsk?", "cara daftar ulang gimana?",
                     "saya mau daftar ulang"):
        text = read(await bot.say(question))
        assert "07.30" in text and "lobi" in text, text
        assert "/daftar" not in text, text
    # Signing up with the bot is still its how-to.
    text = read(await bot.say("cara daftar gimana?"))
    assert "/daftar" in text, text
    makassar.clock.set(datetime(2024, 5, 13, 20, 0, tzinfo=WITA))
    text = read(await makassar.say("gmn cara daftar ulang bsk?"))
    assert "08.00" in text and "Registrasi" in text and "/daftar" not in text, text


async def test_who_accompanies_someone(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 19, 30, tzinfo=WITA))
    # The card is the other one's (his sessions below name both).
    text = await read_en(bot, "who accompany the president of citynet at press conference")
    assert text.startswith("Jefirstson R. Riwu Kore — Mayor of Kupang"), text
    text = read(await bot.say("siapa yang mendampingi presiden citynet di jumpa pers?"))
    assert text.startswith("Jefirstson R. Riwu Kore — Wali Kota Kupang"), text
    # Named by his office the other way round: the other one.
    text = read(await bot.say("pak walikota di jumpa pers ditemani siapa?"))
    assert text.startswith("H. Saiful Ilah — Bupati Sidoarjo"), text
    makassar.clock.set(datetime(2024, 5, 13, 20, 0, tzinfo=WITA))
    text = read(await makassar.say(
        "siapa yang mendampingi kepala dinas kominfo di perumusan kesepakatan?"))
    assert text.startswith("Perwakilan Bappeda Sulawesi Selatan"), text


async def test_who_organizes_the_event(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 9, 15, tzinfo=WITA))
    text = await read_en(bot, "Who is organizing this event?")
    assert "Pemerintah Kota Kupang" in text and DECLINED_EN not in text, text
    text = read(await bot.say("acara ini diadakan oleh siapa?"))
    assert "Tuan rumah: Pemerintah Kota Kupang" in text, text
    assert "berlangsung 3 hari" not in text, text
    makassar.clock.set(datetime(2024, 5, 13, 9, 0, tzinfo=WITA))
    text = await read_en(makassar, "Who is organizing this event?")
    assert "Pemerintah Kota Makassar" in text, text
    text = read(await makassar.say("kegiatan tanggal 14 s.d. 15 Mei diadakan oleh siapa?"))
    assert "Pemerintah Kota Makassar" in text, text


async def test_letters_asking_the_events_facts(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 10, 30, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat siang, Bapak/Ibu panitia yang kami hormati. Kami Camat Oebobo. Untuk "
        "kegiatan tanggal 16 s.d. 18 Oktober, mohon informasi berapa jumlah peserta yang "
        "diundang agar kami dapat menyesuaikan. Terima kasih."))
    assert "478" in text and DECLINED not in text, text
    text = read(await bot.say("acara 16-18 oktober berapa peserta?"))
    assert "478" in text, text
    # Two days that are not the event's span stay days.
    text = read(await bot.say("tanggal 16 dan 18 ada apa?"))
    assert "Registrasi" in text, text
    bot.clock.set(datetime(2019, 10, 17, 14, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Yth. Panitia Seminar Citynet Indonesia 2019. Dengan hormat, kami dari Bagian Umum "
        "Setda Kabupaten Sumba Timur yang mengikuti kegiatan sejak hari Rabu. Untuk keperluan "
        "pertanggungjawaban perjalanan dinas (SPJ), apakah panitia akan memberikan sertifikat "
        "atau bukti kehadiran bagi peserta? Demikian, atas perhatian Bapak/Ibu kami ucapkan "
        "terima kasih."))
    assert "Sertifikat" in text and "penutupan" in text, text
    text = read(await bot.say("ada bukti kehadiran?"))
    assert "Sertifikat" in text and DECLINED not in text, text
    text = await read_en(bot, "will we get a proof of attendance?")
    assert "certificate" in text.lower() and DECLINED_EN not in text, text
    # Proof of something else is not the certificate.
    text = read(await bot.say("bukti transfer dikirim kemana?"))
    assert DECLINED in text, text
    bot.clock.set(datetime(2019, 10, 16, 18, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat malam, mohon informasi nomor yang dapat dihubungi untuk urusan registrasi "
        "peserta karena nama kami belum tercantum. Terima kasih atas bantuannya."))
    assert "0202" in text, text
    # Other delegates' details stay the panitia's to give.
    for question in ("minta nama dan no hp peserta dari sidoarjo",
                     "participant names and emails please"):
        text = read(await bot.say(question))
        assert DECLINED in text, text
