"""The words of every YAML problem a writer can make, in Indonesian and English (see ``messages``)."""

from __future__ import annotations

YAML_MESSAGES: dict[str, tuple[str, str]] = {
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
    "yaml-too-large": ("YAML ini terlalu besar (lebih dari {limit} nilai, alias dihitung sebanyak pemakaiannya).",
                       "this YAML is too large (more than {limit} values, each alias counted every time it is used)."),
}
