"""The words the understanding knows: the weighted lexicon, bigrams and word tables.

Nothing here is about a particular event: the event's own words come from its data
(bot/understanding/index.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.model import SessionKind
from bot.understanding.result import Intent, Relation


def word_set(text: str) -> frozenset[str]:
    """A word set written as one string: easier to read and to extend than a list."""
    return frozenset(text.split())


# -- lexicon ----------------------------------------------------------------------------------
# Weights are on canonical tokens (after textnorm). Question words are mild priors; action
# verbs and change words are strong because they decide what the user wants done.
_LEXICON_SPEC: Mapping[Intent, str] = {
    Intent.SCHEDULE: """jadwal:3 susunan:2 acara:1 kegiatan:1 program:0.5 schedule:3
        programme:2.5 happening:1 happens:1.5 happen:1.5 events:1 sesi:0.5 session:0.5
        sessions:0.5 lineup:2 anything:1 ngapain:2 miss:2 missed:2 terlewat:2
        lewatkan:2 terlewatkan:2 kelewatan:2 plan:2 plans:2""",
    Intent.NOW_NEXT: """sekarang:3 now:3 berlangsung:3 selanjutnya:3 berikutnya:3 next:3
        currently:3 current:2 upcoming:2 berikut:2.5 barusan:2.5""",
    Intent.SESSION: """kapan:1.5 when:1.5 mulai:1 dimulai:1 start:1 starts:1 starting:1
        presentasi:1.5 paparan:1.5 materi:1 sesi:0.5 session:0.5 ngisi:0.5 selesai:1 berakhir:1""",
    Intent.SPEAKER: """siapa:2.5 who:2.5 pembicara:3 narasumber:3 speaker:3 speakers:3
        pemateri:3 profil:3 profile:3 jabatan:3 bio:3 biodata:3 ngisi:1
        mengisi:1 membawakan:1 sambutan:1 speaks:2 speaking:2
        present:1""",
    Intent.VENUE: """dimana:3 where:3 lokasi:3 location:3 alamat:3 address:3 tempat:2
        gedung:2.5 ruang:1.5 ruangan:2 lantai:2 maps:3 map:3 peta:3 venue:3 arah:1.5
        directions:3 mana:1 gmaps:3 room:2 rooms:2 hall:2""",
    Intent.CITY_TOUR: """titikkumpul:4 kumpul:2 berkumpul:2 rute:2 route:2 kemana:1.5
        berangkat:1 gather:2""",
    Intent.CONTACT: """kontak:4 contact:4 nomor:3 number:1.5 telepon:3 phone:4 whatsapp:3
        narahubung:4 hubungi:4 menghubungi:4 dihubungi:4 email:4 surel:4 call:2 panitia:1
        committee:1
        delegasi:0.5 perwakilan:0.5 delegation:0.5 liaison:4""",
    Intent.RSVP: """daftar:5 mendaftar:5 rsvp:6 hadir:3 kehadiran:3 konfirmasi:2 register:5
        registrasi:2 registration:2 ikut:1.5 join:2 attend:3 attending:3 sign:2 batal:1
        saya:1""",
    Intent.REMINDER: """ingatkan:5 pengingat:5 ingat:2 alarm:5 notifikasi:3 notif:3
        notification:3 kabari:3 kabarin:3 saya:0.5""",
    Intent.ANNOUNCEMENT: """pengumuman:6 diundur:6 dimajukan:6 ditunda:6 perubahan:5
        berubah:5 ubah:3 diubah:5 batal:3 dibatalkan:6 update:4 updates:4 terbaru:3
        terkini:3 announcement:6 announcements:6 changes:5 changed:5 change:4 postponed:6
        cancelled:6 canceled:6 news:3 mundur:4 dipindah:5 penting:2 latest:3 kabar:2.5""",
    Intent.ABOUT: """tentang:3 about:3 tema:4 theme:4 tujuan:4 purpose:3 goal:3
        goals:3 penyelenggara:4 organizer:4 organiser:4 tuanrumah:4 host:3 jumlah:1.5
        peserta:1.5 participants:2 latar:3 background:3 seminar:0.5 event:0.5 info:0.5""",
    Intent.HELP: """bantuan:5 help:5 menu:4 fitur:4 perintah:3 command:3 commands:3 bot:1
        pakai:1.5 cara:1 bantu:2 panduan:4 guide:3 bingung:2
        menggunakan:1.5 petunjuk:4 penggunaan:2 bahasa:2.5 language:3 inggris:2 english:2
        hapus:2.5 menghapus:2.5 delete:2.5""",
    Intent.GREETING: """halo:3 assalamualaikum:4 selamat:1""",
    Intent.THANKS: """makasih:4 appreciate:3 sampaijumpa:3 bye:3 dadah:3""",
    Intent.UNKNOWN: """jakarta:2 wib:2 cuaca:5 weather:5 harga:3 price:3 tiket:3 ticket:3
        pesawat:4 flight:4
        hotel:3 penginapan:3 bola:4 football:4 pulsa:5 bensin:5 kuliner:4 rekomendasi:3
        recommend:3 enak:2 recommendation:3 recommended:3 panas:3 hujan:4 rain:4
        exchange:4 dollar:4 dollars:4 kurs:4 changer:5 valas:5 rupiah:4 usd:4 idr:4
        currency:5 atm:4
        murah:3 cheap:3 jual:3 beli:3 buy:3 sell:3 skor:4 pertandingan:4 film:3 lagu:3
        politik:4 saham:4 resep:4 halal:3 warung:3 parkir:5 parking:5 honorarium:6
        honor:5 uang:4 biaya:4 bayar:2 pay:2 paid:2 payment:4 fee:4 fees:4 cost:4
        transport:3
        transportasi:3 akomodasi:5 accommodation:5 bandara:2 airport:2 shuttle:5 jemput:5
        laundry:5 taksi:4 taxi:4 ojek:4 rental:4 sewa:4 souvenir:4
        penginapannya:3 allowance:5 reimburse:5 spj:5 kuitansi:5 gala:4 dinner:4
        moderator:5 moderators:5""",
}

_BIGRAM_SPEC: Mapping[Intent, str] = {
    Intent.SCHEDULE: "ada_apa:1.5 apa_saja:0.5 whats_on:2 what_on:2",
    Intent.NOW_NEXT: """habis_ini:3 setelah_ini:3 after_this:3 right_now:1 lagi_berlangsung:1
        the_moment:3
        sudah_mulai:2.5 started_yet:3""",
    Intent.SESSION: """jam_berapa:1.5 pukul_berapa:1.5 what_time:1.5 hari_apa:1 sesi_mana:3
        acara_mana:2 which_session:3 which_sessions:3""",
    Intent.ABOUT: """apa_itu:1.5 what_is:1 acara_tentang:1 berapa_banyak:2 berapa_peserta:3
        how_many:2 bahas_apa:3 membahas_apa:3 dibahas_apa:3""",
    Intent.HELP: """bisa_apa:4 cara_pakai:4 can_you:3 bisa_bantu:2 how_to:1 bagaimana_pakai:3
        bisa_ditanyakan:4 bisa_tanya:3 bot_work:3 bot_ini:1.5 this_bot:1.5 use_this:3
        you_tell:-1.5 can_do:1.5""",
    # "di ruang apa?", "gedung mana?": which room or building, a place.
    Intent.VENUE: "ruang_apa:2 ruangan_apa:1.5 gedung_apa:1.5 ruang_mana:2 ruangan_mana:1.5",
    Intent.GREETING: "selamat_pagi:3 selamat_siang:3 selamat_sore:3 selamat_malam:3 apa_kabar:4",
    Intent.RSVP: """sign_up:3 tidak_jadi:1.5 daftar_ulang:-4 sudah_daftar:-5 mau_ikut:4 saya_ikut:3
        cara_daftar:4 cara_registrasi:4 registrasi_online:4 daftar_online:4 mau_gabung:4
        ikut_sesi:4 gabung_sesi:4 masalah_pendaftaran:-4 masalah_daftar:-4
        kendala_pendaftaran:-4 kendala_daftar:-4""",
    # "pantai yang bagus di mana?", "mana yang paling bagus?": a recommendation, which the
    # data does not make ("materinya bagus" only praises).
    Intent.UNKNOWN: """yang_bagus:3 paling_bagus:3 tempat_makan:4 rumah_makan:4
        berapa_sekarang:1.5 makan_malam:4
        uang_saku:4 uang_harian:4 oleh_oleh:4 antar_jemput:3 naik_apa:4 menu_makan:6
        menu_makanan:6 food_menu:6 lunch_menu:6 change_money:6 exchange_money:6 tukar_uang:6
        tukar_duit:6 money_changer:6""",
    Intent.ANNOUNCEMENT: """info_terbaru:3 info_penting:3 dari_panitia:1.5 kabar_terbaru:3
        news_from:2 jadi_tidak:4 still_on:3""",
}


def _parse_spec(spec: Mapping[Intent, str]) -> dict[str, tuple[tuple[Intent, float], ...]]:
    out: dict[str, list[tuple[Intent, float]]] = {}
    for intent, text in spec.items():
        for item in text.split():
            word, weight = item.rsplit(":", 1)
            out.setdefault(word.replace("_", " "), []).append((intent, float(weight)))
    return {k: tuple(v) for k, v in out.items()}


LEXICON = _parse_spec(_LEXICON_SPEC)
BIGRAMS = _parse_spec(_BIGRAM_SPEC)

# Words that put a question in the event's frame ("acara", "sesi"), so a bare "dimana" or a
# day is about the event and not about anything else.
CONTEXT = word_set(
    """
    acara seminar kegiatan event sesi session sessions programme program
    """
)
# Nouns after "daftar" that make it "a list of", not "register".
LIST_NOUNS = word_set(
    """
    pembicara narasumber speaker speakers acara sesi peserta kontak pemateri hadir
    """
)
GREETING_ONLY = word_set(
    """
    halo assalamualaikum selamat pagi siang sore malam p salam semua everyone all there
    morning afternoon evening waalaikumsalam shalom
    """
)
QUESTION_ONLY = frozenset({"siapa", "who", "dimana", "where", "mana", "kapan", "when"})
#: Asking who. Chat's "sapa", "sp", "syp" are read as "siapa" by textnorm (`SLANG`), before
#: any word set sees them.
WHO = word_set("siapa who whom")
#: The asker speaking of themselves ("kami dari Kota X", "narahubung kami", "we are from …").
#: Chat's and Kupang Malay's forms are read by textnorm first: "aku", "sy", "beta", "gw" as
#: "saya", "katong" as "kita", "botong" as "kami".
FIRST_PERSON = word_set("saya kami kita i im me my we us our")
#: Asking for a clock time ("jam berapa", "what time"; chat's "jm brp" read by textnorm): the
#: understanding's time, arrival and registration readings and the splitting of two clock
#: questions asked with no separator (bot/understanding/questions.py) share it.
CLOCK_ASKED = frozenset({("jam", "berapa"), ("pukul", "berapa"), ("what", "time")})
#: The event's organizers as a delegate names them ("tanya panitia", "kontak penyelenggara",
#: "contact the committee"). Chat's "pnt", "panit" are read as "panitia" by textnorm (`SLANG`).
#: One set for the how-to (bot/howto.py), the contact search (bot/directory.py) and the
#: asker's own region (bot/regions.py); each says there why it takes more or fewer.
ORGANIZERS = word_set("panitia penyelenggara organizer organizers organiser organisers committee")
#: The organizers named as the host ("panitia tuan rumah": textnorm reads "tuan rumah" as one
#: word): with ORGANIZERS, the words by which a delegation that introduces itself asks for the
#: organizers rather than its own region (bot/regions.py, bot/understanding/questions.py).
HOSTS = word_set("tuanrumah host")
#: Words naming a contact detail ("kontak", "telepon", "email"): the core that the contact
#: questions (bot/understanding/questions.py) and the coverage check (bot/coverage.py) share;
#: each says there what it adds.
CONTACT_DETAILS = word_set("kontak contact telepon phone email whatsapp narahubung")
#: Other delegates, and the personal details of a person (names, phones, e-mails,
#: addresses): asked together, they are other people's data, which the bot never gives.
#: People one comes with, whose own registration is theirs to ask about.
COMPANIONS = word_set("teman temen kawan friend friends rekan colleague colleagues")
OTHER_PEOPLE = word_set("""peserta participant participants attendee attendees delegates
    """) | COMPANIONS
#: Whether someone is registered, asked ("sudah daftar ko belum?", "registered yet?").
REGISTERED = word_set("daftar terdaftar mendaftar registered register registrasi rsvp")
STATUS_ASKED = word_set("belum blm yet")
PERSONAL_DETAILS = word_set("nama name names hp handphone email emails alamat address wa")
#: Offices a person holds ("bupati", "minister"): asked for, a card must name them
#: (bot/coverage.py); "bupati mana?" of a speaker named asks which one he holds.
ROLES = word_set(
    """kepala ketua wakil direktur sekretaris sekda kadis kabag kabid kasubag camat lurah
    gubernur bupati walikota menteri presiden head chief director deputy secretary governor
    mayor regent minister president chairman chairperson vice"""
)
#: A term of office ("periode presiden X", "the president's term"): with an office, what the
#: holder's card says (his bio gives the period), never a session's length.
TERM_OF_OFFICE = word_set("term tenure periode menjabat jabatan")
#: What a speaker is of or from, asked with "mana"/"which" ("bupati mana?", "dari
#: universitas mana?", "from which ministry?"): his position and organization say it.
OFFICE_OF = ROLES | word_set(
    """kabupaten kota daerah provinsi negara universitas institusi instansi lembaga
    organisasi kementerian dinas regency city region province country university
    institute institution organisation organization ministry agency"""
)
# Honorifics dropped from speaker names so "Saiful Ilah" matches "H. Saiful Ilah".
HONORIFICS = word_set(
    """
    h hj dr prof ir drs dra st se mm msi mt phd sh mh
    """
)
NEEDS_NO_SLOTS = frozenset(
    {Intent.GREETING, Intent.THANKS, Intent.HELP, Intent.ABOUT, Intent.UNKNOWN}
)
MIN_SCORE = 2.0
OFF_TOPIC_MARGIN = 2.5

# -- facts, relations, courtesy ---------------------------------------------------------------
# Words that put the *whole event* in focus ("kapan seminarnya?").
# General language around a question: verbs, adjectives and nouns that say how something is
# asked, not what about. Indonesian (with common chat and Kupang-Malay forms) and English.
# A chat spelling textnorm rewrites (`SLANG`: "udah", "gimana", "beta", "thanks") is not
# listed: the set only ever sees the word it spells.
GENERAL = word_set(
    """
    bolehkah bisakah apakah adakah mohon maaf permisi mengganggu hormat dengan yth bapak ibu sdr
    ngapain ngapa tolong minta meminta memohon kira kira2 sekitar kurang lebih sekalian sekaligus
    lengkap lengkapnya detail detil rinci rincian semuanya seluruhnya pokoknya persis rangkaian
    tepat tepatnya pastinya benar betul emang memang jadinya nantinya biasanya kah
    dapat mendapat dapet diberikan diberi kasih dikasih memberi berikan dibagikan
    lihat melihat liat cek mengecek tampilkan tunjukkan kirim kirimkan kirimin share
    tanya tanyakan bertanya nanya pertanyaan jawab jawaban tahu ngerti paham mengerti
    cari mencari nyari ketemu bertemu temu ikutan gabung bergabung hadiri menghadiri datang
    sampai tiba pergi pigi jalan ke kemari situ sana sini
    dimulai mulainya selesainya berakhirnya pukul jam menit detik durasi
    hari harinya tanggalnya waktu waktunya kapankah mana manakah dimanakah siapakah
    acaranya kegiatannya sesinya seminarnya lokasinya tempatnya alamatnya jadwalnya
    yaa yah sih dong deh kak mas mbak om tante bro sis gan min admin mimin bot
    terima makasih banyak sebelumnya infonya informasinya arahan petunjuknya excuse
    mau perlu usah butuh harus wajib sudah belum masih akan bakal
    bagus baik oke ok siap sip halo
    dia dorang ana ko nda ndak
    could would should kindly let know tell give get got need want like
    held take takes taking place located happen going go come
    coming does do did done is are was were be been being have has had there here
    any some all every each also too just only still yet already then again more most
    much many very really about around approximately exactly roughly full whole entire longer
    everything everyone everybody
    almost nearly hampir
    list listed tercantum details info information dear regards
    izin ijin perkenankan perkenan hendak mengetahui ketahui diketahui mengenai terkait
    perihal tentang soal masalah urusan pihak pelaksanaan dilaksanakan penyelenggaraan tersedia
    disediakan menyediakan khusus umum bersama para kalian kita kami mendapatkan memperoleh
    peroleh dapa diminta dikirim dikirimkan via lewat melalui
    dijelaskan jelaskan menjelaskan terhormat eh btw anu sorry sori ambil mengambil
    diambil pake pakai dipakai dikenakan kenakan mengenakan langsung lanjut nama namanya name
    asal asalnya masa bicara berbicara ngomong tampil menampilkan bawain bawakan membawakan
    isi mengisi diisi kelar beres balik pas saat ketika sewaktu thn tahun
    trs terus saja aj ajaa pick up collect days day hours hour minutes minute people orang
    person persons ceremony talk talks speech giving given expected expect
    lecture lectures ceramah pidato kuliah involved involve terlibat melibatkan
    build builds membangun welcome welcoming representative representatives
    universitas univ kampus institut institute university college dari
    apa siapa kapan dimana berapa bagaimana kenapa mengapa ada
    what who when where how which why saya anda yang untuk sama dan bikin
    atau di pada the a an of for to me my i we you it this that can
    alamat address mail e-mail surel download didownload unduh diunduh topik topic topics
    judul title bahas membahas dibahas bahasan tema subject provided provide provides prepare
    available long lama duration msh kosong sisa tersisa ngomongin omongin dibicarakan link
    tautan google web website online berjalan giliran letak terletak dihubungi sebagai
    special istimewa istimewanya keistimewaan unik keunikan keunikannya menarik
    belakang sedang dibagi bagi terlambat telat takut khawatir kuatir keburu sempat
    guna gunakan pergunakan
    sebaiknya sebaik seharusnya seharus semestinya semesti sepatutnya sepatut disarankan
    dianjurkan
    cocok cocoknya sesuai relevan relevant suitable suit suits fit fits
    terbitkan menerbitkan diterbitkan
    make makes made making organizing organising afterwards afterward later else
    thing things something nothing seem seems missing half quarter past noon midday
    tersebut keikutsertaan urus mengurus mengurusi ngurus buah biji unit
    attendance follow
    garis ringkas ringkasnya ringkasan gambaran sekilas overview outline summary brief briefly short
    secara resmi ketentuan aturan beserta unsur penjelasan singkat beliau total utama
    angkat diangkat diri didirikan berdiri sebenarnya untung keuntungan manfaat
    forum afiliasi berasal bertempat berlokasi institusi instansi
    kecamatan kelurahan meja desk counter lobi lobby ketinggalan rombongan
    part participating participate
    subuh dzuhur zuhur lohor ashar asar maghrib magrib isya
    arrive arrives arriving arrival reach reached reaching moment same problem problems
    issue issues spoke spoken find found
    actually basically currently running ongoing presenting presents
    item items
    ask asking asked our ours im sejahtera termasuk akses access run runs
    unit units anywhere somewhere inti intinya official called khas typical
    banget groups kelompok
    beda berbeda bedanya perbedaan urgent segera
    lemah lemot jelek
    exact precise appropriate suitable proper distributed distribute handed shared
    respect respected respectfully humbly humble grateful gratefully honoured honored inform
    informed informing advise advised request requested requesting allow allowed whether
    enquire inquire enquiry inquiry query wonder wondering hope hoping message finds well warm
    sincerely faithfully advance due precisely officially formally formal send sent
    distributing receive received obtain served serve serving clarify confirm confirmed kind
    sir madam mr mrs ms regard hold line sentence stage podium panggung mimbar use used using
    handle handles
    handling responsible manage manages managing try trying tries with may might must shall
    someone anyone somebody anybody heading headed
    """
)

EVENT_WORDS = word_set(
    "seminar acara event kegiatan conference konferensi rakor rakornas rakorda rakernas "
    "workshop lokakarya simposium symposium")
ASK_WHEN = word_set("kapan when tanggal date dates dilaksanakan diadakan digelar")
ASK_WHERE = word_set("dimana where lokasi location kota city")
#: Where, or where to ("di mana", "ke mana", "where"): a tour's return place, or where one
#: must be ("besok saya harus ke mana?").
WHERE_TO = word_set("dimana kemana mana where")
ASK_HOW_MANY = word_set("berapa jumlah many banyak")
# Who takes part: "seminar ini diikuti siapa?", "how many cities are participating?".
PEOPLE = word_set(
    "peserta participants participant attendees participating attending attends diikuti")
#: "how many … are taking part?", "berapa yang ikut serta?".
PEOPLE_PAIRS = frozenset({("taking", "part"), ("take", "part"), ("ikut", "serta")})
#: Others' coming or taking part: counted, with no first person and no session named ("how
#: many regions from NTT join?", "brp kota yg ikut?"), the event's participants, not the
#: asker's RSVP.
ATTENDING = word_set("hadir datang ikut join joining attend come coming")
DAY_UNITS = word_set("hari days day")
CAPACITY = word_set("kapasitas capacity seats seat kursi muat kuota quota slot slots")
STOPS = word_set(
    """singgah stops stop berhenti perhentian pemberhentian mampir kemana dikunjungi kunjungi
    mengunjungi visit visits tujuan rute route destinasi destinations itinerary"""
)
TOUR_TIMES = word_set(
    """selesai berakhir pulang end ends finish finishes kembali balik berangkat depart departs
    leave leaves return returns drop"""
)
BRING = word_set("bawa dibawa membawa bring")
OPEN_WORDS = word_set("membuka buka dibuka opens open opened opening pembukaan")
CLOSE_WORDS = word_set("menutup tutup ditutup closes close closing penutupan")
RELATIONS: Mapping[str, Relation] = {
    "setelah": Relation.AFTER, "habis": Relation.AFTER, "after": Relation.AFTER,
    "sebelum": Relation.BEFORE, "before": Relation.BEFORE,
    # "what follows the Semarang session?", "what precedes the closing?"
    "follows": Relation.AFTER, "precedes": Relation.BEFORE,
    "selama": Relation.DURING, "during": Relation.DURING, "pas": Relation.DURING,
}
# "Sesi Prof Lee jam berapa? Dan sesudahnya?", "abis tu apa lai?": a relation word with nothing
# named after it is about the item the message named before.
THAT_WORDS = word_set("itu tu tuh that")
#: "di hotel", "at a hotel", "in Sidoarjo": where something is held.
HELD_AT = word_set("di at in")
#: Other than a place ("selain balai kota", "outside the main venue").
OTHER_THAN = word_set("selain kecuali besides except outside")
# A question asks something: these words (or a question mark) make a greeting or a thank-you
# the frame of a question, not the message itself.
QUESTION_WORDS = word_set(
    """apa apakah siapa kapan dimana mana berapa bagaimana gimana kenapa mengapa ada
    what who when where how which why tanya bertanya menanyakan"""
)
COURTESY = frozenset({Intent.GREETING, Intent.THANKS})
LAST_ITEM = frozenset(
    {("acara", "terakhir"), ("sesi", "terakhir"), ("last", "session"), ("last", "item")}
)
NEXT_WORDS = word_set("berikutnya selanjutnya next upcoming")
#: "How can I reach the organizing committee?", "get hold of the secretariat": reaching
#: someone (not a place: "how do I reach the venue?" asks the way) asks for a contact.
REACH_VERBS = word_set("reach hold ring")
#: Being in charge of something ("who is in charge of …", textnorm's "responsible"; "siapa
#: penanggung jawab …", "yg ngurus siapa?"): asked with "who", the person to ask about it.
IN_CHARGE = word_set("""responsible handles handle handling manages manage penanggung pj
                        ngurus mengurus mengurusi""")
#: What one will ask a contact ("e-mail for registration enquiries?"): it names no one, and
#: the contact answers it (not general language: "is there a question session?" asks an item).
ENQUIRY = word_set("question questions query queries enquiry enquiries inquiry inquiries")
REACHABLE = ORGANIZERS | word_set("sekretariat secretariat narahubung staff helpdesk liaison")
HOST_WORDS = word_set(
    """tuanrumah host hosts hosting hosted penyelenggara organizer organiser organizers
    organisers organized organised organizing organising organizes organises organize
    organise menyelenggarakan diselenggarakan penyelenggaranya"""
)
#: Words of a question about what lies between two items ("ada jeda antara X dan Y?"): its
#: sentence answers them (the items between, or the gap).
BETWEEN_WORDS = word_set("antara between jeda gap kosong pause free")
#: Words naming a kind of programme item ("sesi pleno ada berapa?": the plenary sessions).
KIND_WORDS: Mapping[str, SessionKind] = {
    "pleno": SessionKind.PLENARY, "plenary": SessionKind.PLENARY,
    "plenaries": SessionKind.PLENARY, "paripurna": SessionKind.PLENARY,
    # "ada istirahat setelah X?": a break, whatever its title calls it ("Ishoma").
    "istirahat": SessionKind.BREAK, "rehat": SessionKind.BREAK, "break": SessionKind.BREAK,
    "breaks": SessionKind.BREAK, "jeda": SessionKind.BREAK,
}
#: Kinds of item that are no session of their own: "sesi pertama", and when to be there,
#: are for the session after the registration desk (or a break).
NOT_SESSIONS = frozenset({SessionKind.REGISTRATION, SessionKind.BREAK})
#: Nouns for a programme item, that a kind word or a shared tag qualifies ("acara best
#: practice" may be the event itself, named after its sessions).
ITEM_NOUNS = word_set("sesi session sessions")
#: Going home after an item ("abis city tour langsung pulang?", "can we go straight home
#: after the tour?"): whether anything follows it, which the item after it answers.
GOING_HOME = word_set("pulang bubar home straight")
#: The programme going on again after an item ("when do we resume after lunch?", "kapan
#: dilanjutkan setelah ishoma?"): the item after it.
RESUME = word_set(
    "resume resumes continue continues restart reconvene lanjut dilanjutkan dilanjut mulai")
ASKS_ITEM = word_set(
    """apa what which ada happens happen lagi next acara sesi kegiatan session event kalau
    kemana pergi mampir singgah anything something"""
) | GOING_HOME
#: "is there …?": whether there is something (an item asked for, like "ada").
THERE_IS = frozenset({("is", "there"), ("are", "there"), ("there", "be"), ("there", "is"),
                      ("there", "are")})
# -- parts of the programme: the rest of today, every day, a day's start, end or last item ---
REST_WORDS = word_set("masih sisa tersisa sisanya left remaining remains remain still sebentar "
                      "else")
ALL_WORDS = word_set("lengkap semua seluruh full all whole complete entire keseluruhan")
DAY_END_WORDS = word_set(
    "selesai berakhir bubar bubaran kelar usai rampung pulang end ends finish finishes over")
# "acara sampai jam berapa?", "until when?": when it ends. "Habis" after "sudah" is "over"
# ("acara hari ni su abis ko?"), not "after".
UNTIL_PAIRS = frozenset({("sampai", "jam"), ("sampai", "kapan"), ("sampai", "pukul"),
                         ("until", "when"), ("until", "what"), ("sudah", "habis")})
DAY_START_WORDS = word_set("mulai dimulai start starts begin begins")
LAST_WORDS = word_set("terakhir last")
# Words of the programme as a whole: "jadwal lengkap", "full programme for all days".
PROGRAMME_WORDS = word_set(
    "jadwal acara program programme schedule hari days rangkaian susunan agenda")
# "besok kumpul jam berapa?": the item that has a gathering time (a tour).
GATHER_WORDS = word_set("kumpul berkumpul titikkumpul gather gathering meet")
REMINDER_WORDS = word_set("ingatkan pengingat ingat remind alarm notifikasi notif kabari")
#: "tolong ingatkan (lagi) tempatnya di mana", "remind me where it is": asked with where or
#: who after it, "remind" means tell me again, not set a reminder.
RECALL_VERBS = word_set("ingatkan ingat remind")
RECALL_ASKED = word_set("dimana where siapa who")


def recalls(tokens: Sequence[str]) -> bool:
    """Whether a reminder verb asks to be told again what a where/who question follows it
    with ("tlg ingetin tmpt seminarnya dmn")."""
    first = next((i for i, t in enumerate(tokens) if t in RECALL_VERBS), None)
    return first is not None and any(t in RECALL_ASKED for t in tokens[first + 1:])
# Intents a fact question overrides when it names nothing else. A where-question keeps the
# venue card, a contact question ("kontak penyelenggara") the contacts.
FACTS_OVER = frozenset({Intent.UNKNOWN, Intent.GREETING, Intent.THANKS})


def words_of(intent: Intent) -> frozenset[str]:
    return frozenset(w for w, pairs in LEXICON.items() if any(i == intent for i, _ in pairs))


#: Words the lexicon marks as about something else (flights, hotels, prices, parking): named
#: by a question, a card must say them (bot/coverage.py); in a clause of the asker's own,
#: a plan outside the event (bot/understanding/questions.py).
OFF_TOPIC = words_of(Intent.UNKNOWN)


# Topic words of an intent, without the bare question words (which are only priors).
SPEAKER_WORDS = words_of(Intent.SPEAKER) - QUESTION_ONLY
VENUE_WORDS = words_of(Intent.VENUE) - QUESTION_ONLY
# Words that ask what is on now ("berlangsung" alone also says how long something lasts).
NOW_ALL = words_of(Intent.NOW_NEXT)
NOW_WORDS = NOW_ALL - {"berlangsung"}
#: Speaking, and where or how it is seen going on: "yang bicara di depan tu sapa?", "siapa
#: yang sedang presentasi?", "who is that at the podium?" ask who speaks now.
SPEAKING = word_set("bicara berbicara ngomong paparan tampil speaking talking presenting")
#: The stage itself says who speaks ("who is that at the podium?"); "depan" needs the verb.
STAGE = word_set("panggung mimbar podium")
ON_STAGE = STAGE | {"depan"}
UNDER_WAY = word_set("sedang lagi tengah")


def has_schedule_word(words: set[str]) -> bool:
    return any(any(i == Intent.SCHEDULE and w > 1 for i, w in LEXICON.get(t, ())) for t in words)


#: English names of the kinds of place an Indonesian place name starts with or contains
#: ("Pantai X" is a beach, "Sentra Tenun X" a weaving centre): a foreign delegate names a
#: tour stop by its kind ("when do we reach the beach?"). General vocabulary, not any event's.
#: ("park" is left out: "where can I park my car?" asks about parking.)
PLACE_KINDS: dict[str, tuple[str, ...]] = {
    "pantai": ("beach",), "taman": ("garden", "park"), "kebun": ("garden",),
    "tenun": ("weaving",), "sentra": ("centre", "center"), "pusat": ("centre", "center"),
    "pasar": ("market",), "museum": ("museum",), "galeri": ("gallery",),
    "gereja": ("church",), "masjid": ("mosque",), "pura": ("temple",), "klenteng": ("temple",),
    "vihara": ("temple",), "danau": ("lake",), "bukit": ("hill",), "gua": ("cave",),
    "goa": ("cave",), "benteng": ("fort", "fortress"), "pelabuhan": ("harbour", "harbor", "port"),
    "kampung": ("village",), "desa": ("village",), "monumen": ("monument",),
    "tugu": ("monument",), "hutan": ("forest",), "pulau": ("island",), "air": (),
    "terjun": ("waterfall",), "kerajinan": ("craft", "crafts", "handicraft"),
    "istana": ("palace",), "makam": ("tomb", "grave"), "sungai": ("river",),
}
#: Kinds too general to name a stop alone ("centre"): they name it only after the word
#: that says which ("weaving centre").
PLACE_KINDS_GENERIC = frozenset({"sentra", "pusat"})
#: English kinds that are verbs too ("where can I park my car?"): they name a stop only as a
#: noun, after an article ("the park", "a park").
PLACE_KINDS_VERBS = frozenset({"park"})
#: Titles a speaker is called by ("is the minister speaking now?"): one speaker's position
#: holding it names that speaker. General vocabulary, not any event's.
TITLE_WORDS = word_set(
    """minister menteri professor profesor mayor walikota regent bupati governor gubernur
    president presiden director direktur ambassador duta chairman chairwoman rector rektor
    dean dekan secretary sekretaris""")
