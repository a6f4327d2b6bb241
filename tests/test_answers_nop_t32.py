"""Contacts by role, Kota and Kabupaten of one name, the regions that have contacts, the tour's
aftermath and mishaps, and what the data does not hold (dev sets aa and ab; issue 11), through
the real Application and the stand-in: answered from the event model, or declined — never a
loosely related card, never the wrong region's contacts.

- a delegate of "Kab. X" asking for the "panitia" whose contacts are Kota X's gets its own
  region's contacts ("… panitia tuan rumah" is still the host's);
- a contact asked by its office or its role ("secretariat e-mail", "e-mail for registration
  enquiries", "who is in charge at the secretariat?", "siapa penanggung jawab registrasi?");
- "which regions have a contact person?" lists the regions that have contacts;
- going home after the tour asks what follows it; a meal asked after it that does not follow
  it, whether the bus has arrived, being picked up, a T-shirt handed out and the next
  edition of the event are declined.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness
from tests.test_answers import read, read_en


async def test_a_kabupaten_never_gets_the_kota_of_its_name(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    for question in ("beta dari kab kupang, minta nomor panitia dong",
                     "beta dari Kabupaten Kupang, mau minta nomor kontak panitia kabupaten",
                     "saya dari pemkab kupang, no panitia brp?"):
        text = read(await bot.say(question))
        assert "0106" in text and "0201" not in text and "0202" not in text, text
    text = await read_en(bot, "I'm from Kupang Regency, what's the committee's number?")
    assert "0106" in text and "0201" not in text, text
    # The host committee asked by name, and a delegate of another region, get the host's.
    text = read(await bot.say("kami rombongan Pemkab Kupang, mohon nomor panitia tuan rumah"))
    assert "0201" in text and "0106" not in text, text
    text = read(await bot.say("kami dari kota bogor, minta nomor panitia"))
    assert "0201" in text and "0102" not in text, text


async def test_a_contact_by_its_office_or_role(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 10, 15, tzinfo=WITA))
    for question in ("Citynet secretariat e-mail, please", "What's the e-mail of the secretariat?",
                     "Who is in charge at the Citynet secretariat? I need to reach them.",
                     "who handles the secretariat?"):
        text = await read_en(bot, question)
        assert "sekretariat@" in text and "Theme" not in text, text
        assert not text.startswith("Sekretariat Citynet Indonesia —"), text  # the speaker card
    for question in ("E-mail address for registration enquiries?",
                     "email for registration questions"):
        text = await read_en(bot, question)
        assert "registrasi.citynet" in text and DECLINED_EN not in text, text
    # Questions asked of no contact stay an item's ("is there a question session?").
    text = await read_en(bot, "is there a question session after the keynote?")
    assert DECLINED_EN in text and "Break for rest" not in text, text
    for question in ("siapa penanggung jawab sekretariat citynet?", "surel sekretariat citynet?",
                     "no wa sekretariat citynet dong"):
        text = read(await bot.say(question))
        assert "0100" in text and DECLINED not in text, text
    text = read(await bot.say(
        "Selamat malam Bapak/Ibu panitia. Mohon maaf mengganggu, boleh minta nomor kontak "
        "sekretariat registrasi? Kartu peserta saya belum diterima. Terima kasih."))
    assert "0202" in text and DECLINED not in text, text
    text = read(await bot.say("siapa penanggung jawab registrasi?"))
    assert "0202" in text and DECLINED not in text, text
    # A role no contact holds is declined, not another office's numbers.
    text = read(await bot.say("minta nomor humas panitia"))
    assert DECLINED in text and "0201" not in text, text
    # The speaker's session is still asked of the speaker.
    text = read(await bot.say("siapa pembicara sosialisasi program citynet?"))
    assert text.startswith("Sosialisasi"), text
    text = await read_en(makassar, "Secretariat e-mail, please")
    assert "rakor@example.go.id" in text, text
    text = read(await makassar.say("siapa penanggung jawab sekretariat rakor?"))
    assert "0001" in text and DECLINED not in text, text


async def test_the_regions_that_have_contacts(bot: Harness, makassar: Harness) -> None:
    for question in ("Which regions have a delegation contact person?",
                     "Which cities have contact persons listed?"):
        text = await read_en(bot, question)
        assert "Kabupaten Sidoarjo" in text and "Kota Bogor" in text, text
        assert DECLINED_EN not in text, text
    text = read(await bot.say("daerah mana saja yang punya narahubung?"))
    assert "Kabupaten Banyuwangi" in text and DECLINED not in text, text
    # A region named is still that region's.
    text = read(await bot.say("kab kupang punya kontak?"))
    assert "0106" in text and "Kota Bogor" not in text, text
    text = read(await makassar.say("daerah mana saja yang punya narahubung?"))
    assert "Kabupaten Gowa" in text and DECLINED not in text, text


async def test_after_the_tour_and_its_mishaps(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 18, 9, 30, tzinfo=WITA))
    for question in ("abis city tour langsung pulang?", "setelah city tour langsung pulang?"):
        text = read(await bot.say(question))
        assert "Penutupan" in text and "11.15" in text, text
    for question in ("after the tour do we go straight home?",
                     "Can we go home after the city tour?"):
        text = await read_en(bot, question)
        assert "Closing" in text and "11:15" in text, text
    # Going home from a place is no item's.
    text = await read_en(bot, "how do I get home from the venue?")
    assert DECLINED_EN in text and "Venues" not in text, text
    # The stop's own return stays the tour's.
    text = read(await bot.say("abis pantai lasiana langsung pulang?"))
    assert "11.00" in text, text
    for question in ("ada makan siang ga abis tour?", "kak busnya udah dateng blm? gw otw nih",
                     "busnya dateng blm?"):
        text = read(await bot.say(question))
        assert DECLINED in text and "12.00" not in text, text
    for question in ("The bus already left and I'm late. Can it come back to pick me up?",
                     "has the bus arrived?", "Is there lunch after the tour?"):
        text = await read_en(bot, question)
        assert DECLINED_EN in text, text
    # What follows an item, and the item after one named before "abis itu", still answer.
    text = read(await bot.say("abis tour ada penutupan?"))
    assert "11.15" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 17, 7, 40, tzinfo=WITA))
    text = read(await bot.say("sesi semarang pagi ini abis itu ada coffee break ga?"))
    assert "Rehat kopi" in text and "10.00" in text and "Luar Negeri —" not in text, text


async def test_handed_out_and_the_next_edition(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 18, 7, 40, tzinfo=WITA))
    for question in ("Ada kaos/seragam city tour yang dibagikan panitia?",
                     "ada seragam yang dikasih panitia?"):
        text = read(await bot.say(question))
        assert DECLINED in text and "pakaian santai" not in text, text
    text = await read_en(bot, "Are T-shirts handed out to participants?")
    assert DECLINED_EN in text, text
    # What the data says is handed out still answers; "dibagi jadi" is divided into.
    text = read(await bot.say("sertifikat dibagi kapan?"))
    assert "penutupan" in text and DECLINED not in text, text
    text = read(await bot.say("peserta city tour dibagi jadi berapa bus?"))
    assert "3" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 18, 13, 0, tzinfo=WITA))
    for question in ("When will the next Citynet Indonesia seminar take place?",
                     "where is the next seminar?"):
        text = await read_en(bot, question)
        assert DECLINED_EN in text and "has ended" not in text, text
    text = read(await bot.say("seminar citynet berikutnya kapan?"))
    assert DECLINED in text, text
    # The next item is not another edition.
    bot.clock.set(datetime(2019, 10, 18, 10, 30, tzinfo=WITA))
    text = read(await bot.say("acara berikutnya apa?"))
    assert "Penutupan" in text and DECLINED not in text, text
    text = await read_en(makassar, "When is the next rakor?")
    assert DECLINED_EN in text, text


async def test_other_delegates_personal_data_and_money_changers_decline(bot: Harness) -> None:
    """Other delegates' names, phones and e-mails are never given (declined, for the panitia
    to decide), not the registration how-to nor a region's contact; a money changer is not
    an announcement (blind batch z, now dev: z182, z287, z289)."""
    bot.clock.set(datetime(2019, 10, 16, 9, 45, tzinfo=WITA))
    for question in ("minta daftar nama dan no hp semua peserta dari NTT",
                     "boleh minta alamat email teman2 peserta dari Bogor?"):
        text = read(await bot.say(question))
        assert DECLINED in text and "Daftar sekarang" not in text, text
        assert "Kota Bogor" not in text.replace(question, ""), text
    for question in ("Give me the list of all participant names and emails from Bogor",
                     "Money changer near the venue?"):
        text = await read_en(bot, question)
        assert DECLINED_EN in text and "Bagian Kerja Sama" not in text, text
        assert "announcement" not in text.lower(), text
    # The panitia's own number is still given to a participant who asks for it.
    text = read(await bot.say("saya peserta, minta no hp panitia"))
    assert DECLINED not in text and "+62" in text, text
