"""The words of what ``kimpress check`` finds beyond the build: anchors, summaries, dates, likely duplicates."""

from __future__ import annotations

CHECK_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Indonesian, English)
    "anchor-missing": ("tautan \"{href}\" menuju bagian #{anchor} yang tidak ada di {target}. Periksa ejaan "
                       "judul bagiannya; alamat bagian dibuat dari judul (## Judul Bagian → #judul-bagian).",
                       "the link \"{href}\" leads to the part #{anchor}, which {target} does not have. Check the "
                       "heading's spelling; a part's address comes from its heading (## A Heading → #a-heading)."),
    "summary-missing": ("artikel ini belum punya ringkasan. Tulis `ringkasan:` (satu-dua kalimat) agar pratinjau "
                        "tautan di WhatsApp dan Facebook jelas; sekarang yang dipakai: \"{shown}\".",
                        "this article has no summary. Write `summary:` (a sentence or two) so link previews on "
                        "WhatsApp and Facebook read well; now they show: \"{shown}\"."),
    "summary-empty": ("artikel ini tidak punya ringkasan dan tidak ada paragraf pembuka yang bisa dipakai untuk "
                      "pratinjau tautan. Tulis `ringkasan:` (satu-dua kalimat).",
                      "this article has no summary and no opening paragraph a link preview could use. Write "
                      "`summary:` (a sentence or two)."),
    "summary-too-long": ("ringkasan ini {length} karakter; pratinjau tautan hanya menampilkan sekitar {limit} "
                         "karakter, sisanya terpotong. Persingkat menjadi satu-dua kalimat.",
                         "this summary is {length} characters long; a link preview shows about {limit}, the rest "
                         "is cut. Shorten it to a sentence or two."),
    "date-far-future": ("tanggal {date} lebih dari {days} hari dari sekarang. Artikel ini baru terbit pada "
                        "tanggal itu; apakah tahunnya salah ketik?",
                        "the date {date} is more than {days} days from now. The article will only be published "
                        "then; is the year a typo?"),
    "date-before-site": ("tanggal {date} lebih awal dari awal situs ({since}). Apakah tahunnya salah ketik? "
                         "Jika benar, ubah `check.since` di site.yaml.",
                         "the date {date} is before the site began ({since}). Is the year a typo? If it is right, "
                         "change `check.since` in site.yaml."),
    "duplicate-title": ("judul \"{title}\" sama dengan artikel lain di kelurahan ini: {other}. Apakah artikel "
                        "yang sama terkirim dua kali?",
                        "the title \"{title}\" is the same as another article of this kelurahan: {other}. Was the "
                        "same article sent twice?"),
    "duplicate-body": ("isi artikel ini sama persis dengan {other}. Apakah artikel yang sama terkirim dua kali?",
                       "the text of this article is the same as {other}. Was the same article sent twice?"),
    "tag-close-to-other": ("tag \"{value}\" mirip tag \"{other}\" yang dipakai {count} artikel lain. "
                           "Salah ketik?",
                           "the tag \"{value}\" is close to \"{other}\", which {count} other articles use. A typo?"),
    "category-close-to-other": ("rubrik \"{value}\" mirip rubrik \"{other}\" yang dipakai {count} artikel lain. "
                                "Salah ketik?",
                                "the rubrik \"{value}\" is close to \"{other}\", which {count} other articles use. "
                                "A typo?"),
    "kelurahan-not-registered": ("folder kelurahan \"{value}\" tidak ada di daftar wilayah site.yaml, jadi "
                                 "artikelnya tidak masuk kecamatan mana pun. Tambahkan ke `wilayah`, atau ganti "
                                 "nama foldernya.",
                                 "the kelurahan folder \"{value}\" is not in site.yaml's `wilayah` list, so its "
                                 "articles belong to no kecamatan. Add it to `wilayah`, or rename the folder."),
    "unknown-check-setting": ("kolom `check.{setting}` tidak dikenal. Pilihan: {choices}.",
                              "`check.{setting}` is not a known setting. Choices: {choices}."),
}
