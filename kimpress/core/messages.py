"""The words of every diagnostic, in Indonesian and English.

Writers are volunteers, not programmers: say what is wrong and how to fix it, in
plain words, with the formal "Anda".
"""

from __future__ import annotations

from kimpress.core.admin_messages import ADMIN_MESSAGES
from kimpress.core.check_messages import CHECK_MESSAGES
from kimpress.core.ci_messages import CI_MESSAGES
from kimpress.core.reader_messages import READER_MESSAGES
from kimpress.core.redirect_messages import REDIRECT_MESSAGES
from kimpress.core.report_messages import REPORT_MESSAGES
from kimpress.core.yaml_messages import YAML_MESSAGES

MESSAGES: dict[str, tuple[str, str]] = {
    **YAML_MESSAGES,
    **READER_MESSAGES,
    **ADMIN_MESSAGES,
    **CI_MESSAGES,
    **CHECK_MESSAGES,
    **REDIRECT_MESSAGES,
    **REPORT_MESSAGES,
    # code: (Indonesian, English)
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
    "plugin-options-mapping": ("pengaturan plugin `{plugin}` harus berupa daftar `nama: nilai`, misalnya "
                               "`{plugin}: {{ukuran: 10}}`, atau dikosongkan.",
                               "the settings of plugin `{plugin}` must be a mapping of `name: value`, for example "
                               "`{plugin}: {{size: 10}}`, or left empty."),
    "plugin-unknown": ("plugin `{plugin}` tidak terpasang. Pasang paketnya (pip install ...) atau hapus dari "
                       "`plugins:`. Plugin yang terpasang: {installed}.",
                       "plugin `{plugin}` is not installed. Install its package (pip install ...) or remove it from "
                       "`plugins:`. Installed plugins: {installed}."),
    "plugin-failed": ("plugin `{plugin}` gagal dimuat: {detail}. Periksa pengaturannya di `plugins:`.",
                      "plugin `{plugin}` failed to load: {detail}. Check its settings under `plugins:`."),
    "plugin-hook-failed": ("plugin `{plugin}` gagal saat `{hook}`: {detail}.",
                           "plugin `{plugin}` failed in `{hook}`: {detail}."),
    "output-kind-unknown": ("keluaran {url} berjenis `{kind}`, tetapi tidak ada plugin yang membuat jenis itu.",
                            "the output {url} is of kind `{kind}`, but no plugin makes that kind."),
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
    "builtin-site": ("situs (tanpa berkas tertentu)", "the site (no particular file)"),
}
