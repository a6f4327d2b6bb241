"""Questions of batch e (issue 11, graded and now a dev set) the bot used to miss, through
the real Application and the stand-in; batch e is a gate as a dev set.

Each test is one general cause: a full stop after a title ("Prof. Lee") ends no question; an
office asked with "who" ("siapa kepala dinas …") must be named by the card that answers it;
chat spellings ("pakean", "brpa", "acaranay", "citytuor", "dtg") are the words they spell; a
condition put to the certificate's rule ("kalau cuma hadir 2 hari") is answered with the rule,
not with the registration screen "hadir" would reach.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness
from tests.test_answers import assert_dev_set, read


async def test_a_title_with_a_full_stop_ends_no_question(bot: Harness) -> None:
    """"… for Prof. Lee's talk?" is one question: read whole, its specific words
    (simultaneous translation) are on no card, so it is declined, not answered with the
    talk's card from the piece after "Prof."."""
    await bot.say("/bahasa en")
    text = read(await bot.say("Will there be simultaneous translation for Prof. Lee's talk?"))
    assert DECLINED_EN in text and "Ask the organizers" in text
    assert "International Best Practice" not in text
    # The talk itself is still found through the title and the name.
    text = read(await bot.say("When is Prof. Lee's talk?"))
    assert "International Best Practice" in text and "10:30" in text


async def test_an_office_asked_with_who_must_be_on_the_card(bot: Harness) -> None:
    """"Siapa kepala dinas kominfo?" reaches the keynote through "kominfo", but its speaker
    is a minister: declined. An office a speaker holds is still answered with the speaker."""
    text = read(await bot.say("Siapa kepala Dinas Kominfo Kota Kupang?"))
    assert DECLINED in text and "Tanya panitia" in text and "Rudiantara" not in text
    assert "H. Saiful Ilah" in read(await bot.say("siapa presiden citynet?"))
    assert "Riwu Kore" in read(await bot.say("siapa wali kota kupang?"))


async def test_chat_spellings_are_the_words_they_spell(bot: Harness) -> None:
    """"ai" written "e" (pakean), vowels left out (brpa, pesrta), "-nya" with two letters
    swapped (acaranay), a misspelt chat spelling (citytuor) and "dtg" (datang)."""
    bot.clock.set(datetime(2019, 10, 17, 19, 0, tzinfo=WITA))
    text = read(await bot.say("pakean buat city tour apa?"))
    assert "santai yang sopan dan sepatu nyaman" in text
    assert "11.15–11.45" in read(await bot.say("acara penutpan jam brpa"))
    assert "478 peserta" in read(await bot.say("pesrta brapa org yg dtg?"))
    assert "16–18 Oktober 2019" in read(await bot.say("kapn acaranay dimulai?"))
    assert "berangkat 08.00" in read(await bot.say("jm brapa citytuor berangkt"))


async def test_the_last_day_asked_what_is_done(bot: Harness) -> None:
    """"hr terakhir ngapain aja": "ngapain" (doing what) asks for that day's programme."""
    text = read(await bot.say("hr terakhir ngapain aja"))
    assert text.startswith("📅 Jumat, 18 Oktober 2019"), text
    assert "City Tour Kota Kupang" in text and "Penutupan" in text


async def test_a_condition_put_to_the_certificate_rule(bot: Harness) -> None:
    """"kalau saya cuma hadir 2 hari, dapat sertifikat?" reads "hadir" as RSVP, but asks
    whether one qualifies: the certificate's rule from the data file, not registration."""
    text = read(await bot.say("kalau saya cuma hadir 2 hari, dapat sertifikat ga?"))
    assert "70% sesi pleno" in text and "daftar dulu" not in text


async def test_practical_answers_through_formal_and_kupang_phrasing(bot: Harness) -> None:
    """General words of a formal letter ("sebaiknya", "sempat") and the general word for
    praying ("sembahyang") do not hide the organizers' practical answer."""
    text = read(await bot.say("Selamat siang Bapak/Ibu panitia. Untuk hari seminar, pakaian apa "
                              "yang sebaiknya kami kenakan? Terima kasih."))
    assert "pakaian dinas harian atau batik" in text and DECLINED not in text
    text = read(await bot.say("Selamat sore. Mohon izin, kami belum sempat mengambil kartu "
                              "peserta tadi pagi. Di mana kami dapat mengambilnya? Terima kasih."))
    assert "Di meja registrasi" in text and DECLINED not in text
    text = read(await bot.say("Beta mau pi sembahyang, mushola ada di mana?"))
    assert "Mushola ada di lingkungan" in text


async def test_the_programme_of_as_many_days_as_the_event_has(bot: Harness) -> None:
    """"agenda tiga hari ini" counts the event's days: every day, in outline or not ("hari
    ini" there is not today, the day before the event)."""
    bot.clock.set(datetime(2019, 10, 15, 14, 45, tzinfo=WITA))
    for question in ("secara garis besar apa saja agenda tiga hari ini?",
                     "Apa saja agenda utama selama 3 hari ini secara singkat?"):
        text = read(await bot.say(question))
        assert text.startswith("📅 Jadwal lengkap"), text
        assert "Keynote" in text and "City Tour Kota Kupang" in text


async def test_the_time_zone_of_the_programme(bot: Harness) -> None:
    """Which zone the times are in is the event's own (from its time zone), in either
    language, asked with one zone's name or two."""
    for question in ("jam di jadwal itu WIB atau WITA?", "jadwalnya pakai WIB?"):
        text = read(await bot.say(question))
        assert text.startswith("Semua jam acara ini dalam waktu setempat, WITA (UTC+08:00)."), (
            text)
    await bot.say("/bahasa en")
    text = read(await bot.say("What time zone are the times in?"))
    assert text.startswith("All the event's times are local time, WITA (UTC+08:00)."), text


async def test_participant_groups_are_asked_about_as_participants(bot: Harness) -> None:
    """A participant group is quoted when asked about as taking part or being invited; the
    number of members still comes from the group that names it."""
    text = read(await bot.say("Apakah camat dan lurah juga jadi peserta?"))
    assert "Camat dan lurah se-Kota Kupang" in text
    text = read(await bot.say("Kota yang dipilih Kominfo sebagai daerah pengembangan smart city "
                              "ada berapa yang diundang?"))
    assert "18 kota yang dipilih" in text
    assert "24 kota/kabupaten anggota" in read(await bot.say("brp anggota citynet indonesia?"))
    text = read(await bot.say("pesertanya dari daerah mana aja?"))
    assert "478 peserta: 24 kota/kabupaten" in text and "Camat dan lurah" in text


async def test_who_speaks_after_or_before_an_item(bot: Harness) -> None:
    """"who is speaking after the coffee break?" asks for the item after it (and its
    speakers); who speaks during the opening is the opening's own speakers."""
    bot.clock.set(datetime(2019, 10, 17, 10, 25, tzinfo=WITA))
    text = read(await bot.say("siapa yang bicara setelah rehat kopi?"))
    assert text.startswith("Setelah Rehat kopi (10.00–10.30): Best Practice Luar Negeri"), text
    assert "Prof. Keesei Lee" in text
    text = read(await bot.say("siapa yang bicara pas pembukaan?"))
    assert text.startswith("Pembukaan: sambutan"), text
    await bot.say("/bahasa en")
    text = read(await bot.say("Who is speaking after the coffee break?"))
    assert "Keesei Lee" in text and DECLINED_EN not in text


async def test_what_was_missed_is_that_part_of_the_day(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 13, 30, tzinfo=WITA))
    text = read(await bot.say("apa aja yang saya lewatkan tadi pagi?"))
    assert text.startswith("📅 Rabu, 16 Oktober 2019, pagi"), text
    assert "Keynote" in text
    await bot.say("/bahasa en")
    text = read(await bot.say("What did I miss this morning?"))
    assert text.startswith("📅 Wednesday, 16 October 2019, morning"), text


async def test_general_english_words_do_not_hide_the_answer(bot: Harness) -> None:
    """"make", "organizing", "afterwards", "of attendance" say how, not what about."""
    await bot.say("/bahasa en")
    text = read(await bot.say("Which stops does the city tour make?"))
    assert "Taman Nostalgia" in text and "Pantai Lasiana" in text
    assert "0000-0201" in read(await bot.say("Contact for the organizing committee please"))
    assert "slides" in read(await bot.say("Will the slides be shared afterwards?"))
    assert "certificate" in read(await bot.say("Do we get a certificate of attendance?"))


async def test_nothing_after_the_last_item_is_no_answer_about_a_meal(bot: Harness) -> None:
    """Nothing follows the closing in the programme: said when asked what follows, declined
    when a kind of item is asked about (whether a lunch is held the data does not say)."""
    bot.clock.set(datetime(2019, 10, 18, 10, 45, tzinfo=WITA))
    text = read(await bot.say("setelah penutupan ada makan siang bersama ga?"))
    assert DECLINED in text and "Tanya panitia" in text and "tidak ada acara lagi" not in text
    text = read(await bot.say("setelah penutupan ada acara lagi?"))
    assert text.startswith("Setelah Penutupan (11.15–11.45) tidak ada acara lagi."), text


async def test_after_the_last_item_of_a_day(bot: Harness) -> None:
    """After the day's last item, the answer says nothing else is on that day, then the
    next item on the next day."""
    bot.clock.set(datetime(2019, 10, 16, 15, 40, tzinfo=WITA))
    text = read(await bot.say("abis jumpa pers ada acara apa lagi?"))
    assert text.startswith("Setelah Jumpa pers (15.30–16.30) tidak ada acara lagi hari itu. "
                           "Berikutnya: Sharing Best Practice Kota Semarang"), text
    await bot.say("/bahasa en")
    text = read(await bot.say("Anything else on today after the press conference?"))
    assert text.startswith("Nothing else is on that day after Press conference"), text


async def test_a_feature_asked_for_in_digital_form(bot: Harness) -> None:
    """"kartu peserta digital ada?" asks for the bot's own card: /kartu, with the
    organizers' word on the printed one below it."""
    text = read(await bot.say("kartu peserta digital ada ga? yg ada QR nya"))
    assert "/kartu mengirim kartu peserta Anda" in text


async def test_facts_in_a_speaker_bio_or_a_venue_note(bot: Harness) -> None:
    """"berapa jumlah penduduk", "rapat persiapan dulu diadakan di ruang apa": "jumlah",
    "dulu", "diadakan" say how it is asked; the passage holding the rest is quoted."""
    assert "hampir 550 ribu jiwa" in read(await bot.say("Berapa jumlah penduduk Kota Kupang?"))
    text = read(await bot.say("Rapat persiapan seminar ini dulu diadakan di ruang apa?"))
    assert "ruang Garuda" in text


async def test_a_days_sessions_asked_with_a_practical_word(bot: Harness) -> None:
    """"hari ketiga ada sesi materi lagi?" asks for that day's sessions: the day's programme,
    with the practical answer the word "materi" reaches above it; "wifi hari ini?" (no
    session asked) is still the practical answer alone."""
    bot.clock.set(datetime(2019, 10, 16, 10, 30, tzinfo=WITA))
    text = read(await bot.say("hari ketiga ada sesi materi lagi ga?"))
    assert "📅 Jumat, 18 Oktober 2019 — hari 3 dari 3" in text
    assert "City Tour Kota Kupang" in text and "Penutupan" in text
    text = read(await bot.say("wifi hari ini?"))
    assert "Ada Wi-Fi" in text and "📅" not in text


async def test_chat_words_for_a_kind_and_a_regency(bot: Harness) -> None:
    """"kaos" is a kind of clothes (the dress code), "kab" is kabupaten."""
    assert "pakaian dinas harian atau batik" in read(
        await bot.say("Boleh pakai kaos aja gak ke seminar?"))
    assert "24 kota/kabupaten anggota" in read(
        await bot.say("Citynet Indonesia anggotanya berapa kab/kota?"))
    assert "Bagian Kerja Sama Setda Kabupaten Kupang" in read(await bot.say("kontak kab kupang"))


async def test_daily_registration_is_the_card_at_the_desk(bot: Harness) -> None:
    """"perlu daftar ulang setiap hari?": the desk's daily check-in, done with /kartu; where
    the re-registration is stays the registration item."""
    bot.clock.set(datetime(2019, 10, 16, 8, 20, tzinfo=WITA))
    text = read(await bot.say("apa saya perlu daftar ulang setiap hari?"))
    assert "/kartu mengirim kartu peserta Anda" in text and DECLINED not in text
    text = read(await bot.say("daftar ulang di mana?"))
    assert text.startswith("Registrasi peserta — Rabu, 16 Oktober 2019"), text


async def test_who_signs_the_certificate(bot: Harness) -> None:
    """The certificate's signatories come from the data file's [certificate] table."""
    text = read(await bot.say("Sertifikatnya ditandatangani siapa aja?"))
    assert text.startswith("✍️ Sertifikat ditandatangani Jefirstson R. Riwu Kore (Wali Kota "
                           "Kupang) dan H. Saiful Ilah (Presiden Citynet Indonesia)."), text
    await bot.say("/bahasa en")
    text = read(await bot.say("Who signs the certificate?"))
    assert text.startswith("✍️ The certificate is signed by Jefirstson R. Riwu Kore"), text


async def test_how_many_places_the_event_uses(bot: Harness) -> None:
    """"ada berapa lokasi?" counts the event's venues (a room's capacity is still declined,
    and so is how long the way there takes)."""
    text = read(await bot.say("tempat acaranya ada berapa lokasi?"))
    assert text.startswith("Acara ini memakai 2 tempat: Kantor Wali Kota Kupang dan Suba Suka "
                           "Paradise."), text
    assert DECLINED in read(await bot.say("berapa kapasitas ruang utama?"))
    assert DECLINED in read(await bot.say("berapa lama perjalanan ke lokasi?"))


async def test_a_refused_check_in_code_is_answered_with_how_codes_work(bot: Harness) -> None:
    """"kode absen saya ditolak, kenapa?": the check-in line says how long a code lives and
    how late one may check in, from the data file's [attendance]."""
    text = read(await bot.say("Kode absen saya ditolak terus, kenapa ya?"))
    assert "/hadir KODE" in text and DECLINED not in text
    assert "Kode di layar berganti tiap 5 menit; absen masih bisa sampai 15 menit" in text
    await bot.say("/bahasa en")
    text = read(await bot.say("My check-in code was rejected, why?"))
    assert "changes every 5 minutes" in text


async def test_the_topic_to_raise_with_a_contact_is_not_asked(bot: Harness) -> None:
    """"contact person Banyuwangi, mau follow up soal smart kampung": what follows "soal" is
    what the delegate will raise with the contact, not a question the card must answer; a
    contact the data cannot give is still declined."""
    text = read(await bot.say("contact person Banyuwangi please, mau follow up soal smart "
                              "kampung"))
    assert "+62 812-0000-0104" in text and DECLINED not in text
    assert DECLINED in read(await bot.say("nomor hp pribadi pak menteri soal undangan"))


async def test_how_the_tour_travels_is_its_buses(bot: Harness) -> None:
    """"city tour naik apa?", "how does the tour get around?": the tour's buses answer it;
    how to get to the airport or the venue is still declined."""
    text = read(await bot.say("city tour itu naik apa? jalan kaki?"))
    assert "3 bus: Bus 1 (40 kursi)" in text
    assert DECLINED in read(await bot.say("ke bandara naik apa?"))
    assert DECLINED in read(await bot.say("naik apa ke lokasi seminar?"))
    await bot.say("/bahasa en")
    assert "3 buses: Bus 1 (40 seats)" in read(await bot.say("How does the tour get around?"))


async def test_blind_e_gate() -> None:
    """tests/blind_e.jsonl (batch e, graded and now a dev set) stays >= 98.5% correct, 0
    wrong."""
    await assert_dev_set("blind_e", 360, 0.985)
