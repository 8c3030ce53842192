"""The words of diagnostics about what readers get: settings for photos and budget, photos, cek-fakta, search."""

from __future__ import annotations

READER_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Indonesian, English)
    "unknown-images-setting": ("kolom `images.{setting}` tidak dikenal. Pilihan: {choices}.",
                               "`images.{setting}` is not a known setting. Choices: {choices}."),
    "unknown-budget-setting": ("kolom `budget.{setting}` tidak dikenal. Pilihan: {choices}.",
                               "`budget.{setting}` is not a known setting. Choices: {choices}."),
    "unknown-contact-setting": ("kolom `contact.{setting}` tidak dikenal. Pilihan: {choices}.",
                                "`contact.{setting}` is not a known kind of contact. Choices: {choices}."),
    # cek fakta
    "unknown-verdict": ("hasil cek fakta \"{value}\" tidak dikenal. Pilihan: {choices}.",
                        "the fact-check verdict \"{value}\" is not known. Choices: {choices}."),
    "factcheck-no-verdict": ("artikel cek fakta ini belum diberi hasil pemeriksaan. Tambahkan misalnya "
                             "`verdict: hoaks` agar pembaca melihat labelnya dan judulnya diawali [HOAKS]. "
                             "Pilihan: {choices}.",
                             "this fact-check article has no verdict. Add for example `verdict: hoaks` so readers "
                             "see its label and its title starts with [HOAKS]. Choices: {choices}."),
    "factcheck-outside-rubrik": ("artikel ini diberi hasil cek fakta \"{label}\" tetapi tidak berada di rubrik "
                                 "cek-fakta. Tulis `rubrik: cek-fakta` agar artikel ini tampil di rubrik Cek Fakta.",
                                 "this article has the fact-check verdict \"{label}\" but is not in the cek-fakta "
                                 "rubrik. Write `category: cek-fakta` so it is listed with the other fact checks."),
    "factcheck-title-prefix-differs": ("judul diawali [{typed}], tetapi hasil cek faktanya \"{label}\". Awalan "
                                       "[{prefix}] ditambahkan otomatis; hapus awalan dari judul.",
                                       "the title starts with [{typed}] but the verdict is \"{label}\". The prefix "
                                       "[{prefix}] is added for you; remove the one in the title."),
    "factcheck-source-not-url": ("\"{value}\" bukan alamat tautan. Tulis alamat lengkap seperti "
                                 "https://contoh.id/berita, atau \"Judul | https://contoh.id/berita\".",
                                 "\"{value}\" is not a link. Write a full address such as https://example.org/news, "
                                 "or \"Title | https://example.org/news\"."),
    "factcheck-appearance-invalid": ("tempat beredarnya klaim harus berupa nama (WhatsApp, Facebook) atau alamat "
                                     "tautan, satu per baris daftar.",
                                     "where the claim circulated must be a name (WhatsApp, Facebook) or a link, "
                                     "one per list item."),
    # photos and weight
    "image-alt-missing": ("gambar `{src}` belum punya teks pengganti (alt). Tulis keterangan singkat di dalam "
                          "kurung siku, misalnya ![Warga bergotong royong membersihkan parit]({src}), agar pembaca "
                          "tunanetra dan yang gambarnya gagal dimuat tetap tahu isinya.",
                          "the image `{src}` has no alternative text (alt). Describe it briefly inside the square "
                          "brackets, for example ![Residents clearing a ditch]({src}), for blind readers and for "
                          "those whose image does not load."),
    "cover-alt-missing": ("gambar sampul `{value}` belum punya keterangan. Tambahkan `cover_alt:` (atau "
                          "`keterangan_sampul:`) yang menjelaskan isi gambar.",
                          "the cover `{value}` has no description. Add `cover_alt:` describing what it shows."),
    "image-failed": ("gambar `{url}` tidak bisa diolah: {reason}. Simpan ulang sebagai JPEG atau PNG.",
                     "the image `{url}` could not be processed: {reason}. Save it again as JPEG or PNG."),
    "page-over-budget": ("halaman {url} berukuran {size} KB, melebihi batas {budget} KB (`budget.html_kb`). Pembaca "
                         "dengan kuota terbatas membayar setiap KB; ringkas isinya atau bagi menjadi beberapa halaman.",
                         "the page {url} weighs {size} KB, over the {budget} KB budget (`budget.html_kb`). Readers "
                         "on small data plans pay for every KB; shorten it or split it."),
    "image-over-budget": ("gambar {url} berukuran {size} KB, melebihi batas {budget} KB (`budget.image_kb`). "
                          "Perkecil gambarnya sebelum diunggah.",
                          "the image {url} weighs {size} KB, over the {budget} KB budget (`budget.image_kb`). "
                          "Make it smaller before uploading it."),
    # Photos that cannot be made light (kimpress.media.probe.MediaProblem).
    "image-unreadable": ("berkas `{name}` bukan gambar yang bisa dibaca. Simpan ulang sebagai JPEG atau PNG.",
                         "`{name}` is not an image kimpress can read. Save it again as JPEG or PNG."),
    "image-damaged": ("berkas gambar `{name}` rusak atau terpotong. Salin ulang dari sumbernya, atau buka lalu "
                      "simpan ulang sebagai JPEG atau PNG.",
                      "the image `{name}` is damaged or cut short. Copy it again from where it came from, or open "
                      "it and save it again as JPEG or PNG."),
    "image-too-large": ("gambar `{name}` terlalu besar: lebih dari {limit} megapiksel. Perkecil dulu, misalnya "
                        "menjadi lebar 4000 piksel.",
                        "the image `{name}` is too large: over {limit} megapixels. Make it smaller first, for "
                        "example 4000 pixels wide."),
    "image-missing": ("berkas gambar `{name}` tidak ditemukan. Periksa nama dan letak berkasnya.",
                      "the image `{name}` was not found. Check the file's name and folder."),
    "svg-unreadable": ("berkas `{name}` tidak berisi gambar SVG. Simpan ulang dari program gambarnya sebagai SVG, "
                       "atau sebagai PNG.",
                       "`{name}` holds no SVG picture. Save it again from the drawing program as SVG, or as PNG."),
    "photo-as-is": ("gambar `{name}` tidak bisa diolah ({problem}), jadi diterbitkan apa adanya: tidak diperkecil, "
                    "dan datanya (misalnya lokasi GPS) tidak dihapus. Buka lalu simpan ulang sebagai JPEG atau PNG.",
                    "the image `{name}` could not be processed ({problem}), so it is published as it is: not made "
                    "smaller, and its data (such as a GPS position) not removed. Open it and save it again as JPEG "
                    "or PNG."),
}
