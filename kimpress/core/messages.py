"""The words of every diagnostic, in Indonesian and English.

Writers are volunteers, not programmers: say what is wrong and how to fix it, in
plain words, with the formal "Anda".
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Indonesian, English)
    "yaml-duplicate-key": ("kolom `{key}` ditulis dua kali (pertama di baris {first_line}). Hapus salah satunya.",
                           "`{key}` is written twice (first on line {first_line}). Remove one."),
    "yaml-unsafe-tag": ("tag YAML `{tag}` tidak diizinkan. Jika ini teks biasa yang diawali !, beri tanda kutip pada "
                        "seluruh nilainya, misalnya `title: \"!penting rapat\"`.",
                        "the YAML tag `{tag}` is not allowed. If this is plain text that starts with !, put the whole "
                        "value in quotes, for example `title: \"!penting rapat\"`."),
    "yaml-syntax": ("penulisan YAML di baris ini keliru. Periksa bahwa setiap kolom ditulis `nama: nilai`, tanda kutip "
                    "dan kurung selalu berpasangan, dan indentasi memakai spasi yang sejajar. Nilai yang memuat tanda "
                    "khusus (: # [ ] {{ }} * & ! | > @ ` %) sebaiknya diberi tanda kutip: "
                    "`title: \"Rapat: hasilnya\"`.",
                    "the YAML on this line is malformed. Check that every field is written `name: value`, that quotes "
                    "and brackets come in pairs, and that indentation uses aligned spaces. Put a value that holds "
                    "any of : # [ ] {{ }} * & ! | > @ ` % in quotes: `title: \"Rapat: hasilnya\"`."),
    "yaml-unclosed-quote": ("tanda kutip {quote} yang dibuka di baris ini tidak pernah ditutup. Tambahkan {quote} di "
                            "akhir nilainya, misalnya `title: {quote}Rapat warga{quote}`.",
                            "the quote {quote} opened on this line is never closed. Add {quote} at the end of the "
                            "value, for example `title: {quote}Rapat warga{quote}`."),
    "yaml-text-after-quote": ("masih ada teks setelah tanda kutip {quote} penutup. Beri tanda kutip pada seluruh "
                              "nilainya, dengan jenis tanda kutip yang lain jika perlu: `{example}`.",
                              "there is more text after the closing quote {quote}. Put the whole value in quotes, "
                              "using the other kind of quote if needed: `{example}`."),
    "yaml-tab": ("baris ini memakai tab, padahal YAML hanya menerima spasi untuk indentasi. Ganti tab dengan spasi "
                 "(misalnya dua spasi: `  - kim`); penyunting teks biasanya bisa diatur agar tombol Tab menulis spasi.",
                 "this line uses a tab, but YAML only accepts spaces for indentation. Replace the tab with spaces "
                 "(for example two spaces: `  - kim`); most editors can be set to type spaces for the Tab key."),
    "yaml-colon-in-value": ("nilai di baris ini memuat titik dua yang diikuti spasi, sehingga terbaca sebagai kolom "
                            "baru. Beri tanda kutip pada seluruh nilainya: `{example}`.",
                            "the value on this line has a colon followed by a space, so it reads as a new field. "
                            "Put the whole value in quotes: `{example}`."),
    "yaml-indicator": ("nilai yang diawali tanda {char} tidak bisa ditulis begitu saja, karena {char} punya arti "
                       "khusus dalam YAML. Beri tanda kutip pada seluruh nilainya: `{example}`.",
                       "a value that starts with {char} cannot be written as is, because {char} has a special "
                       "meaning in YAML. Put the whole value in quotes: `{example}`."),
    "yaml-unclosed-flow": ("tanda {open} yang dibuka di baris ini tidak ditutup dengan {close}, atau isinya memuat "
                           "titik dua atau tanda kutip yang tidak berpasangan. Tutup di baris yang sama, misalnya "
                           "`{example}`, dan beri tanda kutip pada butir yang memuat titik dua. Jika ini teks biasa "
                           "yang diawali {open}, beri tanda kutip pada seluruh nilainya.",
                           "the {open} opened on this line is never closed with {close}, or what is inside has a "
                           "colon or an unpaired quote. Close it on the same line, for example `{example}`, and put "
                           "an item with a colon in quotes. If this is plain text that starts with {open}, put the "
                           "whole value in quotes."),
    "yaml-bad-indent": ("indentasi baris ini tidak cocok dengan baris di atasnya. Sejajarkan awal barisnya dengan "
                        "kolom lain di tingkat yang sama (isi kolom bertingkat menjorok dua spasi). Jika baris ini "
                        "lanjutan teks di baris sebelumnya, beri tanda kutip pada seluruh nilainya.",
                        "this line is not indented like the lines above it. Line it up with the other fields of the "
                        "same level (the fields inside another field are indented by two spaces). If this line "
                        "continues the text of the line before, put the whole value in quotes."),
    "yaml-missing-colon": ("baris ini tidak memiliki titik dua (:) setelah nama kolomnya. Tulis sebagai `nama: nilai`, "
                           "misalnya `author: Rina`. Jika baris ini lanjutan teks di baris sebelumnya, awali dengan "
                           "dua spasi.",
                           "this line has no colon (:) after its field name. Write it as `name: value`, for example "
                           "`author: Rina`. If this line continues the text of the line before, start it with two "
                           "spaces."),
    "yaml-dash-not-allowed": ("tanda - di sini terbaca sebagai butir daftar, tetapi daftar tidak bisa ditulis di "
                              "tempat ini. Tulis setiap butir di baris sendiri di bawah nama kolomnya, menjorok dan "
                              "sejajar dengan butir lain (`tags:` lalu `  - kim`). Jika nilainya teks yang diawali -, "
                              "beri tanda kutip: `title: \"- rapat\"`.",
                              "the - here reads as a list item, but a list cannot go in this place. Write each item on "
                              "its own line under its field name, indented and lined up with the other items "
                              "(`tags:` then `  - kim`). If the value is text that starts with -, put it in quotes: "
                              "`title: \"- rapat\"`."),
    "yaml-list-item-expected": ("baris ini sejajar dengan butir daftar di atasnya (yang diawali -), tetapi tidak "
                                "diawali -. Tambahkan `- ` di depannya, atau geser ke kiri agar sejajar dengan kolom "
                                "lain jika ini kolom baru.",
                                "this line is lined up with the list items above it (which start with -), but it does "
                                "not start with -. Add `- ` in front of it, or move it left to line up with the other "
                                "fields if it is a new field."),
    "yaml-bad-escape": ("di dalam tanda kutip ganda, tanda \\ memulai kode khusus, dan `{escape}` bukan kode yang "
                        "dikenal. Pakai tanda kutip tunggal, misalnya `path: 'C:\\data'`, atau tulis \\\\ untuk setiap "
                        "garis miring terbalik: `path: \"C:\\\\data\"`.",
                        "inside double quotes, \\ starts a special code, and `{escape}` is not a known code. Use "
                        "single quotes, for example `path: 'C:\\data'`, or write \\\\ for each backslash: "
                        "`path: \"C:\\\\data\"`."),
    "yaml-undefined-alias": ("nilai yang diawali * terbaca sebagai rujukan YAML (`*{name}`) yang tidak ada. Jika ini "
                             "teks biasa, beri tanda kutip pada seluruh nilainya: `{example}`.",
                             "a value that starts with * reads as a YAML reference (`*{name}`) that does not exist. "
                             "If this is plain text, put the whole value in quotes: `{example}`."),
    "yaml-duplicate-anchor": ("penanda `&{name}` sudah dipakai di baris {first_line}. Beri nama lain, atau beri tanda "
                              "kutip pada nilainya jika & bagian dari teks.",
                              "the marker `&{name}` is already used on line {first_line}. Give it another name, or "
                              "put the value in quotes if the & is part of the text."),
    "yaml-bad-character": ("baris ini memuat karakter tak terlihat yang tidak diizinkan ({char}), biasanya terbawa "
                           "saat menyalin teks. Hapus karakter itu, misalnya dengan mengetik ulang bagian tersebut.",
                           "this line contains an invisible character that is not allowed ({char}), usually left by "
                           "copying text. Remove it, for example by typing that part again."),
    "yaml-complex-key": ("nama kolom di baris ini berupa daftar atau pasangan kunci, padahal nama kolom harus teks "
                         "biasa. Tulis sebagai `nama: nilai`; jika nama kolomnya memuat [ ] {{ }} atau ?, beri tanda "
                         "kutip: `\"[rapat]\": nilai`.",
                         "the field name on this line is a list or a set of fields, but a field name must be plain "
                         "text. Write it as `name: value`; if the name has [ ] {{ }} or ?, put it in quotes: "
                         "`\"[rapat]\": value`."),
    "yaml-second-document": ("baris --- (atau ...) di sini memulai dokumen YAML kedua, padahal berkas ini hanya boleh "
                             "berisi satu. Hapus baris itu; jika --- bagian dari sebuah nilai, beri tanda kutip pada "
                             "nilainya.",
                             "the --- (or ...) line here starts a second YAML document, but this file may hold only "
                             "one. Remove that line; if the --- is part of a value, put the value in quotes."),
    "yaml-too-deep": ("struktur YAML terlalu dalam (lebih dari {limit} tingkat).",
                      "the YAML is nested too deeply (more than {limit} levels)."),
    "yaml-too-many-aliases": ("YAML memakai terlalu banyak alias (lebih dari {limit}).",
                              "the YAML uses too many aliases (more than {limit})."),
    "expected-text": ("kolom `{key}` harus berupa teks, bukan daftar atau pasangan kunci.",
                      "`{key}` must be text, not a list or a mapping."),
    "empty-text": ("kolom `{key}` kosong. Isi dengan teks.", "`{key}` is empty. Fill it in."),
    "expected-integer": ("kolom `{key}` harus bilangan bulat, bukan \"{value}\".",
                         "`{key}` must be a whole number, not \"{value}\"."),
    "integer-too-small": ("kolom `{key}` minimal {minimum}, bukan {value}.", "`{key}` must be at least {minimum}, not {value}."),
    "integer-too-large": ("kolom `{key}` maksimal {maximum}, bukan {value}.", "`{key}` must be at most {maximum}, not {value}."),
    "expected-boolean": ("kolom `{key}` harus `true` atau `false`, bukan \"{value}\".",
                         "`{key}` must be `true` or `false`, not \"{value}\"."),
    "not-a-choice": ("kolom `{key}`: \"{value}\" tidak dikenal. Pilihan: {choices}.",
                     "`{key}`: \"{value}\" is not known. Choices: {choices}."),
    "expected-absolute-url": ("kolom `{key}` harus alamat lengkap seperti https://contoh.id/, bukan \"{value}\".",
                              "`{key}` must be a full address like https://example.org/, not \"{value}\"."),
    "url-has-query": ("kolom `{key}` tidak boleh memuat ? atau #: \"{value}\".",
                      "`{key}` must not contain ? or #: \"{value}\"."),
    "expected-list": ("kolom `{key}` harus berupa daftar, misalnya [kim, posyandu].",
                      "`{key}` must be a list, for example [kim, posyandu]."),
    "expected-mapping": ("kolom `{key}` harus berupa pasangan kunci: nilai.", "`{key}` must be a mapping of key: value."),
    "not-a-mapping": ("isi berkas ini harus berupa pasangan kunci: nilai.", "this file must hold a mapping of key: value."),
    "unknown-key": ("kolom `{key}` tidak dikenal dan diabaikan.", "`{key}` is not a known setting and is ignored."),
    "alias-twice": ("kolom `{key}` sama artinya dengan `{other}`; tulis salah satu saja.",
                    "`{key}` means the same as `{other}`; write only one of them."),
    "missing-key": ("kolom `{key}` wajib diisi.", "`{key}` is required."),
    "date-empty": ("kolom `{key}` kosong. Contoh: 2018-11-12 09.30", "`{key}` is empty. Example: 2018-11-12 09:30"),
    "date-unreadable": ("tanggal \"{value}\" tidak bisa dibaca. Contoh: 2018-11-12 09.30 atau 12/11/2018",
                        "the date \"{value}\" cannot be read. Example: 2018-11-12 09:30 or 12/11/2018"),
    "date-year-range": ("tahun pada \"{value}\" harus antara {minimum} dan {maximum}.",
                        "the year in \"{value}\" must be between {minimum} and {maximum}."),
    "date-impossible": ("tanggal \"{value}\" tidak ada di kalender. Contoh: 2024-02-29",
                        "the date \"{value}\" does not exist. Example: 2024-02-29"),
    "unknown-timezone": ("zona waktu \"{value}\" tidak dikenal. Contoh: Asia/Jakarta (WIB), Asia/Makassar (WITA), "
                         "Asia/Jayapura (WIT).",
                         "unknown time zone \"{value}\". Examples: Asia/Jakarta (WIB), Asia/Makassar (WITA)."),
    "unknown-permalink-kind": ("jenis permalink \"{kind}\" tidak dikenal. Pilihan: {choices}.",
                               "unknown permalink kind \"{kind}\". Choices: {choices}."),
    "permalink-not-rooted": ("pola permalink {kind} \"{value}\" harus diawali / dan tidak boleh memuat .., "
                             "\\, :, karakter kendali, atau bagian yang hanya berisi titik.",
                             "the {kind} permalink \"{value}\" must start with / and must not contain .., \\, :, "
                             "control characters or parts made only of dots."),
    "permalink-unknown-field": ("pola permalink {kind} \"{value}\" memakai {{{field}}} yang tidak tersedia.",
                                "the {kind} permalink \"{value}\" uses {{{field}}}, which is not available."),
    "permalink-needs-slug": ("pola permalink {kind} \"{value}\" harus memuat {{slug}}.",
                             "the {kind} permalink \"{value}\" must contain {{slug}}."),
    "wilayah-bad-kecamatan": ("kecamatan \"{kecamatan}\" harus berisi name, code, dan kelurahan.",
                              "kecamatan \"{kecamatan}\" must have name, code and kelurahan."),
    "wilayah-bad-kelurahan": ("kelurahan \"{kelurahan}\" harus berisi name dan code.",
                              "kelurahan \"{kelurahan}\" must have name and code."),
    "wilayah-duplicate-kelurahan": ("kelurahan \"{kelurahan}\" tercantum dua kali.",
                                    "kelurahan \"{kelurahan}\" is listed twice."),
    "base-url-placeholder": ("base_url masih alamat contoh ({value}), jadi tautan di umpan berita, peta situs, dan "
                             "kartu bagikan tidak akan bekerja. Ganti dengan alamat situs Anda, misalnya "
                             "https://kim-anda.github.io/kabar/.",
                             "base_url is still an example address ({value}), so links in feeds, the sitemap and "
                             "share cards will not work. Change it to your site's address, e.g. "
                             "https://your-kim.github.io/news/."),
    "config-missing": ("berkas site.yaml tidak ditemukan di {site_dir}. Buat situs baru dengan `kimpress init`.",
                       "no site.yaml in {site_dir}. Start a new site with `kimpress init`."),
    "not-utf8": ("berkas ini bukan teks UTF-8. Simpan ulang sebagai UTF-8 dari penyunting Anda.",
                 "this file is not UTF-8 text. Save it again as UTF-8 from your editor."),
    "unreadable": ("berkas tidak bisa dibaca: {reason}.", "the file cannot be read: {reason}."),
    "symlink-broken": ("tautan simbolik ini rusak dan dilewati.", "this symbolic link is broken and was skipped."),
    "symlink-outside": ("tautan simbolik ini menunjuk ke luar situs ({target}) dan tidak diikuti.",
                        "this symbolic link points outside the site ({target}) and was not followed."),
    "symlink-folder-skipped": ("folder tautan simbolik tidak diikuti.", "a linked folder is not followed."),
    "front-matter-unclosed": ("bagian depan (front matter) dibuka dengan --- tetapi tidak ditutup. "
                              "Tambahkan baris --- setelah kolom terakhir.",
                              "the front matter opens with --- but is never closed. Add a --- line after the last field."),
    "front-matter-not-mapping": ("bagian depan harus berisi kolom seperti `title: Judul`.",
                                 "the front matter must hold fields like `title: A title`."),
    "folder-empty-slug": ("nama folder ini tidak bisa dijadikan alamat. Pakai huruf dan angka.",
                          "this folder name cannot become an address. Use letters and digits."),
    "folder-same-slug": ("folder ini dan {other} menjadi alamat yang sama (/{slug}/). Ganti nama salah satunya.",
                         "this folder and {other} become the same address (/{slug}/). Rename one of them."),
    "section-kecamatan-mismatch": ("kecamatan \"{value}\" tidak sesuai dengan daftar wilayah ({expected}).",
                                   "kecamatan \"{value}\" does not match the region registry ({expected})."),
    "date-missing": ("artikel ini belum bertanggal. Tulis tanggalnya di bagian depan, misalnya `date: 2024-05-01 "
                     "09.30`, atau awali nama berkasnya dengan tanggal, misalnya {example}.",
                     "this article has no date. Write it in the front matter, e.g. `date: 2024-05-01 09:30`, or "
                     "start the file name with the date, e.g. {example}."),
    "file-name-date-impossible": ("tanggal {value} di awal nama berkas ini tidak ada di kalender. Perbaiki nama "
                                  "berkasnya, misalnya 2024-02-29-….md.",
                                  "the date {value} at the start of this file name does not exist. Fix the file "
                                  "name, e.g. 2024-02-29-….md."),
    "slug-without-letters": ("`slug` \"{value}\" tidak memuat huruf atau angka, jadi alamat artikel diambil dari "
                             "nama berkasnya. Tulis `slug` dengan huruf atau angka.",
                             "the `slug` \"{value}\" has no letter or digit, so the address comes from the file "
                             "name instead. Write the `slug` with letters or digits."),
    "article-kelurahan-mismatch": ("kelurahan \"{value}\" tidak sesuai dengan foldernya ({folder}). "
                                   "Pindahkan berkas atau perbaiki kolom ini.",
                                   "kelurahan \"{value}\" does not match its folder ({folder}). Move the file or fix the field."),
    "article-kecamatan-mismatch": ("kecamatan \"{value}\" tidak sesuai; kelurahan ini ada di {expected}.",
                                   "kecamatan \"{value}\" is wrong; this kelurahan is in {expected}."),
    "unknown-category": ("rubrik \"{value}\" tidak ada di site.yaml. Pilihan: {choices}.",
                         "the category \"{value}\" is not in site.yaml. Choices: {choices}."),
    "link-to-unpublished": ("tautan \"{href}\" menuju artikel yang belum terbit (draf atau terjadwal).",
                            "the link \"{href}\" leads to an article that is not published yet (draft or future)."),
    "broken-link-md": ("tautan \"{href}\" menuju artikel yang tidak ada. Periksa nama berkas dan foldernya.",
                       "the link \"{href}\" leads to an article that does not exist. Check the file and folder name."),
    "broken-link": ("tautan atau gambar \"{href}\" menuju berkas yang tidak ada.",
                    "the link or image \"{href}\" leads to a file that does not exist."),
    "root-link-missing": ("tautan atau gambar \"{href}\" menuju alamat yang tidak diterbitkan situs ini. Periksa "
                          "ejaannya, atau taruh berkasnya di folder static/.",
                          "the link or image \"{href}\" leads to an address this site does not publish. Check the "
                          "spelling, or put the file in the static/ folder."),
    "root-link-base-path": ("tautan \"{href}\" sudah memuat awalan alamat situs ({prefix}), yang ditambahkan kimpress "
                            "sendiri. Tulis \"{fixed}\".",
                            "the link \"{href}\" already holds the site's address prefix ({prefix}), which kimpress "
                            "adds itself. Write \"{fixed}\"."),
    "link-template-syntax": ("tautan \"{href}\" memakai sintaks templat pembuat situs lain ({{{{ ... }}}} atau "
                             "{{% ... %}}), yang tidak dijalankan kimpress. Tulis alamat lengkapnya.",
                             "the link \"{href}\" uses another site generator's template syntax ({{{{ ... }}}} or "
                             "{{% ... %}}), which kimpress does not run. Write the full address instead."),
    "broken-link-html": ("alamat \"{href}\" di HTML ini menuju berkas yang tidak ada di situs.",
                         "the address \"{href}\" in this HTML leads to a file that is not in the site."),
    "cover-missing": ("gambar sampul \"{value}\" tidak ditemukan. Taruh di folder bernama sama dengan artikel.",
                      "the cover image \"{value}\" was not found. Put it in the folder named like the article."),
    "duplicate-id": ("artikel ini dan {other} memakai identitas yang sama, \"{uid}\", yang dipakai aplikasi "
                     "pembaca berita (feed) untuk mengenali setiap artikel. Identitas diambil dari `id:` atau dari "
                     "kelurahan dan `slug`; beri salah satu artikel `id:` yang lain.",
                     "this article and {other} share one identity, \"{uid}\", which feed readers use to tell "
                     "articles apart. It comes from `id:`, or from the kelurahan and the `slug`; give one of the "
                     "articles another `id:`."),
    "url-conflict": ("alamat {url} juga dipakai oleh {other}; satu alamat hanya bisa untuk satu tulisan atau "
                     "berkas. Ubah `slug` salah satunya (misalnya `slug: {example}`) atau ganti nama berkasnya.",
                     "the address {url} is also used by {other}; one address can hold only one article or file. "
                     "Change the `slug` of one of them (e.g. `slug: {example}`) or rename the file."),
    "url-unsafe": ("alamat {url} memuat bagian yang tidak bisa dijadikan nama berkas (.., \\, :, atau karakter kontrol). "
                   "Ganti nama berkas atau pola permalink-nya.",
                   "the address {url} has a part that cannot be a file name (.., \\, : or a control character). "
                   "Rename the file or change the permalink pattern."),
    "url-too-long": ("alamat {url} memuat bagian yang lebih panjang dari {limit} bita. Pakai `slug`, tag, atau nama "
                     "yang lebih pendek.",
                     "the address {url} has a part longer than {limit} bytes. Use a shorter `slug`, tag or name."),
    "kelurahan-reserved": ("folder kelurahan ini memakai nama /{folder}/ yang dipakai kimpress untuk halamannya "
                           "sendiri ({url}). Ganti nama foldernya.",
                           "this kelurahan folder uses the name /{folder}/, which kimpress uses for its own pages "
                           "({url}). Rename the folder."),
    "file-name-not-utf8": ("nama berkas atau folder ini bukan teks UTF-8 dan dilewati. Ganti namanya.",
                           "this file or folder name is not UTF-8 text and was skipped. Rename it."),
    "file-name-control": ("nama berkas atau folder ini memuat karakter kontrol dan dilewati. Ganti namanya.",
                          "this file or folder name contains a control character and was skipped. Rename it."),
    "template-name-invalid": ("templat \"{value}\" harus nama berkas di tema, seperti galeri.html, tanpa / di depan "
                              "atau ..",
                              "the template \"{value}\" must be a file name in the theme, like galeri.html, without "
                              "a leading / or .."),
    "yaml-too-large": ("YAML ini terlalu besar (lebih dari {limit} nilai, alias dihitung sebanyak pemakaiannya).",
                       "this YAML is too large (more than {limit} values, each alias counted every time it is used)."),
    "unknown-feed-setting": ("kolom `feeds.{setting}` tidak dikenal. Pilihan: kinds, formats, limit, content, id_domain.",
                             "`feeds.{setting}` is not known. Choices: kinds, formats, limit, content, id_domain."),
    "unknown-markdown-setting": ("kolom `markdown.{setting}` tidak dikenal. Pilihan: raw_html.",
                                 "`markdown.{setting}` is not known. Choices: raw_html."),
    "html-tag-removed": ("tag HTML `{tag}` dihapus demi keamanan pembaca; teks di dalamnya tetap tampil. "
                         "Gunakan Markdown biasa untuk format.",
                         "the HTML tag `{tag}` was removed to keep readers safe; the text inside it is still "
                         "shown. Use plain Markdown for formatting."),
    "html-tag-and-content-removed": ("tag HTML `{tag}` beserta seluruh isinya dihapus demi keamanan pembaca.",
                                     "the HTML tag `{tag}` and everything inside it were removed to keep "
                                     "readers safe."),
    "html-attribute-removed": ("atribut `{attribute}` pada `{tag}` dihapus demi keamanan pembaca; isi `{tag}` "
                               "itu tetap tampil. Jika semua penulis tepercaya, pengelola situs dapat memasang "
                               "`markdown: {{raw_html: allow}}`.",
                               "the `{attribute}` attribute of a `{tag}` was removed to keep readers safe; the "
                               "`{tag}` itself is still shown. If every writer is trusted, the site's maintainer "
                               "can set `markdown: {{raw_html: allow}}`."),
    "html-address-removed": ("alamat `{scheme}` pada atribut `{attribute}` dari `{tag}` dihapus: tautan dan gambar "
                             "hanya boleh memakai http, https, mailto, atau tel.",
                             "the `{scheme}` address in the `{attribute}` attribute of a `{tag}` was removed: "
                             "links and images may only use http, https, mailto or tel."),
    "html-frame-removed": ("bingkai `<iframe>` dari {host} dihapus: hanya alamat https dari YouTube, Google Maps, "
                           "atau OpenStreetMap yang boleh disematkan. Untuk video YouTube, cukup tempel tautannya di "
                           "baris tersendiri.",
                           "the `<iframe>` from {host} was removed: only https addresses of YouTube, Google Maps or "
                           "OpenStreetMap may be embedded. For a YouTube video, paste its link on a line of its own."),
    "html-frame-without-address-removed": ("bingkai `<iframe>` yang isinya ditulis sendiri (`srcdoc`) dihapus: hanya "
                                           "video YouTube dan peta Google Maps atau OpenStreetMap yang boleh "
                                           "disematkan.",
                                           "an `<iframe>` with its own content (`srcdoc`) was removed: only YouTube "
                                           "videos and Google Maps or OpenStreetMap maps may be embedded."),
    "theme-missing": ("tema \"{theme}\" tidak ditemukan (dicari di {folder}).",
                      "theme \"{theme}\" was not found (looked in {folder})."),
    "i18n-invalid": ("berkas tema ini tidak valid: {detail}", "this theme file is invalid: {detail}"),
    "template-syntax": ("templat keliru: {detail}", "template error: {detail}"),
    "template-missing": ("templat \"{template}\" tidak ditemukan (untuk {url}).",
                         "template \"{template}\" was not found (for {url})."),
    "template-render": ("templat gagal saat membuat {url}: {detail}", "the template failed while making {url}: {detail}"),
    "output-not-folder": ("folder keluaran {target} adalah tautan simbolik atau berkas; pilih folder lain.",
                          "the output folder {target} is a symbolic link or a file; choose another folder."),
    "output-contains-site": ("folder keluaran {target} berisi situs Anda sendiri; membangun ke sana bisa menghapus "
                             "tulisan Anda. Pilih folder lain, misalnya output/.",
                             "the output folder {target} contains your site; building there could delete your work. "
                             "Choose another folder, such as output/."),
    "output-inside-source": ("folder keluaran {target} berada di dalam {folder}/. Pilih folder lain, misalnya output/.",
                             "the output folder {target} is inside {folder}/. Choose another folder, such as output/."),
    "output-has-link": ("{target} di dalam folder keluaran adalah tautan simbolik; kimpress tidak menulis melaluinya. "
                        "Hapus tautan itu.",
                        "{target} inside the output folder is a symbolic link; kimpress does not write through it. "
                        "Remove the link."),
    "output-not-ours": ("folder keluaran {target} sudah berisi berkas yang tidak dibuat kimpress. "
                        "Kosongkan, pilih folder lain, atau tambahkan --force.",
                        "the output folder {target} holds files kimpress did not make. "
                        "Empty it, choose another folder, or add --force."),
    "output-write-failed": ("gagal menulis {target} ({reason}); folder keluaran dikembalikan seperti sebelumnya.",
                            "could not write {target} ({reason}); the output folder was put back as it was."),
    "output-recovered": ("pembangunan sebelumnya terhenti saat menulis; {count} berkas di folder keluaran "
                         "dikembalikan seperti sebelumnya.",
                         "an earlier build stopped while writing; {count} files in the output folder were put back "
                         "as they were."),
    "init-exists": ("sudah ada situs di {target}; tidak ada yang ditimpa.", "there is already a site in {target}; nothing was overwritten."),
    "unknown-kelurahan": ("kelurahan \"{value}\" tidak dikenal. Pilihan: {choices}.",
                          "unknown kelurahan \"{value}\". Choices: {choices}."),
    "new-kelurahan-not-registered": ("kelurahan \"{value}\" belum ada di daftar wilayah site.yaml; foldernya "
                                     "dibuat baru.",
                                     "kelurahan \"{value}\" is not in the region registry of site.yaml; a new folder "
                                     "was made for it."),
    "new-exists": ("berkas ini sudah ada; tidak ada yang ditimpa.", "this file already exists; nothing was overwritten."),
    # Size limits (kimpress/limits.py): the body is not converted.
    "body-too-large": ("isi berkas ini terlalu panjang: {size} karakter, batasnya {limit}. Pecah menjadi beberapa artikel.",
                       "this text is too long: {size} characters, the limit is {limit}. Split it into several articles."),
    "body-too-many-lines": ("isi berkas ini terlalu banyak baris: {count}, batasnya {limit}. Pecah menjadi beberapa artikel.",
                            "this text has too many lines: {count}, the limit is {limit}. Split it into several articles."),
    "nesting-too-deep": ("daftar atau kutipan (>) bertumpuk terlalu dalam: {depth} tingkat, batasnya {limit}. "
                         "Kurangi indentasi atau tanda > di awal baris.",
                         "lists or quotes (>) are nested too deeply: {depth} levels, the limit is {limit}. "
                         "Reduce the indentation or the > marks at the start of the line."),
    "emphasis-too-deep": ("terlalu banyak tanda * atau _ terbuka sekaligus: {depth}, batasnya {limit}. "
                          "Tutup setiap * dan _, atau tulis \\* untuk bintang biasa.",
                          "too many * or _ are open at once: {depth}, the limit is {limit}. "
                          "Close every * and _, or write \\* for a plain asterisk."),
    "unclosed-brackets": ("paragraf ini memuat {count} tanda [, ( atau ` yang tidak ditutup atau bertumpuk (mulai di baris ini); "
                          "paragraf sepanjang {length} karakter boleh memuat paling banyak {limit}. Tutup dengan ], ) "
                          "atau `, tulis \\[ untuk kurung siku biasa, atau pisahkan paragraf dengan baris kosong.",
                          "this paragraph has {count} [, ( or ` that are never closed or are nested (from this line); "
                          "a paragraph of {length} characters may have at most {limit}. Close them with ], ) or `, "
                          "write \\[ for a plain bracket, or split the paragraph with a blank line."),
    "paragraph-too-dense": ("paragraf yang dimulai di baris ini terlalu panjang dan padat: {length} karakter dengan "
                            "{count} tanda Markdown (* _ [ < & ` \\); paragraf sepanjang ini boleh memuat paling banyak "
                            "{limit}. Pisahkan paragraf dengan baris kosong.",
                            "the paragraph starting on this line is too long and dense: {length} characters with "
                            "{count} Markdown marks (* _ [ < & ` \\); a paragraph this long may have at most {limit}. "
                            "Split the paragraphs with blank lines."),
    "too-much-markup": ("isi berkas ini memuat terlalu banyak tanda Markdown (* _ [ < & ` | \\ dan singkatan): {count}, "
                        "batasnya {limit}. Pecah menjadi beberapa artikel.",
                        "this text has too many Markdown marks (* _ [ < & ` | \\ and abbreviations): {count}, "
                        "the limit is {limit}. "
                        "Split it into several articles."),
    "too-many-html-tags": ("isi berkas ini memuat terlalu banyak tag HTML (<...>): {count}, batasnya {limit}.",
                           "this text has too many HTML tags (<...>): {count}, the limit is {limit}."),
    "too-many-headings": ("isi berkas ini memuat terlalu banyak judul bagian (#): {count}, batasnya {limit}.",
                          "this text has too many headings (#): {count}, the limit is {limit}."),
    "too-many-footnotes": ("isi berkas ini memuat terlalu banyak catatan kaki ([^...]:): {count}, batasnya {limit}.",
                           "this text has too many footnotes ([^...]:): {count}, the limit is {limit}."),
    "too-many-abbreviations": ("isi berkas ini memuat terlalu banyak singkatan (*[...]:): {count}, batasnya {limit}.",
                               "this text defines too many abbreviations (*[...]:): {count}, the limit is {limit}."),
    "block-too-long": ("bagian yang dimulai di baris ini memuat {count} judul, garis, atau definisi tanpa baris kosong "
                       "di antaranya, dalam {length} karakter; bagian sepanjang ini boleh memuat paling banyak {limit}. "
                       "Sisipkan baris kosong sebelum dan sesudah setiap judul.",
                       "the block starting on this line has {count} headings, rules or definitions with no blank line "
                       "between them, in {length} characters; a block this long may have at most {limit}. "
                       "Put a blank line before and after every heading."),
    "too-many-definitions": ("daftar definisi (baris yang diawali :) tanpa baris kosong terlalu panjang: {count}, "
                             "batasnya {limit}. Sisipkan baris kosong di antara istilah.",
                             "a definition list (lines starting with :) without blank lines is too long: {count}, "
                             "the limit is {limit}. Put blank lines between the terms."),
    "internal-error": ("terjadi galat internal kimpress ({detail}). Jalankan lagi dengan --debug dan laporkan.",
                       "kimpress hit an internal error ({detail}). Run again with --debug and report it."),
    "serve-cannot-listen": ("tidak bisa membuka {host}:{port} ({reason}). Coba port lain, misalnya --port 8001.",
                            "cannot listen on {host}:{port} ({reason}). Try another port, e.g. --port 8001."),
    "serve-public-host": ("pratinjau terbuka untuk jaringan di {host}: siapa pun di jaringan itu bisa melihat "
                          "draf Anda. Pakai hanya di jaringan yang Anda percayai.",
                          "the preview is open to the network on {host}: anyone on it can see your drafts. "
                          "Use this only on a network you trust."),
}

LABELS: dict[str, tuple[str, str]] = {
    "warning": ("peringatan", "warning"),
    "error": ("galat", "error"),
    "builtin": ("halaman bawaan kimpress", "a page kimpress makes"),
    "theme": ("tema", "the theme"),
}
